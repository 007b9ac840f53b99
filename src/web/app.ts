// The web process's express app, built without listening (tests call it directly).
import express, { type Express } from 'express';
import { BatonError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { callbackPathOf, connectPathOf, type ConnectDeps } from '../app/connectCrm.ts';
import type { CrmProvider } from '../crm/provider.ts';
import type { CrmPort } from '../crm/port.ts';
import type { Tenant } from '../store/tenants.ts';
import { errorHandler } from './httpErrors.ts';
import { CARD_API_PATH } from './paths.ts';
import { requireOpsToken, type OpsAccess } from './requireOpsToken.ts';
import { NO_STORE_PATHS, noStore, securityHeaders } from './securityHeaders.ts';
import { INSTALL_LIMITS, installRateLimit, type InstallLimits } from './routes/installRateLimit.ts';
import { getHealthz, getReadyz } from './routes/getHealth.ts';
import { getConnect, getConnectCallback } from './routes/getConnect.ts';
import { crmWebhookRouter, type WebhookRouteDeps } from './routes/postCrmWebhook.ts';
import { postTenantUninstall, type DisconnectTenant } from './routes/postTenantUninstall.ts';
import type { UserNames } from '../app/userDirectory.ts';
import { getOpsBackfill, postOpsBackfill, type OpsTenantsDeps } from './routes/opsTenants.ts';
import { postLeadReturn } from './routes/postLeadReturn.ts';
import {
  getLeadPassport,
  getReturnReasons,
  getSettings,
  postSettingsPreview,
  putSettings,
} from './routes/cardApi.ts';
import { signedCardRouter, type SignedRequestDeps } from './hubspotSignedRequest.ts';
import type { Tx } from '../store/executor.ts';
import type { Metrics } from '../metrics.ts';
import type { Decision } from '../domain/decide/draft.ts';
import { opsApiRouter, type OpsApiDeps } from './ops/opsApi.ts';
import { reviewApiRouter } from './ops/reviewApi.ts';
import { scorecardApiRouter } from './ops/scorecardApi.ts';
import { whatIfApiRouter } from './ops/whatIfApi.ts';
import { opsLoginRouter } from './ops/opsLogin.ts';
import type { LoginLimits } from './ops/loginRateLimit.ts';
import type { OpsSessions } from './ops/opsSessions.ts';
import { originOfUrl } from './ops/sameOrigin.ts';

export interface WebDeps {
  log: Logger;
  /** Production: HSTS on every answer. */
  production?: boolean;
  /** How many proxies in front of Baton append X-Forwarded-For (BATON_TRUST_PROXY); 0 when absent. */
  trustProxyHops?: number;
  /** How many installs a client, and all clients, may start per window (default INSTALL_LIMITS). */
  installLimits?: InstallLimits;
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
    /** The tenant's CRM: who signed a card request (a user of that portal, and which owner). */
    crmFor: (tenant: Tenant) => Promise<CrmPort>;
  };
  opsApi?: OpsApiDeps;
  metrics?: Metrics;
  /** Extra ops pages (the console), mounted under /ops behind the login. */
  opsPages?: (access: OpsAccess) => express.Router;
  /** The console's server-side sessions; without them signing in is off (the bearer token still works). */
  opsSessions?: OpsSessions;
  /** Wrong-token limits of the console login (default LOGIN_LIMITS). */
  opsLoginLimits?: LoginLimits;
  /** BATON_PUBLIC_URL: its origin is where console changes may come from. */
  publicUrl?: string;
}

export function createApp(deps: WebDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // Only the proxies Baton is told about may name the client (rate limits key on it); none by default.
  app.set('trust proxy', deps.trustProxyHops ?? 0);
  app.use(securityHeaders({ production: deps.production ?? false }));
  app.use(NO_STORE_PATHS, noStore);
  app.get('/healthz', getHealthz);
  app.get('/readyz', getReadyz(deps.isReady));
  const crms = deps.crms;
  for (const provider of crms?.providers ?? []) if (crms) app.use(crmWebhookRouter(crms.webhooks, provider));
  if (deps.hubspotCards) {
    const cards = signedCardRouter(deps.hubspotCards);
    cards.get('/leads/:leadId/passport', getLeadPassport(deps.hubspotCards));
    cards.post('/leads/:leadId/return', postLeadReturn({ ...deps.hubspotCards, log: deps.log }));
    cards.get('/reasons', getReturnReasons);
    cards.get('/settings', getSettings);
    cards.put('/settings', putSettings(deps.hubspotCards));
    cards.post('/settings/preview', postSettingsPreview(deps.hubspotCards));
    app.use(CARD_API_PATH, cards);
  }
  const installLimit = installRateLimit(deps.installLimits ?? INSTALL_LIMITS);
  for (const provider of crms?.providers ?? []) {
    if (!crms) break;
    app.get(connectPathOf(provider), ...installLimit, getConnect(crms.connect, provider));
    app.get(callbackPathOf(provider), getConnectCallback(crms.connect, provider));
  }
  const opsAccess: OpsAccess = {
    token: deps.opsToken ?? null,
    sessions: deps.opsSessions ?? null,
    publicOrigin: deps.publicUrl ? originOfUrl(deps.publicUrl) : null,
  };
  app.use('/ops', opsLoginRouter(opsAccess, { ...(deps.opsLoginLimits && { limits: deps.opsLoginLimits }) }));
  if (deps.metrics) {
    const registry = deps.metrics.registry;
    app.get('/metrics', requireOpsToken(opsAccess), async (_req, res) => {
      res.type(registry.contentType).send(await registry.metrics());
    });
  }
  if (deps.opsPages) app.use('/ops', deps.opsPages(opsAccess));
  const ops = express.Router();
  ops.use(requireOpsToken(opsAccess));
  ops.use(express.json({ limit: '100kb' }));
  if (deps.opsApi) ops.use('/api', opsApiRouter(deps.opsApi), scorecardApiRouter(deps.opsApi));
  if (deps.opsApi) ops.use('/api', reviewApiRouter(deps.opsApi));
  if (deps.opsApi) ops.use('/api', whatIfApiRouter(deps.opsApi));
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
