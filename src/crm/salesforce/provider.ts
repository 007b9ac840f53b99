// Salesforce behind Baton's provider interface: orgs connected through OAuth with PKCE, Leads as leads (the port),
// changes subscribed from Change Data Capture over the Pub/Sub API (the topics' permissions checked on connect), the
// org's daily API allocation watched.
import type { Logger } from '../../logger.ts';
import type { ChangeSink, CrmProvider } from '../provider.ts';
import { SF_MARKETING_QUEUE } from './batonFields.ts';
import { SalesforceChangeFeed, type SalesforceFeedOptions } from './changeFeed.ts';
import { validationRuleMessage } from './collections.ts';
import { salesforceOAuthFlow, type SalesforceApp } from './oauth.ts';
import { SalesforceOrgs, type SalesforceOrgsDeps } from './orgs.ts';
import { PubSubClient } from './pubsub/pubSubClient.ts';
import { topicAccessProblems } from './topicAccess.ts';

export function salesforceProvider(
  app: SalesforceApp,
  deps: SalesforceOrgsDeps & { feed?: SalesforceFeedOptions },
): CrmProvider & { orgs: SalesforceOrgs } {
  const orgs = new SalesforceOrgs(app, deps);
  return {
    kind: 'salesforce',
    name: 'Salesforce',
    orgs,
    oauth: salesforceOAuthFlow(app),
    port: (tenant) => orgs.crm(tenant.id),
    async settingsAfterProvisioning(tenantId, report, policy) {
      // Leads Baton gives back to marketing go to the package's queue (a missing queue is in the report already).
      if (policy.marketingOwnerId || !report.unchanged.includes(`queue ${SF_MARKETING_QUEUE}`)) return {};
      return { marketingOwnerId: await (await orgs.crm(tenantId)).marketingQueue() };
    },
    // No rolling window on short calls: the daily allocation is what runs out (reported per call, shown in ops).
    limitPer10s: null,
    waiting: (tenantId) => orgs.limiters.queued(tenantId),
    forget: (tenantId) => orgs.forget(tenantId),
    webhooks: null,
    ruleRefusal: validationRuleMessage,
    changeFeed: (sink: ChangeSink, log: Logger) =>
      new SalesforceChangeFeed(orgs, sink, log, app.pubSubUrl, deps.feed),
    async changeCaptureProblems(tenant) {
      const { instanceUrl, tokens } = await orgs.session(tenant.id);
      // A short deadline: the admin waits on the connect page.
      const client = new PubSubClient(
        app.pubSubUrl,
        async () => ({ accessToken: await tokens.accessToken(), instanceUrl, orgId: tenant.externalId }),
        10_000,
      );
      try {
        return await topicAccessProblems(client, app.pubSubUrl);
      } finally {
        client.close();
      }
    },
    stop: () => orgs.stop(),
  };
}
