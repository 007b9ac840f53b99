// Connecting a CRM account, the same for every CRM: the admin goes to the CRM's consent screen with a signed,
// single-use state (and a PKCE verifier kept server-side where the CRM wants one); the callback checks the state,
// trades the code for tokens (the provider's part), creates or reactivates the tenant with its tokens encrypted,
// makes the installing user a Baton admin, and provisions the account (fields, nurture lists) — recording what it
// found for ops. Disconnecting revokes the grant (best effort) and removes the tokens; the tenant's data stays.
import { authorizationDeniedMessage } from './authorizationDenied.ts';
import { z } from 'zod';
import { CrmError, type ProvisioningProblem, type ProvisioningReport } from '../crm/port.ts';
import type { CrmProvider } from '../crm/provider.ts';
import { tokenSetSchema } from '../crm/tokenSet.ts';
import type { Logger } from '../logger.ts';
import { writeCheckpoint } from '../store/checkpoints.ts';
import type { Cipher } from '../store/cipher.ts';
import { deleteCredentials, loadCredentials, saveCredentials } from '../store/credentials.ts';
import type { Executor } from '../store/executor.ts';
import { keepPkceVerifier, takePkceVerifier, useOAuthState } from '../store/oauthStates.ts';
import {
  connectTenant,
  findTenant,
  getTenant,
  savePolicy,
  setTenantStatus,
  type Tenant,
} from '../store/tenants.ts';
import type { InstallStateSigner } from './installState.ts';

/** Nurture list key → the CRM's list (HubSpot list or Salesforce campaign) id. */
export const LISTS_CHECKPOINT = 'hubspot.lists';
export const PROVISIONING_CHECKPOINT = 'provisioning';

export interface ConnectDeps {
  db: Executor;
  cipher: Cipher;
  signer: InstallStateSigner;
  publicUrl: string;
  now: () => Date;
  log: Logger;
  /** After a (re)connect: subscribe its changes, start the initial sync. */
  onConnected?: (tenant: Tenant, provider: CrmProvider) => Promise<void>;
}

/** Where an admin starts connecting (the install link), and where the CRM sends them back. */
export const connectPathOf = (provider: Pick<CrmProvider, 'kind'>) => `/oauth/${provider.kind}/install`;
export const callbackPathOf = (provider: Pick<CrmProvider, 'kind'>) => `/oauth/${provider.kind}/callback`;

export const callbackQuery = z.object({
  code: z.string().min(1).max(1000).optional(),
  state: z.string().max(1000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
});

export type ConnectOutcome =
  | {
      ok: true;
      tenant: Tenant;
      reconnected: boolean;
      provisioning: ProvisioningReport | null;
      provisioningError: string | null;
    }
  | {
      ok: false;
      /** `code_refused`: the CRM refused the code (the caller's problem); `crm_error`: the CRM failed. */
      reason: 'bad_state' | 'replayed_state' | 'denied' | 'missing_code' | 'code_refused' | 'crm_error';
      message: string;
    };

/** How long a started install may take to come back; then its PKCE verifier is deleted by the sweep. */
export const INSTALL_EXPIRES_MS = 10 * 60_000;

/** Where the admin's browser goes to consent, and whether a row (a PKCE verifier) was stored for the callback. */
export async function beginConnect(
  deps: ConnectDeps,
  provider: CrmProvider,
): Promise<{ url: string; storedVerifier: boolean }> {
  const now = deps.now();
  const { state, nonce } = deps.signer.issueWithNonce(provider.kind, now);
  const { url, verifier } = provider.oauth.authorize(`${deps.publicUrl}${callbackPathOf(provider)}`, state);
  if (verifier)
    await keepPkceVerifier(deps.db, nonce, verifier, new Date(now.getTime() + INSTALL_EXPIRES_MS));
  return { url, storedVerifier: verifier !== null };
}

/** The state is Baton's, for this CRM, unexpired and not used before; the PKCE verifier comes with it. */
async function takeState(deps: ConnectDeps, provider: CrmProvider, state: string | undefined, now: Date) {
  const verified = deps.signer.verify(state, provider.kind, now);
  if (!verified) return { ok: false as const, reason: 'bad_state' as const };
  if (!(await useOAuthState(deps.db, verified.n, new Date(verified.exp), now)))
    return { ok: false as const, reason: 'replayed_state' as const };
  return { ok: true as const, verifier: await takePkceVerifier(deps.db, verified.n, now) };
}

export async function completeConnect(
  deps: ConnectDeps,
  provider: CrmProvider,
  query: z.infer<typeof callbackQuery>,
): Promise<ConnectOutcome> {
  const now = deps.now();
  const { name, oauth } = provider;
  const w = oauth.words;
  const state = await takeState(deps, provider, query.state, now);
  if (!state.ok) {
    const why = state.reason === 'bad_state' ? 'is not valid or has expired' : 'was already used';
    return { ok: false, reason: state.reason, message: `This ${w.verb} link ${why}. Start again.` };
  }
  if (query.error) {
    deps.log.info(
      { crm: provider.kind, error: query.error, description: query.error_description },
      'connect: the CRM did not grant access',
    );
    return { ok: false, reason: 'denied', message: authorizationDeniedMessage(name, query.error) };
  }
  if (!query.code)
    return { ok: false, reason: 'missing_code', message: `${name} sent no authorization code. Start again.` };
  let grant;
  try {
    grant = await oauth.exchange(
      query.code,
      `${deps.publicUrl}${callbackPathOf(provider)}`,
      state.verifier,
      now,
    );
  } catch (error) {
    deps.log.warn({ err: error, crm: provider.kind }, 'connect: code exchange failed');
    const detail = error instanceof CrmError ? error.message : 'unexpected error';
    // The CRM refusing the code (a forged, expired or used one) is the caller's problem; the CRM failing or
    // unreachable is a gateway failure.
    const refused =
      error instanceof CrmError && (error.kind === 'auth_invalid' || error.kind === 'permanent');
    return refused
      ? {
          ok: false,
          reason: 'code_refused',
          message: `${name} refused the ${w.noun} (${detail}): the authorization code is not valid, has expired or was already used. Nothing was stored; start again.`,
        }
      : {
          ok: false,
          reason: 'crm_error',
          message: `${name} could not complete the ${w.noun} (${detail}). Nothing was stored; try again in a moment.`,
        };
  }
  const before = await findTenant(deps.db, provider.kind, grant.account.externalId);
  const tenant = await deps.db.transaction().execute(async (tx) => {
    const t = await connectTenant(tx, { crm: provider.kind, ...grant.account });
    await saveCredentials(tx, deps.cipher, t.id, grant.credentials);
    return t;
  });
  if (grant.adminUserId && tenant.policy.admins.length === 0)
    await updatePolicy(deps.db, tenant, { admins: [grant.adminUserId] });
  provider.forget(tenant.id);
  deps.log.info({ tenantId: tenant.id, reconnected: before !== null }, `${provider.kind} account connected`);
  const provisioned = await provision(deps, provider, tenant);
  await deps.onConnected?.(tenant, provider);
  return { ok: true, tenant, reconnected: before !== null, ...provisioned };
}

async function updatePolicy(db: Executor, tenant: Tenant, change: Partial<Tenant['policy']>): Promise<void> {
  if (Object.keys(change).length === 0) return;
  const saved = await savePolicy(db, tenant.id, { ...tenant.policy, ...change });
  if (saved.ok) tenant.policy = saved.policy;
}

/** Provisions the account and records what it found; a failure leaves the tenant connected with the fix in ops. */
async function provision(deps: ConnectDeps, provider: CrmProvider, tenant: Tenant) {
  try {
    const report = await provisionTenant(deps, provider, tenant);
    await updatePolicy(
      deps.db,
      tenant,
      await provider.settingsAfterProvisioning(tenant.id, report, tenant.policy),
    );
    return { provisioning: report, provisioningError: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    deps.log.warn({ tenantId: tenant.id, err: error }, 'provisioning failed');
    await recordProvisioningFailure(
      deps.db,
      tenant.id,
      { what: `Provisioning failed: ${message}`, fix: provider.oauth.words.provisioningFix },
      deps.now(),
    );
    return { provisioning: null, provisioningError: message };
  }
}

/** Creates what Baton needs in the account and records it: list ids for the worker, problems for ops. */
export async function provisionTenant(
  deps: Pick<ConnectDeps, 'db' | 'now'>,
  provider: CrmProvider,
  tenant: Tenant,
): Promise<ProvisioningReport> {
  const report = await (await provider.port(tenant)).provision(tenant.policy);
  report.problems.push(...(await changeCaptureProblems(provider, tenant)));
  await writeCheckpoint(deps.db, tenant.id, LISTS_CHECKPOINT, report.lists);
  await writeCheckpoint(deps.db, tenant.id, PROVISIONING_CHECKPOINT, {
    ...report,
    at: deps.now().toISOString(),
  });
  return report;
}

/** The change-capture check never fails provisioning: what it could not check is one more problem to show. */
async function changeCaptureProblems(provider: CrmProvider, tenant: Tenant): Promise<ProvisioningProblem[]> {
  try {
    return (await provider.changeCaptureProblems?.(tenant)) ?? [];
  } catch (error) {
    return [
      {
        what: `Baton could not check change capture: ${error instanceof Error ? error.message : String(error)}`,
        fix: 'Connect again; until change capture is checked, the ops console shows each topic as it subscribes.',
      },
    ];
  }
}

/** Provisioning did not run to the end: ops shows why and the fix (lists already known are kept). */
async function recordProvisioningFailure(
  db: Executor,
  tenantId: string,
  problem: ProvisioningProblem,
  now: Date,
): Promise<void> {
  await writeCheckpoint(db, tenantId, PROVISIONING_CHECKPOINT, {
    created: [],
    unchanged: [],
    lists: {},
    problems: [problem],
    at: now.toISOString(),
  });
}

/**
 * Takes Baton out of the account — HubSpot: the app uninstalled and the grant revoked; Salesforce: the grant revoked —
 * then removes the stored tokens; the tenant's data stays. The CRM failing to answer does not keep Baton connected
 * (the ops answer says what happened at the CRM).
 */
export async function disconnect(
  deps: Pick<ConnectDeps, 'db' | 'cipher' | 'log' | 'now'>,
  providers: readonly CrmProvider[],
  tenantId: string,
): Promise<{ found: boolean; uninstalled: boolean; revoked: boolean }> {
  const tenant = await getTenant(deps.db, tenantId);
  const provider = providers.find((p) => p.kind === tenant?.crm);
  if (!tenant || !provider) return { found: false, uninstalled: false, revoked: false };
  let outcome = { uninstalled: false, revoked: false };
  const credentials = await loadCredentials(deps.db, deps.cipher, tenantId, tokenSetSchema).catch(() => null);
  if (credentials) {
    try {
      outcome = await provider.oauth.disconnect(credentials, deps.now());
    } catch (error) {
      deps.log.warn({ tenantId, err: error }, 'disconnect: the CRM could not be told');
    }
  }
  await deleteCredentials(deps.db, tenantId);
  await setTenantStatus(deps.db, tenantId, 'disconnected');
  provider.forget(tenantId);
  return { found: true, ...outcome };
}
