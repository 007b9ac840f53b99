// The express app serving HubSpot's API paths (built without listening, so it can be mounted elsewhere).
import express, { Router, type Express } from 'express';
import type { SandboxState } from '../state/sandboxState.ts';
import { authenticate, requireScopes } from './authenticate.ts';
import { errorHandler, unknownRoute } from './errorHandler.ts';
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
import { propertiesRoutes } from './routes/properties.ts';

export interface AppDeps {
  state: SandboxState;
  limiter: RateLimiter;
  faults: () => FaultInjector;
  oauth: () => OAuthOptions;
  onInternalError: (err: unknown) => void;
}

const CONTACTS = ['crm.objects.contacts.read', 'crm.objects.contacts.write'] as const;

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
  crm.use(
    '/v3/objects',
    requireScopes(...CONTACTS),
    contactsMergeRoutes(),
    objectsBatchRoutes(),
    objectsSearchRoutes(),
    objectsBasicRoutes(),
  );
  crm.use(
    '/v3/properties',
    requireScopes('crm.schemas.contacts.read', 'crm.schemas.contacts.write'),
    propertiesRoutes(),
  );
  crm.use(
    '/v3/lists',
    requireScopes('crm.lists.read', 'crm.lists.write'),
    listMembershipRoutes(),
    listsRoutes(),
  );
  crm.use('/v3/owners', requireScopes('crm.objects.owners.read', 'crm.objects.owners.read'), ownersRoutes());
  crm.use('/v4', requireScopes(...CONTACTS), associationsRoutes());
  crm.use('/associations/2026-03', requireScopes(...CONTACTS), datedAssociationsRoutes());
  app.use('/crm', crm);
  // Uninstalls are authenticated like any API call, and neither rate-limited nor faulted (an ops action).
  app.use('/appinstalls', authenticate(deps.state), appInstallsRoutes(deps.state));

  app.use(unknownRoute);
  app.use(errorHandler(deps.onInternalError));
  return app;
}
