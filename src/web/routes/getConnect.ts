// GET /oauth/:crm/install → the CRM's consent screen (an app installed in a HubSpot portal, a Salesforce org
// connected); GET /oauth/:crm/callback → connected, with what provisioning found, or a clear error page.
import type { RequestHandler } from 'express';
import {
  beginConnect,
  callbackQuery,
  completeConnect,
  type ConnectDeps,
  type ConnectOutcome,
} from '../../app/connectCrm.ts';
import type { CrmProvider } from '../../crm/provider.ts';
import { page } from '../page.ts';
import { STORED_INSTALL_ROW } from './installRateLimit.ts';

const capitalised = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

export function getConnect(deps: ConnectDeps, provider: CrmProvider): RequestHandler {
  return async (_req, res) => {
    const { url, storedVerifier } = await beginConnect(deps, provider);
    // The install rate limit counts only starts that left a row behind (see installRateLimit.ts).
    res.locals[STORED_INSTALL_ROW] = storedVerifier;
    res.redirect(302, url);
  };
}

function connectedLines(provider: CrmProvider, outcome: Extract<ConnectOutcome, { ok: true }>): string[] {
  const { words } = provider.oauth;
  const t = outcome.tenant;
  const where = t.name.includes(t.externalId) ? t.name : `${t.name} (${words.account} ${t.externalId})`;
  const lines = [`Baton is ${outcome.reconnected ? 'reconnected to' : words.done} ${where}.`];
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
  lines.push(`You can close this window and return to ${provider.name}.`);
  return lines;
}

export function getConnectCallback(deps: ConnectDeps, provider: CrmProvider): RequestHandler {
  const { words } = provider.oauth;
  const failed = `${capitalised(words.verb)} failed`;
  return async (req, res) => {
    const query = callbackQuery.safeParse(req.query);
    if (!query.success) {
      const lines = [`The ${words.verb} link is malformed. Start again.`];
      res
        .status(400)
        .type('html')
        .send(page(failed, lines, { tone: 'error' }));
      return;
    }
    const outcome = await completeConnect(deps, provider, query.data);
    if (!outcome.ok) {
      const status = outcome.reason === 'crm_error' ? 502 : 400;
      res
        .status(status)
        .type('html')
        .send(page(failed, [outcome.message], { tone: 'error' }));
      return;
    }
    const title = outcome.reconnected ? 'Reconnected' : capitalised(words.done.split(' ')[0] ?? words.verb);
    res
      .status(200)
      .type('html')
      .send(page(title, connectedLines(provider, outcome)));
  };
}
