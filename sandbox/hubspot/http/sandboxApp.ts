// The express app serving HubSpot's API paths (built without listening, so it can be mounted elsewhere).
import express, { Router, type Express, type RequestHandler } from 'express';
import type { SandboxState } from '../state/sandboxState.ts';
import { authenticate, requireScopes } from './authenticate.ts';
import { errorHandler, unknownRoute } from './errorHandler.ts';
import {
  CONTACT_SCOPES,
  leadsOr,
  requireObjectScopes,
  SCHEMA_SCOPES,
  TYPES_IN_PATH,
} from './objectScopes.ts';
import type { FaultInjector } from './faultInjection.ts';
import { injectFaults } from './faultMiddleware.ts';
import type { RateLimiter } from './rateLimiter.ts';
import { rateLimit } from './rateLimitMiddleware.ts';
import { logRequests } from './requestLogMiddleware.ts';
import { appInstallsRoutes } from './routes/appInstalls.ts';
import { associationsRoutes, datedAssociationsRoutes } from './routes/associations.ts';
import { contactsMergeRoutes } from './routes/contactsMerge.ts';
import { listMembershipRoutes } from './routes/listMemberships.ts';
import { listsRoutes } from './routes/lists.ts';
import { oauthRoutes, type OAuthOptions } from './routes/oauth.ts';
import { objectsBasicRoutes } from './routes/objectsBasic.ts';
import { objectsBatchRoutes } from './routes/objectsBatch.ts';
import { objectsSearchRoutes } from './routes/objectsSearch.ts';
import { ownersRoutes } from './routes/owners.ts';
import { pipelinesRoutes } from './routes/pipelines.ts';
import { propertiesRoutes } from './routes/properties.ts';

export interface AppDeps {
  state: SandboxState;
  limiter: RateLimiter;
  faults: () => FaultInjector;
  oauth: () => OAuthOptions;
  onInternalError: (err: unknown) => void;
}

// Scopes follow the object type in the path (objectScopes.ts): leads need the leads scopes, the rest what they did.
const byType = requireObjectScopes(TYPES_IN_PATH.first, leadsOr(CONTACT_SCOPES));

export function createSandboxApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag'); // HubSpot's API sends no ETags, so clients never get a 304
  app.use(logRequests(deps.state));
  app.use('/oauth', oauthRoutes(deps.state, deps.oauth));

  const crm = Router();
  // Authenticate and count the call before reading its body, as an API gateway does.
  crm.use(authenticate(deps.state), rateLimit(deps.limiter), injectFaults(deps.faults));
  crm.use(express.json({ limit: '10mb', type: ['application/json', 'application/*+json'] }));
  // Each v3 API is served again at its date-versioned path with the same routes: the 2026-03 specs publish the same
  // operations and shapes under new prefixes (PublicApiSpecs/CRM/Objects/Rollouts/424/2026-03/objects.json,
  // .../Properties/Rollouts/145899/2026-03/properties.json, .../Lists/Rollouts/144891/2026-03/lists.json,
  // .../Crm Owners/Rollouts/146888/2026-03/crmOwners.json; contact merge: .../Contacts/Rollouts/424/2026-03/contacts.json;
  // pipelines: .../Pipelines/Rollouts/145896/2026-03/pipelines.json).
  const apis: Array<[v3: string, dated: string, scopes: RequestHandler, routes: () => RequestHandler[]]> = [
    [
      '/v3/objects',
      '/objects/2026-03',
      byType,
      () => [contactsMergeRoutes(), objectsBatchRoutes(), objectsSearchRoutes(), objectsBasicRoutes()],
    ],
    [
      '/v3/properties',
      '/properties/2026-03',
      requireObjectScopes(TYPES_IN_PATH.first, leadsOr(SCHEMA_SCOPES)),
      () => [propertiesRoutes()],
    ],
    ['/v3/pipelines', '/pipelines/2026-03', byType, () => [pipelinesRoutes()]],
    [
      '/v3/lists',
      '/lists/2026-03',
      requireScopes('crm.lists.read', 'crm.lists.write'),
      () => [listMembershipRoutes(), listsRoutes()],
    ],
    [
      '/v3/owners',
      '/owners/2026-03',
      requireScopes('crm.objects.owners.read', 'crm.objects.owners.read'),
      () => [ownersRoutes()],
    ],
  ];
  for (const [v3, dated, scopes, routes] of apis) crm.use([v3, dated], scopes, ...routes());
  // Associations need the contacts scopes as before, plus the leads scopes when either side is leads.
  crm.use(
    '/v4',
    requireScopes(...CONTACT_SCOPES),
    requireObjectScopes(TYPES_IN_PATH.v4, leadsOr(CONTACT_SCOPES)),
    associationsRoutes(),
  );
  crm.use(
    '/associations/2026-03',
    requireScopes(...CONTACT_SCOPES),
    requireObjectScopes(TYPES_IN_PATH.pair, leadsOr(CONTACT_SCOPES)),
    datedAssociationsRoutes(),
  );
  app.use('/crm', crm);
  // Uninstalls are authenticated like any API call, and neither rate-limited nor faulted (an ops action).
  app.use('/appinstalls', authenticate(deps.state), appInstallsRoutes(deps.state));

  app.use(unknownRoute);
  app.use(errorHandler(deps.onInternalError));
  return app;
}
