// npm run sandbox: a local HubSpot on its own port (default 3100, SANDBOX_PORT), with one portal and an
// installed developer app, and a local Salesforce org (default 3200, SANDBOX_SF_PORT) with Baton's package and
// connected app, so Baton — or curl, or the official clients — can be pointed at them without accounts. Prints
// what a client needs: base URLs, portal/org ids, client ids/secrets, tokens, authorize URLs.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { bootstrapPortal, createHubSpotSandbox } from '../sandbox/hubspot/index.ts';
import { bootstrapOrg, createSalesforceSandbox } from '../sandbox/salesforce/index.ts';

const optional = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

const ENV = z.object({
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65_535).default(3100),
  SANDBOX_HOST: z.string().default('127.0.0.1'),
  SANDBOX_REDIRECT_URI: z.url().default('http://localhost:3000/oauth/hubspot/callback'),
  SANDBOX_WEBHOOK_URL: optional.pipe(z.url().optional()),
  SANDBOX_CLIENT_ID: optional,
  SANDBOX_CLIENT_SECRET: optional,
  SANDBOX_RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  SANDBOX_SF_PORT: z.coerce.number().int().min(0).max(65_535).default(3200),
  SANDBOX_SF_REDIRECT_URI: z.url().default('http://localhost:3000/oauth/salesforce/callback'),
  SANDBOX_SF_CLIENT_ID: optional,
  SANDBOX_SF_CLIENT_SECRET: optional,
  SANDBOX_SF_DAILY_API_REQUESTS: z.coerce.number().int().min(1).default(100_000),
});

const parsed = ENV.safeParse(process.env);
if (!parsed.success) {
  console.error(
    `The sandbox cannot start:\n${parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`,
  );
  process.exit(1);
}
const env = parsed.data;

const sandbox = createHubSpotSandbox({ rateLimits: env.SANDBOX_RATE_LIMITS === 'on' ? {} : false });
const setup = bootstrapPortal(sandbox.state, {
  portalName: 'Sandbox Portal',
  redirectUri: env.SANDBOX_REDIRECT_URI,
  ...(env.SANDBOX_CLIENT_ID && { clientId: env.SANDBOX_CLIENT_ID }),
  ...(env.SANDBOX_CLIENT_SECRET && { clientSecret: env.SANDBOX_CLIENT_SECRET }),
  ...(env.SANDBOX_WEBHOOK_URL && {
    webhookTargetUrl: env.SANDBOX_WEBHOOK_URL,
    subscriptions: [
      { subscriptionType: 'contact.creation' },
      { subscriptionType: 'contact.deletion' },
      { subscriptionType: 'contact.privacyDeletion' },
      { subscriptionType: 'contact.merge' },
      ...[
        'lifecyclestage',
        'hs_lead_status',
        'hubspot_owner_id',
        'notes_last_contacted',
        'hs_last_sales_activity_timestamp',
      ].map((propertyName) => ({ subscriptionType: 'contact.propertyChange' as const, propertyName })),
    ],
  }),
  owners: [
    { email: 'alex.rep@sandbox.example', firstName: 'Alex', lastName: 'Rep' },
    { email: 'sam.rep@sandbox.example', firstName: 'Sam', lastName: 'Rep' },
  ],
});
const running = await sandbox.listen(env.SANDBOX_PORT, env.SANDBOX_HOST);

console.log(`HubSpot sandbox listening on ${running.baseUrl}

  portal id          ${setup.portal.id}
  app id             ${setup.app.appId}
  client id          ${setup.app.clientId}
  client secret      ${setup.app.clientSecret}
  access token       ${setup.privateAppToken}   (private-app token, does not expire)
  oauth access token ${setup.accessToken}   (expires in 30 min)
  oauth refresh      ${setup.refreshToken}
  authorize URL      ${setup.authorizeUrl(running.baseUrl, 'sandbox')}
  webhooks           ${env.SANDBOX_WEBHOOK_URL ?? 'off (set SANDBOX_WEBHOOK_URL)'}
  rate limits        ${env.SANDBOX_RATE_LIMITS}

  new Client({ accessToken: '<access token>', basePath: '${running.baseUrl}' })
`);

const salesforce = createSalesforceSandbox({ dailyApiRequests: env.SANDBOX_SF_DAILY_API_REQUESTS });
const org = bootstrapOrg(salesforce.state, {
  orgName: 'Sandbox Org',
  campaigns: ['Nurture: not ready', 'Nurture: no budget', 'Nurture: education'],
  app: {
    redirectUri: env.SANDBOX_SF_REDIRECT_URI,
    ...(env.SANDBOX_SF_CLIENT_ID && { clientId: env.SANDBOX_SF_CLIENT_ID }),
    ...(env.SANDBOX_SF_CLIENT_SECRET && { clientSecret: env.SANDBOX_SF_CLIENT_SECRET }),
  },
});
const sfRunning = await salesforce.listen(env.SANDBOX_SF_PORT, env.SANDBOX_HOST);
const pkceVerifier = randomBytes(48).toString('base64url');

console.log(`Salesforce sandbox listening on ${sfRunning.baseUrl}

  org id             ${org.org.id}
  instance / login   ${sfRunning.baseUrl}
  client id          ${org.app.clientId}
  client secret      ${org.app.clientSecret}
  access token       ${org.accessToken}   (${org.admin.values.Username}; session times out after 2 h idle)
  refresh token      ${org.refreshToken}
  authorize URL      ${org.authorizeUrl(sfRunning.baseUrl, { state: 'sandbox', codeVerifier: pkceVerifier })}
  PKCE verifier      ${pkceVerifier}   (send as code_verifier with the code)
  marketing queue    ${org.marketingQueue?.id ?? 'none'}
  reps               ${org.reps.map((r) => `${String(r.values.Name)} ${r.id}`).join(', ')}
  change events      ${sfRunning.pubSubUrl} (Pub/Sub API: /data/LeadChangeEvent, /data/TaskChangeEvent, /data/EventChangeEvent)
  daily API requests ${env.SANDBOX_SF_DAILY_API_REQUESTS}

  new Connection({ instanceUrl: '${sfRunning.baseUrl}', accessToken: '<access token>', version: '62.0' })
`);

const stop = async (): Promise<void> => {
  await Promise.all([sandbox.close(), salesforce.close()]);
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
