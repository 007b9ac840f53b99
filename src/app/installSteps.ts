// What connecting any CRM shares: the signed, single-use state of the OAuth round trip, and keeping what
// provisioning found (list ids for the worker, problems with their fix for ops) — or why it could not run.
import type { ProvisioningProblem, ProvisioningReport } from '../crm/port.ts';
import { writeCheckpoint } from '../store/checkpoints.ts';
import type { Executor } from '../store/executor.ts';
import { useOAuthState } from '../store/oauthStates.ts';
import type { InstallStateSigner } from './installState.ts';

/** Nurture list key → the CRM's list (HubSpot list or Salesforce campaign) id. */
export const LISTS_CHECKPOINT = 'hubspot.lists';
export const PROVISIONING_CHECKPOINT = 'provisioning';

/** The callback's state: signed by Baton for this CRM, not expired, and not used before. */
export async function takeInstallState(
  deps: { db: Executor; signer: InstallStateSigner },
  state: string | undefined,
  crm: 'hubspot' | 'salesforce',
  now: Date,
): Promise<{ ok: true; nonce: string } | { ok: false; reason: 'bad_state' | 'replayed_state' }> {
  const verified = deps.signer.verify(state, crm, now);
  if (!verified) return { ok: false, reason: 'bad_state' };
  if (!(await useOAuthState(deps.db, verified.n, new Date(verified.exp), now)))
    return { ok: false, reason: 'replayed_state' };
  return { ok: true, nonce: verified.n };
}

export async function recordProvisioning(
  db: Executor,
  tenantId: string,
  report: ProvisioningReport,
  now: Date,
): Promise<void> {
  await writeCheckpoint(db, tenantId, LISTS_CHECKPOINT, report.lists);
  await writeCheckpoint(db, tenantId, PROVISIONING_CHECKPOINT, { ...report, at: now.toISOString() });
}

/** Provisioning did not run to the end: ops shows why and the fix (lists already known are kept). */
export async function recordProvisioningFailure(
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
