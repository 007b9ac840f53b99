// The express app serving Salesforce's paths (built without listening, so it can be mounted elsewhere): the
// login server's OAuth endpoints and identity URLs and the versioned REST API. Change Data Capture is served over
// the Pub/Sub API, a gRPC server of its own (pubsub/pubsubServer.ts).
import express, { Router, type Express } from 'express';
import type { SalesforceState } from '../state/salesforceState.ts';
import { countApiUsage } from './apiUsageMiddleware.ts';
import { authenticate } from './authenticate.ts';
import { errorHandler, unknownRoute } from './errorHandler.ts';
import type { FaultInjector } from './faultInjection.ts';
import { injectFaults } from './faultMiddleware.ts';
import { setInstanceUrl } from './requestContext.ts';
import { logRequests } from './requestLogMiddleware.ts';
import { compositeSobjectsRoutes } from './routes/compositeSobjects.ts';
import { identityRoutes } from './routes/identity.ts';
import { limitsRoutes } from './routes/limits.ts';
import { oauthRoutes, type OAuthOptions } from './routes/oauth.ts';
import { queryRoutes } from './routes/query.ts';
import { replicationRoutes } from './routes/replication.ts';
import { sobjectsRoutes } from './routes/sobjects.ts';
import { toolingQueryRoutes } from './routes/toolingQuery.ts';
import { uiApiRoutes } from './routes/uiApiRecords.ts';
import { resolveVersion, versionResources, versionsRoute } from './routes/versions.ts';

export interface AppDeps {
  state: SalesforceState;
  faults: () => FaultInjector;
  oauth: () => OAuthOptions;
  onInternalError: (err: unknown) => void;
}

function restApi(deps: AppDeps): Router {
  const json = express.json({ limit: '50mb', type: ['application/json', 'application/*+json'] });
  const rest = Router({ mergeParams: true });
  rest.use(resolveVersion, authenticate(deps.state));
  // What an LWC does through Lightning is not an API call: no allocation, no injected faults.
  rest.use('/ui-api', json, uiApiRoutes());
  // Count the call and inject faults before reading its body, as the API gateway does.
  rest.use(countApiUsage, injectFaults(deps.faults), json);
  rest.get('/', versionResources);
  rest.use('/sobjects', replicationRoutes(), sobjectsRoutes());
  rest.use('/composite/sobjects', compositeSobjectsRoutes());
  rest.use('/query', queryRoutes(false));
  rest.use('/queryAll', queryRoutes(true));
  rest.use('/limits', limitsRoutes());
  rest.use('/tooling/query', toolingQueryRoutes());
  rest.use(unknownRoute);
  return rest;
}

export function createSandboxApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use((req, _res, next) => {
    setInstanceUrl(req, `${req.protocol}://${req.get('host') ?? 'localhost'}${req.baseUrl}`);
    next();
  });
  app.use(logRequests(deps.state));
  app.use('/services/oauth2', oauthRoutes(deps.state, deps.oauth));
  app.use('/id', identityRoutes(deps.state));
  app.use('/services/data', versionsRoute());
  app.use('/services/data/:version', restApi(deps));
  app.use(unknownRoute);
  app.use(errorHandler(deps.onInternalError));
  return app;
}
