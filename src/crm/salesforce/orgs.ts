// One Salesforce connection per connected org (jsforce, tokens, limiter), with the org's daily API allocation
// tracked: the org's limiter spaces calls wider as the allocation runs out, and the usage is reported (ops shows it).
import { AccessTokens } from '../accessTokens.ts';
import { CrmError } from '../port.ts';
import type { ProviderDeps } from '../provider.ts';
import { LimiterRegistry } from '../rateLimits.ts';
import { SALESFORCE_LIMITS, spacingFor, type ApiBudget } from './limits.ts';
import { refreshTokens, type SalesforceApp } from './oauth.ts';
import { SalesforceConnection } from './salesforceConnection.ts';
import { SalesforceCrm } from './salesforceCrm.ts';

export interface SalesforceOrgsDeps extends ProviderDeps {
  /** Told the org's API usage after every call. */
  onApiUsage?: (tenantId: string, budget: ApiBudget) => void;
}

export class SalesforceOrgs {
  private readonly app: SalesforceApp;
  private readonly deps: SalesforceOrgsDeps;
  readonly limiters = new LimiterRegistry(SALESFORCE_LIMITS);
  private readonly orgs = new Map<
    string,
    { crm: SalesforceCrm; tokens: AccessTokens; instanceUrl: string }
  >();

  constructor(app: SalesforceApp, deps: SalesforceOrgsDeps) {
    this.app = app;
    this.deps = deps;
  }

  private usage(tenantId: string, budget: ApiBudget): void {
    this.limiters.for(tenantId, 'general').updateSettings({ minTime: spacingFor(budget) });
    this.deps.onApiUsage?.(tenantId, budget);
  }

  async crm(tenantId: string): Promise<SalesforceCrm> {
    return (await this.org(tenantId)).crm;
  }

  private async org(tenantId: string) {
    const d = this.deps;
    const stored = await d.vault.read(tenantId);
    if (!stored?.instanceUrl)
      throw new CrmError('auth_invalid', `No Salesforce connection for ${tenantId}: connect the org`);
    const known = this.orgs.get(tenantId);
    if (known && known.instanceUrl === stored.instanceUrl) return known;
    const tokens = new AccessTokens({
      tenantId,
      vault: d.vault,
      now: d.now,
      refresh: (current) => refreshTokens(this.app, current, d.now()),
    });
    const connection = new SalesforceConnection({
      tenantId,
      instanceUrl: stored.instanceUrl,
      tokens,
      limiters: this.limiters,
      log: d.onCall,
      onBudget: (b) => this.usage(tenantId, b),
      ...(d.retry && { retry: d.retry }),
      ...(d.timeoutMs !== undefined && { timeoutMs: d.timeoutMs }),
    });
    const org = { crm: new SalesforceCrm(connection, d.now), tokens, instanceUrl: stored.instanceUrl };
    this.orgs.set(tenantId, org);
    return org;
  }

  /** The org's instance and tokens, for the change stream (it authenticates with the same session). */
  async session(tenantId: string): Promise<{ instanceUrl: string; tokens: AccessTokens }> {
    const org = await this.org(tenantId);
    return { instanceUrl: org.instanceUrl, tokens: org.tokens };
  }

  forget(tenantId: string): void {
    this.orgs.delete(tenantId);
  }

  async stop(): Promise<void> {
    await this.limiters.stop();
  }
}
