// The web process's express app, built without listening (tests call it directly).
import express, { type Express } from 'express';
import { BatonError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { callbackPathOf, connectPathOf, type ConnectDeps } from '../app/connectCrm.ts';
import type { CrmProvider } from '../crm/provider.ts';
import { errorHandler } from './httpErrors.ts';
import { CARD_API_PATH } from './paths.ts';
import { requireOpsToken } from './requireOpsToken.ts';
import { getHealthz, getReadyz } from './routes/getHealth.ts';
import { getConnect, getConnectCallback } from './routes/getConnect.ts';
import { crmWebhookRouter, type WebhookRouteDeps } from './routes/postCrmWebhook.ts';
import { postTenantUninstall, type DisconnectTenant } from './routes/postTenantUninstall.ts';
import type { UserNames } from '../app/userDirectory.ts';
import { getOpsBackfill, postOpsBackfill, type OpsTenantsDeps } from './routes/opsTenants.ts';
import { postLeadReturn } from './routes/postLeadReturn.ts';
import { getLeadPassport, getReturnReasons, getSettings, putSettings } from './routes/cardApi.ts';
import { signedCardRouter, type SignedRequestDeps } from './hubspotSignedRequest.ts';
import type { Tx } from '../store/executor.ts';
import type { Metrics } from '../metrics.ts';
import type { Decision } from '../domain/decide/draft.ts';
import { opsApiRouter, type OpsApiDeps } from './ops/opsApi.ts';
import { opsLoginRouter } from './ops/opsLogin.ts';

export interface WebDeps {
  log: Logger;
  isReady: () => Promise<boolean>;
  /** BATON_OPS_TOKEN; null turns ops endpoints off. */
  opsToken?: string | null;
  /** The CRMs Baton serves (each configured app): their connect flow and their webhooks. */
  crms?: { providers: readonly CrmProvider[]; connect: ConnectDeps; webhooks: WebhookRouteDeps };
  /** Disconnects a tenant of either CRM (ops). */
  disconnectTenant?: DisconnectTenant;
  opsTenants?: OpsTenantsDeps;
  /** The API Baton's HubSpot cards call (signed by HubSpot). */
  hubspotCards?: SignedRequestDeps & {
    enqueueFlush: (tx: Tx, tenantId: string) => Promise<void>;
    observeDecision?: (decision: Decision) => void;
    userNames?: UserNames;
  };
  opsApi?: OpsApiDeps;
  metrics?: Metrics;
  /** Extra ops pages (the console), mounted under /ops behind the login. */
  opsPages?: express.Router;
  /** Session cookies only over https (production). */
  secureCookies?: boolean;
}

export function createApp(deps: WebDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', true);
  app.get('/healthz', getHealthz);
  app.get('/readyz', getReadyz(deps.isReady));
  const crms = deps.crms;
  for (const provider of crms?.providers ?? []) if (crms) app.use(crmWebhookRouter(crms.webhooks, provider));
  if (deps.hubspotCards) {
    const cards = signedCardRouter(deps.hubspotCards);
    cards.get('/leads/:leadId/passport', getLeadPassport(deps.hubspotCards));
    cards.post('/leads/:leadId/return', postLeadReturn(deps.hubspotCards));
    cards.get('/reasons', getReturnReasons);
    cards.get('/settings', getSettings);
    cards.put('/settings', putSettings(deps.hubspotCards));
    app.use(CARD_API_PATH, cards);
  }
  for (const provider of crms?.providers ?? []) {
    if (!crms) break;
    app.get(connectPathOf(provider), getConnect(crms.connect, provider));
    app.get(callbackPathOf(provider), getConnectCallback(crms.connect, provider));
  }
  const opsToken = deps.opsToken ?? null;
  app.use('/ops', opsLoginRouter(opsToken, deps.secureCookies ?? false));
  if (deps.metrics) {
    const registry = deps.metrics.registry;
    app.get('/metrics', requireOpsToken(opsToken), async (_req, res) => {
      res.type(registry.contentType).send(await registry.metrics());
    });
  }
  if (deps.opsPages) app.use('/ops', deps.opsPages);
  const ops = express.Router();
  ops.use(requireOpsToken(opsToken));
  ops.use(express.json({ limit: '100kb' }));
  if (deps.opsApi) ops.use('/api', opsApiRouter(deps.opsApi));
  if (deps.disconnectTenant)
    ops.post('/api/tenants/:tenantId/uninstall', postTenantUninstall(deps.disconnectTenant));
  if (deps.opsTenants) {
    ops.get('/api/tenants/:tenantId/backfill', getOpsBackfill(deps.opsTenants));
    ops.post('/api/tenants/:tenantId/backfill', postOpsBackfill(deps.opsTenants));
  }
  app.use('/ops', ops);
  app.use((req, _res, next) => next(new BatonError('not_found', `No route for ${req.method} ${req.path}`)));
  app.use(errorHandler(deps.log));
  return app;
}
