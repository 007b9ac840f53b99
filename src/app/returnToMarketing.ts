// "Return to marketing": a rep hands a lead back with a reason. The decision (ledger row, recycle or review,
// effects) and the job that applies it to the CRM are saved in one transaction; a repeated request (double
// click, HubSpot's retry) returns once. Only the lead's owner, the owner's manager or a Baton admin of the portal
// may return it (domain/returnPermission.ts); the user is first resolved in the CRM, so an id of another portal
// or a removed user is refused before anything is read.
import { z } from 'zod';
import type { CrmPort, PortalUser } from '../crm/port.ts';
import { decide, type DecisionProblem } from '../domain/decide/decide.ts';
import type { Decision } from '../domain/decide/draft.ts';
import type { LeadState } from '../domain/decide/leadState.ts';
import { mayReturn, NOT_A_PORTAL_USER, type ReturnPermission } from '../domain/returnPermission.ts';
import type { Logger } from '../logger.ts';
import type { Executor, Tx } from '../store/executor.ts';
import { acceptIntoInbox } from '../store/inbox.ts';
import { loadLead } from '../store/leads.ts';
import type { Tenant } from '../store/tenants.ts';
import { applyEvent } from './applyEvent.ts';
import { decisionContexts } from './decisionContext.ts';
import type { UserNames } from './userDirectory.ts';

export interface ReturnInput {
  leadId: string;
  userId: string;
  reason: string;
  note?: string | undefined;
  reengageAt?: Date | undefined;
  /** The client's id for this submission: the same id again is the same return. */
  requestId: string;
}

export type ReturnOutcome =
  | { ok: true; state: LeadState; duplicate: boolean }
  | {
      ok: false;
      problem:
        | DecisionProblem
        | { kind: 'unknown_lead' | 'forbidden'; message: string }
        | { kind: 'owner_changed' | 'crm_unavailable'; message: string };
    };

export interface ReturnDeps {
  db: Executor;
  now: () => Date;
  enqueueFlush: (tx: Tx, tenantId: string) => Promise<void>;
  /** The tenant's CRM: who the signed-in user is there (a user of this portal, and which owner). */
  crmFor: (tenant: Tenant) => Promise<CrmPort>;
  /** The owner's name for a refusal's words (a courtesy: without it they say "the lead's owner"). */
  userNames?: UserNames | undefined;
  observeDecision?: ((decision: Decision) => void) | undefined;
  log?: Pick<Logger, 'warn'> | undefined;
  /** Default USER_CHECK_TIMEOUT_MS. */
  userCheckTimeoutMs?: number;
}

class AlreadyReturned extends Error {}
const CANNOT_CHECK = 'Baton could not confirm who you are in this portal right now; try again in a minute';
/**
 * How long the user check may wait for the CRM (its rate limit may queue the call): the card's request is cut off by
 * HubSpot after 15 s, and a rep should get an answer, not a spinner that ends in doubt.
 */
export const USER_CHECK_TIMEOUT_MS = 5_000;
/** The lead changed hands between the check and the save: the permission was for another owner. */
class OwnerChanged extends Error {}

const keyOf = (input: ReturnInput) => `card-return:${input.leadId}:${input.requestId}`;

export async function returnToMarketing(
  deps: ReturnDeps,
  tenant: Tenant,
  input: ReturnInput,
): Promise<ReturnOutcome> {
  const current = await loadLead(deps.db, tenant.id, input.leadId);
  if (!current) {
    return { ok: false, problem: { kind: 'unknown_lead', message: 'Baton does not track this contact yet' } };
  }
  // The same click again (double click, HubSpot's retry) by the same user answers as the first one did.
  if (await seenFrom(deps.db, tenant.id, input)) return { ok: true, state: current.state, duplicate: true };
  const now = deps.now();
  const contexts = await decisionContexts(deps.db, tenant);
  const event = {
    kind: 'returned',
    at: now,
    byUserId: input.userId,
    reason: input.reason,
    note: input.note,
    reengageAt: input.reengageAt,
  } as const;
  // What the lead's stage and the policy's reasons allow is said first, to anyone (every user sees the passport).
  const dryRun = decide(current.state, event, contexts.at(now));
  if (!dryRun.ok) return dryRun;
  const user = await portalUserOf(deps, tenant, input.userId);
  if (user === 'unknown') return { ok: false, problem: { kind: 'crm_unavailable', message: CANNOT_CHECK } };
  if (!user) return { ok: false, problem: { kind: 'forbidden', message: NOT_A_PORTAL_USER } };
  const permission = await permissionFor(deps, tenant, user, current.state);
  if (!permission.allowed) return { ok: false, problem: { kind: 'forbidden', message: permission.message } };
  try {
    const outcome = await applyEvent(deps.db, {
      tenantId: tenant.id,
      leadId: input.leadId,
      event: { ...event, byOwnerId: user.ownerId },
      contexts,
      now,
      observe: deps.observeDecision,
      alsoInTransaction: async (tx, decision) => {
        // The request id first: the second of two concurrent clicks is the first one's duplicate, not a change of
        // hands (the first click's return is what moved the lead to marketing).
        await recordReturn(deps, tx, tenant, input, now);
        // Saved against the state it was decided on: an owner's or manager's permission holds for that owner only.
        const returnedRow = decision.ledger.find(
          (row) => row.cause === 'rep_returned' && row.to === 'returned',
        );
        if (permission.as !== 'admin' && (returnedRow?.ownerId ?? null) !== current.state.ownerId)
          throw new OwnerChanged();
      },
    });
    if (!outcome.ok) return (await duplicateOf(deps, tenant, input)) ?? outcome;
    return { ok: true, state: outcome.decision.state, duplicate: false };
  } catch (error) {
    if (error instanceof OwnerChanged) {
      const duplicate = await duplicateOf(deps, tenant, input);
      if (duplicate) return duplicate;
      const message = 'The lead changed hands while you were returning it. Reload the record and try again';
      return { ok: false, problem: { kind: 'owner_changed', message } };
    }
    if (!(error instanceof AlreadyReturned)) throw error;
    const after = await loadLead(deps.db, tenant.id, input.leadId);
    return { ok: true, state: after?.state ?? current.state, duplicate: true };
  }
}

/**
 * A click that lost the race to its own twin (a double click, HubSpot's retry): the first one's return moved the lead
 * on, so this one's decision is refused — but it is the same return, answered as a duplicate.
 */
async function duplicateOf(
  deps: ReturnDeps,
  tenant: Tenant,
  input: ReturnInput,
): Promise<ReturnOutcome | null> {
  if (!(await seenFrom(deps.db, tenant.id, input))) return null;
  const after = await loadLead(deps.db, tenant.id, input.leadId);
  return after ? { ok: true, state: after.state, duplicate: true } : null;
}

/** This request id was already taken for this lead from this user (another user's id is not theirs to repeat). */
async function seenFrom(db: Executor, tenantId: string, input: ReturnInput): Promise<boolean> {
  const seen = await db
    .selectFrom('inbox')
    .select('payload')
    .where('tenant_id', '=', tenantId)
    .where('dedupe_key', '=', keyOf(input))
    .executeTakeFirst();
  return seen !== undefined && recordedUser.safeParse(seen.payload).data?.userId === input.userId;
}

const recordedUser = z.object({ userId: z.string() });

/** The inbox row is the audit trail and the idempotency key; processed here and now. */
async function recordReturn(deps: ReturnDeps, tx: Tx, tenant: Tenant, input: ReturnInput, now: Date) {
  const marker = await acceptIntoInbox(tx, {
    tenantId: tenant.id,
    source: 'card.return',
    dedupeKey: keyOf(input),
    leadId: input.leadId,
    payload: { ...input, reengageAt: input.reengageAt?.toISOString() ?? null },
  });
  if (marker.outcome === 'duplicate') throw new AlreadyReturned();
  await tx
    .updateTable('inbox')
    .set({ status: 'processed', processed_at: now })
    .where('id', '=', marker.id)
    .execute();
  await deps.enqueueFlush(tx, tenant.id);
}

async function permissionFor(
  deps: ReturnDeps,
  tenant: Tenant,
  user: { userId: string; ownerId: string },
  lead: LeadState,
): Promise<ReturnPermission> {
  const authority = { managers: tenant.policy.escalation.managers, admins: tenant.policy.admins };
  const holder = { ownerId: lead.ownerId, managerId: lead.managerId };
  const verdict = mayReturn(user, holder, authority);
  if (verdict.allowed || lead.ownerId === null) return verdict;
  const names = (await deps.userNames?.(tenant, [lead.ownerId])) ?? new Map<string, string>();
  return mayReturn(user, { ...holder, ownerName: names.get(lead.ownerId) ?? null }, authority);
}

/** Fails closed: when the CRM cannot say who the user is, nobody returns anything ('unknown'). */
async function portalUserOf(
  deps: ReturnDeps,
  tenant: Tenant,
  userId: string,
): Promise<PortalUser | null | 'unknown'> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'unknown'>((resolve) => {
    timer = setTimeout(() => resolve('unknown'), deps.userCheckTimeoutMs ?? USER_CHECK_TIMEOUT_MS);
  });
  const lookup = (async () => (await deps.crmFor(tenant)).portalUser(userId))().catch((error: unknown) => {
    deps.log?.warn({ err: error, tenantId: tenant.id }, 'could not resolve a card user in the CRM');
    return 'unknown' as const;
  });
  try {
    return await Promise.race([lookup, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
