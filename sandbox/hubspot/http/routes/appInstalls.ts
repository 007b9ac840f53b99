// Uninstalling an app from a portal, as its developer: DELETE /appinstalls/2026-03/external-install (and the
// v3 path it succeeds) with an access token of the install that has the `oauth` scope → 204, no body. The app is
// removed from the portal — its cards go, its webhook subscriptions stop for that portal, its tokens stop working —
// and the portal's super admins get an email with a link to reinstall.
// Spec: CRM/App Uninstalls/Rollouts/209039/2026-03/appUninstalls.json; docs: changelog "public beta new api for
// uninstalling a public app from a hubspot account", api-reference/latest/app-management/app-uninstalls/guide.
// Where the docs are silent — whether the tokens stop at once, what a private app's token gets — the sandbox ends
// the tokens, as an uninstall in the UI does, and refuses private apps (the endpoint is for public apps) with a 403.
import { Router } from 'express';
import { missingScopes } from '../../hubspotErrors.ts';
import type { SandboxState } from '../../state/sandboxState.ts';
import { authOf } from '../requestContext.ts';

export function appInstallsRoutes(state: SandboxState): Router {
  const router = Router();
  for (const version of ['v3', '2026-03']) {
    router.delete(`/${version}/external-install`, (req, res) => {
      const { portal, app, token } = authOf(req);
      if (app.kind !== 'public' || !token.scopes.includes('oauth')) throw missingScopes(['oauth']);
      state.uninstallApp(portal.id, app.appId);
      res.status(204).end();
    });
  }
  return router;
}
