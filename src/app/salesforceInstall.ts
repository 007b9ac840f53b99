// Connecting a Salesforce org: authorize with PKCE (the verifier waits server-side for the callback) → code
// exchange → tenant created or reactivated, tokens stored encrypted, the org verified and its nurture campaigns
// found or created; disconnect revokes and removes the tokens.
import { z } from 'zod';
import { SF_MARKETING_QUEUE } from '../crm/salesforce/batonFields.ts';
import { authorizeUrl, exchangeCode, pkcePair, revoke, type SalesforceApp } from '../crm/salesforce/oauth.ts';
import { CrmError, type ProvisioningReport } from '../crm/port.ts';
import { tokenSetSchema } from '../crm/tokenSet.ts';
import type { Logger } from '../logger.ts';
import type { Cipher } from '../store/cipher.ts';
import { deleteCredentials, loadCredentials, saveCredentials } from '../store/credentials.ts';
import type { Executor } from '../store/executor.ts';
import { keepPkceVerifier, takePkceVerifier } from '../store/oauthStates.ts';
import {
  connectTenant,
  findTenant,
  getTenant,
  savePolicy,
  setTenantStatus,
  type Tenant,
} from '../store/tenants.ts';
import { recordProvisioning, recordProvisioningFailure, takeInstallState } from './installSteps.ts';
import type { InstallStateSigner } from './installState.ts';
import type { SalesforceOrgs } from './salesforceOrgs.ts';

export const salesforceCallbackPath = '/oauth/salesforce/callback';

export interface SalesforceInstallDeps {
  db: Executor;
  cipher: Cipher;
  app: SalesforceApp;
  signer: InstallStateSigner;
  publicUrl: string;
  orgs: SalesforceOrgs;
  now: () => Date;
  log: Logger;
  onInstalled?: (tenant: Tenant) => Promise<void>;
}

export const salesforceCallbackQuery = z.object({
  code: z.string().min(1).max(1000).optional(),
  state: z.string().max(1000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
});

export type SalesforceInstallOutcome =
  | {
      ok: true;
      tenant: Tenant;
      reinstalled: boolean;
      provisioning: ProvisioningReport | null;
      provisioningError: string | null;
    }
  | {
      ok: false;
      /** `code_refused`: Salesforce refused the code (the caller's problem); `salesforce_error`: it failed. */
      reason:
        'bad_state' | 'replayed_state' | 'denied' | 'missing_code' | 'code_refused' | 'salesforce_error';
      message: string;
    };

export async function salesforceInstallRedirect(deps: SalesforceInstallDeps): Promise<string> {
  const now = deps.now();
  const { state, nonce } = deps.signer.issueWithNonce('salesforce', now);
  const { verifier, challenge } = pkcePair();
  await keepPkceVerifier(deps.db, nonce, verifier, new Date(now.getTime() + 10 * 60_000));
  return authorizeUrl(deps.app, `${deps.publicUrl}${salesforceCallbackPath}`, state, challenge);
}

export async function provisionOrg(
  deps: Pick<SalesforceInstallDeps, 'db' | 'orgs' | 'now'>,
  tenant: Tenant,
): Promise<ProvisioningReport> {
  const report = await (await deps.orgs.crm(tenant.id)).provision(tenant.policy);
  await recordProvisioning(deps.db, tenant.id, report, deps.now());
  return report;
}

export async function completeSalesforceInstall(
  deps: SalesforceInstallDeps,
  query: z.infer<typeof salesforceCallbackQuery>,
): Promise<SalesforceInstallOutcome> {
  const now = deps.now();
  const state = await takeInstallState(deps, query.state, 'salesforce', now);
  if (!state.ok)
    return {
      ok: false,
      reason: state.reason,
      message:
        state.reason === 'bad_state'
          ? 'This connect link is not valid or has expired. Start again.'
          : 'This connect link was already used. Start again.',
    };
  const verifier = await takePkceVerifier(deps.db, state.nonce, now);
  if (query.error) {
    return {
      ok: false,
      reason: 'denied',
      message: `Salesforce did not grant access (${query.error_description ?? query.error}).`,
    };
  }
  if (!query.code || !verifier)
    return {
      ok: false,
      reason: 'missing_code',
      message: 'Salesforce sent no authorization code. Start again.',
    };
  let granted;
  try {
    granted = await exchangeCode(
      deps.app,
      query.code,
      verifier,
      `${deps.publicUrl}${salesforceCallbackPath}`,
      now,
    );
  } catch (error) {
    deps.log.warn({ err: error }, 'salesforce connect: code exchange failed');
    const detail = error instanceof CrmError ? error.message : 'unexpected error';
    // Salesforce refusing the exchange (invalid_grant: a forged, expired or used code) is the caller's problem;
    // Salesforce failing or unreachable (retryable) is a gateway failure.
    const codeRefused =
      error instanceof CrmError && (error.kind === 'auth_invalid' || error.kind === 'permanent');
    return {
      ok: false,
      reason: codeRefused ? 'code_refused' : 'salesforce_error',
      message: `Salesforce refused the connection (${detail}). Nothing was stored; ${codeRefused ? 'start again' : 'try again in a moment'}.`,
    };
  }
  const before = await findTenant(deps.db, 'salesforce', granted.orgId);
  const tenant = await deps.db.transaction().execute(async (tx) => {
    const t = await connectTenant(tx, {
      crm: 'salesforce',
      externalId: granted.orgId,
      name: `Salesforce org ${granted.orgId}`,
    });
    await saveCredentials(tx, deps.cipher, t.id, {
      accessToken: granted.accessToken,
      refreshToken: granted.refreshToken,
      expiresAt: granted.expiresAt,
      instanceUrl: granted.instanceUrl,
    });
    return t;
  });
  if (tenant.policy.admins.length === 0) {
    const saved = await savePolicy(deps.db, tenant.id, { ...tenant.policy, admins: [granted.userId] });
    if (saved.ok) tenant.policy = saved.policy;
  }
  deps.orgs.forget(tenant.id);
  try {
    const provisioning = await provisionOrg(deps, tenant);
    // The marketing queue owns leads back with marketing (a missing queue is already in the report).
    const queueFound = provisioning.unchanged.includes(`queue ${SF_MARKETING_QUEUE}`);
    if (!tenant.policy.marketingOwnerId && queueFound) {
      const queue = await (await deps.orgs.crm(tenant.id)).marketingQueue();
      const saved = await savePolicy(deps.db, tenant.id, { ...tenant.policy, marketingOwnerId: queue });
      if (saved.ok) tenant.policy = saved.policy;
    }
    await deps.onInstalled?.(tenant);
    return { ok: true, tenant, reinstalled: before !== null, provisioning, provisioningError: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    deps.log.warn({ tenantId: tenant.id, err: error }, 'salesforce provisioning failed');
    await recordProvisioningFailure(
      deps.db,
      tenant.id,
      {
        what: `Verifying the org failed: ${message}`,
        fix: "Install Baton's package in the org, then reconnect.",
      },
      now,
    );
    await deps.onInstalled?.(tenant);
    return { ok: true, tenant, reinstalled: before !== null, provisioning: null, provisioningError: message };
  }
}

export async function disconnectOrg(
  deps: SalesforceInstallDeps,
  tenantId: string,
): Promise<{ found: boolean; revoked: boolean }> {
  const tenant = await getTenant(deps.db, tenantId);
  if (!tenant || tenant.crm !== 'salesforce') return { found: false, revoked: false };
  const tokens = await loadCredentials(deps.db, deps.cipher, tenantId, tokenSetSchema).catch(() => null);
  let revoked = false;
  if (tokens) {
    try {
      await revoke(deps.app, tokens.refreshToken);
      revoked = true;
    } catch (error) {
      deps.log.warn({ tenantId, err: error }, 'salesforce disconnect: revoking failed');
    }
  }
  await deleteCredentials(deps.db, tenantId);
  await setTenantStatus(deps.db, tenantId, 'disconnected');
  deps.orgs.forget(tenantId);
  return { found: true, revoked };
}
