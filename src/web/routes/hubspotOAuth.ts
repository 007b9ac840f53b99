// GET /oauth/hubspot/install → HubSpot's consent screen; GET /oauth/hubspot/callback → installed or a clear error.
import type { RequestHandler } from 'express';
import {
  callbackQuery,
  completeInstall,
  installRedirect,
  type HubSpotInstallDeps,
} from '../../app/hubspotInstall.ts';
import { page } from '../page.ts';

export function getHubSpotInstall(deps: HubSpotInstallDeps): RequestHandler {
  return (_req, res) => {
    res.redirect(302, installRedirect(deps));
  };
}

export function getHubSpotCallback(deps: HubSpotInstallDeps): RequestHandler {
  return async (req, res) => {
    const query = callbackQuery.safeParse(req.query);
    if (!query.success) {
      res
        .status(400)
        .type('html')
        .send(
          page('Install failed', ['The install link is malformed. Start the install again.'], {
            tone: 'error',
          }),
        );
      return;
    }
    const outcome = await completeInstall(deps, query.data);
    if (!outcome.ok) {
      const status = outcome.reason === 'hubspot_error' ? 502 : 400;
      res
        .status(status)
        .type('html')
        .send(page('Install failed', [outcome.message], { tone: 'error' }));
      return;
    }
    const lines = [
      `Baton is ${outcome.reinstalled ? 'reconnected to' : 'installed in'} ${outcome.tenant.name} (portal ${outcome.tenant.externalId}).`,
    ];
    if (outcome.provisioning) {
      lines.push(
        `Provisioning: ${outcome.provisioning.created.length} created, ${outcome.provisioning.unchanged.length} already in place.`,
        ...outcome.provisioning.problems.map((p) => `Needs attention: ${p.what} Fix: ${p.fix}`),
      );
    } else {
      lines.push(
        `Provisioning did not finish (${outcome.provisioningError ?? 'unknown error'}); the ops console shows the fix.`,
      );
    }
    lines.push('You can close this window and return to HubSpot.');
    res
      .status(200)
      .type('html')
      .send(page(outcome.reinstalled ? 'Reconnected' : 'Installed', lines));
  };
}
