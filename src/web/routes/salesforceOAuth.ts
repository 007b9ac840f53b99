// GET /oauth/salesforce/install → Salesforce's login and consent (PKCE); GET /oauth/salesforce/callback → the org
// connected, what provisioning found, or a clear error.
import type { RequestHandler } from 'express';
import {
  completeSalesforceInstall,
  salesforceCallbackQuery,
  salesforceInstallRedirect,
  type SalesforceInstallDeps,
} from '../../app/salesforceInstall.ts';
import { page } from '../page.ts';

export function getSalesforceInstall(deps: SalesforceInstallDeps): RequestHandler {
  return async (_req, res) => {
    res.redirect(302, await salesforceInstallRedirect(deps));
  };
}

export function getSalesforceCallback(deps: SalesforceInstallDeps): RequestHandler {
  return async (req, res) => {
    const query = salesforceCallbackQuery.safeParse(req.query);
    if (!query.success) {
      res
        .status(400)
        .type('html')
        .send(page('Connect failed', ['The connect link is malformed. Start again.'], { tone: 'error' }));
      return;
    }
    const outcome = await completeSalesforceInstall(deps, query.data);
    if (!outcome.ok) {
      res
        .status(outcome.reason === 'salesforce_error' ? 502 : 400)
        .type('html')
        .send(page('Connect failed', [outcome.message], { tone: 'error' }));
      return;
    }
    const lines = [
      `Baton is ${outcome.reinstalled ? 'reconnected to' : 'connected to'} ${outcome.tenant.name}.`,
    ];
    if (outcome.provisioning) {
      lines.push(
        `Checked: ${outcome.provisioning.created.length} created, ${outcome.provisioning.unchanged.length} already in place.`,
        ...outcome.provisioning.problems.map((p) => `Needs attention: ${p.what} Fix: ${p.fix}`),
      );
    } else {
      lines.push(
        `Checking the org did not finish (${outcome.provisioningError ?? 'unknown error'}); the ops console shows the fix.`,
      );
    }
    lines.push('You can close this window and return to Salesforce.');
    res
      .status(200)
      .type('html')
      .send(page(outcome.reinstalled ? 'Reconnected' : 'Connected', lines));
  };
}
