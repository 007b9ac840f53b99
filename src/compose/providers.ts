// Which CRMs this Baton serves: one provider per app the environment configures. The only place that names
// HubSpot and Salesforce; everything else works through the provider interface.
import type { Config } from '../config.ts';
import { hubspotProvider } from '../crm/hubspot/provider.ts';
import type { CrmProvider, ProviderDeps } from '../crm/provider.ts';
import { salesforceProvider } from '../crm/salesforce/provider.ts';

export function crmProviders(
  config: Pick<Config, 'hubspot' | 'salesforce' | 'crmTimeoutMs'>,
  deps: ProviderDeps & { onApiUsage: (tenantId: string, usage: { used: number; max: number }) => void },
): CrmProvider[] {
  const shared = { ...deps, ...(config.crmTimeoutMs !== null && { timeoutMs: config.crmTimeoutMs }) };
  return [
    ...(config.hubspot ? [hubspotProvider(config.hubspot, shared)] : []),
    ...(config.salesforce ? [salesforceProvider(config.salesforce, shared)] : []),
  ];
}
