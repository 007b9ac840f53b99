// Installing Baton in a HubSpot portal: authorize → callback (state checked, code exchanged, tenant created or
// reactivated, tokens stored encrypted, portal provisioned) and uninstall (tokens revoked and removed).
import { z } from 'zod';
import {
  authorizeUrl,
  exchangeCode,
  revokeRefreshToken,
  tokenInfo,
  tokenSetSchema,
  type HubSpotApp,
} from '../crm/hubspot/oauth.ts';
import { CrmError, type ProvisioningReport } from '../crm/port.ts';
import type { Logger } from '../logger.ts';
import type { Cipher } from '../store/cipher.ts';
import { deleteCredentials, loadCredentials, saveCredentials } from '../store/credentials.ts';
import type { Executor } from '../store/executor.ts';
import {
  connectTenant,
  findTenant,
  getTenant,
  savePolicy,
  setTenantStatus,
  type Tenant,
} from '../store/tenants.ts';
import type { HubSpotPortals } from './hubspotPortals.ts';
import type { InstallStateSigner } from './installState.ts';
import { recordProvisioning, recordProvisioningFailure, takeInstallState } from './installSteps.ts';

export interface HubSpotInstallDeps {
  db: Executor;
  cipher: Cipher;
  app: HubSpotApp;
  signer: InstallStateSigner;
  publicUrl: string;
  portals: HubSpotPortals;
  now: () => Date;
  log: Logger;
  /** After a (re)install: start the initial sync. */
  onInstalled?: (tenant: Tenant) => Promise<void>;
}

export const callbackPath = '/oauth/hubspot/callback';

export const callbackQuery = z.object({
  code: z.string().min(1).max(500).optional(),
  state: z.string().max(1000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
});

export type InstallOutcome =
  | {
      ok: true;
      tenant: Tenant;
      reinstalled: boolean;
      provisioning: ProvisioningReport | null;
      provisioningError: string | null;
    }
  | {
      ok: false;
      /** `code_refused`: HubSpot refused the code (the caller's problem); `hubspot_error`: HubSpot failed. */
      reason: 'bad_state' | 'replayed_state' | 'denied' | 'missing_code' | 'code_refused' | 'hubspot_error';
      message: string;
    };

export function installRedirect(deps: HubSpotInstallDeps): string {
  return authorizeUrl(deps.app, `${deps.publicUrl}${callbackPath}`, deps.signer.issue('hubspot', deps.now()));
}

/** Provisions the portal and records what it found (list ids for the worker, problems for ops). */
export async function provisionTenant(
  deps: Pick<HubSpotInstallDeps, 'db' | 'portals' | 'now'>,
  tenant: Tenant,
): Promise<ProvisioningReport> {
  const report = await deps.portals.crm(tenant.id).provision(tenant.policy);
  await recordProvisioning(deps.db, tenant.id, report, deps.now());
  return report;
}

export async function completeInstall(
  deps: HubSpotInstallDeps,
  query: z.infer<typeof callbackQuery>,
): Promise<InstallOutcome> {
  const now = deps.now();
  const state = await takeInstallState(deps, query.state, 'hubspot', now);
  if (!state.ok)
    return {
      ok: false,
      reason: state.reason,
      message:
        state.reason === 'bad_state'
          ? 'This install link is not valid or has expired. Start the install again.'
          : 'This install link was already used. Start the install again.',
    };
  if (query.error) {
    return {
      ok: false,
      reason: 'denied',
      message: `HubSpot did not grant access (${query.error_description ?? query.error}).`,
    };
  }
  if (!query.code)
    return {
      ok: false,
      reason: 'missing_code',
      message: 'HubSpot sent no authorization code. Start the install again.',
    };

  let tokens;
  let info;
  let exchanged = false;
  try {
    tokens = await exchangeCode(deps.app, query.code, `${deps.publicUrl}${callbackPath}`, now);
    exchanged = true;
    info = await tokenInfo(deps.app, tokens.accessToken);
  } catch (error) {
    deps.log.warn({ err: error }, 'hubspot install: code exchange failed');
    const detail = error instanceof CrmError ? error.message : 'unexpected error';
    // HubSpot answering the exchange with a 4xx (invalid_grant, BAD_AUTH_CODE: a forged, expired or used code)
    // is the caller's problem; HubSpot failing or unreachable is a gateway failure.
    const codeRefused =
      !exchanged &&
      error instanceof CrmError &&
      (error.kind === 'auth_invalid' || error.kind === 'permanent');
    return codeRefused
      ? {
          ok: false,
          reason: 'code_refused',
          message: `HubSpot refused the install (${detail}): the authorization code is not valid, has expired or was already used. Nothing was stored; start the install again.`,
        }
      : {
          ok: false,
          reason: 'hubspot_error',
          message: `HubSpot could not complete the install (${detail}). Nothing was stored; try again in a moment.`,
        };
  }

  const before = await findTenant(deps.db, 'hubspot', info.portalId);
  const tenant = await deps.db.transaction().execute(async (tx) => {
    const t = await connectTenant(tx, {
      crm: 'hubspot',
      externalId: info.portalId,
      name: info.domain ?? `HubSpot portal ${info.portalId}`,
    });
    await saveCredentials(tx, deps.cipher, t.id, tokens);
    return t;
  });
  if (info.userId && tenant.policy.admins.length === 0) {
    const saved = await savePolicy(deps.db, tenant.id, { ...tenant.policy, admins: [info.userId] });
    if (saved.ok) tenant.policy = saved.policy;
  }
  deps.portals.forget(tenant.id);
  await deps.onInstalled?.(tenant);
  deps.log.info({ tenantId: tenant.id, reinstalled: before !== null }, 'hubspot portal installed');
  try {
    const provisioning = await provisionTenant(deps, tenant);
    return { ok: true, tenant, reinstalled: before !== null, provisioning, provisioningError: null };
  } catch (error) {
    // Installed but not provisioned: the tenant stays connected, ops shows the problem, a re-run fixes it.
    const message = error instanceof Error ? error.message : String(error);
    deps.log.warn({ tenantId: tenant.id, err: error }, 'hubspot provisioning failed');
    await recordProvisioningFailure(
      deps.db,
      tenant.id,
      { what: `Provisioning failed: ${message}`, fix: 'Check the app scopes, then reconnect Baton.' },
      now,
    );
    return { ok: true, tenant, reinstalled: before !== null, provisioning: null, provisioningError: message };
  }
}

/** Revokes the refresh token at HubSpot (best effort), removes stored tokens, keeps the tenant's data. */
export async function uninstall(
  deps: HubSpotInstallDeps,
  tenantId: string,
): Promise<{ found: boolean; revoked: boolean }> {
  const tenant = await getTenant(deps.db, tenantId);
  if (!tenant || tenant.crm !== 'hubspot') return { found: false, revoked: false };
  let revoked = false;
  const tokens = await loadCredentials(deps.db, deps.cipher, tenantId, tokenSetSchema).catch(() => null);
  if (tokens) {
    try {
      await revokeRefreshToken(deps.app, tokens.refreshToken);
      revoked = true;
    } catch (error) {
      deps.log.warn({ tenantId, err: error }, 'hubspot uninstall: revoking the refresh token failed');
    }
  }
  await deleteCredentials(deps.db, tenantId);
  await setTenantStatus(deps.db, tenantId, 'disconnected');
  deps.portals.forget(tenantId);
  return { found: true, revoked };
}
