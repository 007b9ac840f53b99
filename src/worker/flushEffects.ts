// Applies a tenant's pending effects to its CRM, batched across leads: all field writes in batch updates, list
// changes per list, tasks in batch creates. Per lead and list only the net change goes out (add then remove in
// the same flush sends nothing twice). Failures stay pending for the next flush, or are dead-lettered (visible in
// ops, replayable) when permanent or retried too often.
import type { Effect } from '../domain/decide/effect.ts';
import { CrmError, type CrmPort, type CrmTask, type RecordResult } from '../crm/port.ts';
import type { Executor } from '../store/executor.ts';
import {
  markEffectsApplied,
  markEffectsFailed,
  markEffectsSent,
  pendingEffects,
  type PendingEffect,
} from '../store/effects.ts';
import { taskFor } from './effectTasks.ts';

export const MAX_EFFECT_ATTEMPTS = 8;

export interface FlushDeps {
  db: Executor;
  crm: CrmPort;
  tenantId: string;
  /** Nurture list key → the CRM's list id (from provisioning). */
  listIds: Readonly<Record<string, string>>;
  timeZone: string;
  /** Baton's clock: when effects were sent and applied (the sandbox runs it faster than real time). */
  now: () => Date;
}

export interface FlushResult {
  applied: number;
  retrying: number;
  dead: number;
  /** Not tried: an earlier effect of the same lead failed in this flush, so they go out after it, next time. */
  waiting: number;
  /** Stopped because the CRM refused the credentials: nothing more can go out until reconnect. */
  authFailed: boolean;
}

type Outcome = { ok: true; leftAlone?: string } | { ok: false; error: CrmError };

/** The result for each effect key, from per-record results of the call that carried it. */
class Outcomes {
  readonly byKey = new Map<string, Outcome>();
  set(keys: readonly string[], outcome: Outcome): void {
    for (const k of keys) this.byKey.set(k, outcome);
  }
  fromRecords(keysByLead: ReadonlyMap<string, string[]>, results: readonly RecordResult[]): void {
    for (const r of results)
      this.set(
        keysByLead.get(r.id) ?? [],
        r.ok ? { ok: true, ...(r.leftAlone && { leftAlone: r.leftAlone }) } : { ok: false, error: r.error },
      );
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) pushTo(out, key(item), item);
  return out;
}

async function guarded(
  outcomes: Outcomes,
  keys: readonly string[],
  call: () => Promise<void>,
): Promise<void> {
  try {
    await call();
  } catch (error) {
    if (!(error instanceof CrmError)) throw error;
    outcomes.set(keys, { ok: false, error });
  }
}

type Of = <K extends Effect['kind']>(kind: K) => Array<Extract<Effect, { kind: K }>>;

/** Field writes: one input per lead, later writes win. */
async function applyWrites(deps: FlushDeps, of: Of, outcomes: Outcomes): Promise<void> {
  const writes = groupBy(of('write_fields'), (e) => e.leadId);
  const writeKeys = new Map([...writes].map(([lead, es]) => [lead, es.map((e) => e.key)]));
  await guarded(outcomes, [...writeKeys.values()].flat(), async () => {
    const merged = [...writes].map(([leadId, es]) => ({
      leadId,
      fields: Object.assign({}, ...es.map((e) => e.fields)),
    }));
    if (merged.length > 0) outcomes.fromRecords(writeKeys, await deps.crm.writeFields(merged));
  });
}

/** Owners: the last decision per lead. */
async function applyOwners(deps: FlushDeps, of: Of, outcomes: Outcomes): Promise<void> {
  const owners = groupBy(of('set_owner'), (e) => e.leadId);
  const ownerKeys = new Map([...owners].map(([lead, es]) => [lead, es.map((e) => e.key)]));
  await guarded(outcomes, [...ownerKeys.values()].flat(), async () => {
    const last = [...owners].map(([leadId, es]) => ({ leadId, ownerId: es.at(-1)?.ownerId ?? null }));
    if (last.length > 0) outcomes.fromRecords(ownerKeys, await deps.crm.setOwners(last));
  });
}

/** Lists: the net membership per (lead, list) after all its effects, in decision order. */
async function applyLists(deps: FlushDeps, effects: readonly Effect[], outcomes: Outcomes): Promise<void> {
  const listEffects = effects.filter(
    (e): e is Extract<Effect, { kind: 'add_to_list' | 'remove_from_list' }> =>
      e.kind === 'add_to_list' || e.kind === 'remove_from_list',
  );
  for (const [listKey, es] of groupBy(listEffects, (e) => e.list)) {
    const listId = deps.listIds[listKey];
    if (!listId) {
      const error = new CrmError(
        'permanent',
        `Nurture list "${listKey}" is not provisioned in the CRM: reconnect to create it`,
      );
      outcomes.set(
        es.map((e) => e.key),
        { ok: false, error },
      );
      continue;
    }
    const final = new Map<string, { add: boolean; keys: string[] }>();
    for (const e of es) {
      const keys = [...(final.get(e.leadId)?.keys ?? []), e.key];
      final.set(e.leadId, { add: e.kind === 'add_to_list', keys });
    }
    const keysByLead = new Map([...final].map(([lead, f]) => [lead, f.keys]));
    const adds = [...final].filter(([, f]) => f.add).map(([lead]) => lead);
    const removes = [...final].filter(([, f]) => !f.add).map(([lead]) => lead);
    await guarded(
      outcomes,
      adds.flatMap((l) => keysByLead.get(l) ?? []),
      async () => {
        if (adds.length > 0) outcomes.fromRecords(keysByLead, await deps.crm.addToList(listId, adds));
      },
    );
    await guarded(
      outcomes,
      removes.flatMap((l) => keysByLead.get(l) ?? []),
      async () => {
        if (removes.length > 0)
          outcomes.fromRecords(keysByLead, await deps.crm.removeFromList(listId, removes));
      },
    );
  }
}

/**
 * Reminders and escalations become CRM tasks. A task is not idempotent in the CRM: one sent before without an
 * answer (the worker died mid-call, the call timed out) is looked for first, and only created if it is missing.
 */
async function applyTasks(
  deps: FlushDeps,
  batch: readonly PendingEffect[],
  of: Of,
  outcomes: Outcomes,
): Promise<void> {
  const sentAt = new Map(batch.map((p) => [p.effect.key, p.sentAt]));
  const taskEffects = [...of('remind_owner'), ...of('escalate')];
  const tasks: Array<{ key: string; task: CrmTask; uncertain: boolean }> = taskEffects.map((e) => ({
    key: e.key,
    task: taskFor(e, deps.timeZone),
    uncertain: (sentAt.get(e.key) ?? null) !== null,
  }));
  await guarded(
    outcomes,
    tasks.map((t) => t.key),
    async () => {
      if (tasks.length === 0) return;
      const uncertain = tasks.filter((t) => t.uncertain);
      const found = uncertain.length > 0 ? await deps.crm.findTasks(uncertain.map((t) => t.task)) : [];
      const there = new Set(uncertain.filter((_, i) => found[i] === true).map((t) => t.key));
      outcomes.set([...there], { ok: true });
      const create = tasks.filter((t) => !there.has(t.key));
      if (create.length === 0) return;
      await markEffectsSent(
        deps.db,
        deps.tenantId,
        create.map((t) => t.key),
        deps.now(),
      );
      const results = await deps.crm.createTasks(create.map((t) => t.task));
      results.forEach((r, i) => {
        const key = create[i]?.key;
        if (key) outcomes.set([key], r.ok ? { ok: true } : { ok: false, error: r.error });
      });
    },
  );
}

/** One page of effects as the fewest CRM calls: batched writes, owners, net list changes, then tasks. */
async function applyBatch(
  deps: FlushDeps,
  batch: readonly PendingEffect[],
  outcomes: Outcomes,
): Promise<void> {
  const effects = batch.map((p) => p.effect);
  const of: Of = (kind) =>
    effects.filter((e): e is Extract<Effect, { kind: typeof kind }> => e.kind === kind);
  await applyWrites(deps, of, outcomes);
  await applyOwners(deps, of, outcomes);
  await applyLists(deps, effects, outcomes);
  await applyTasks(deps, batch, of, outcomes);
}

/** One page's outcomes, sorted for the store: applied (by why no call was needed), to retry, dead (by error). */
interface SortedOutcomes {
  /** `undefined`: they went out. */
  applied: Map<string | undefined, string[]>;
  retry: Map<string, PendingEffect[]>;
  dead: Map<string, string[]>;
  authFailed: boolean;
}

function sortOutcomes(batch: readonly PendingEffect[], outcomes: Outcomes): SortedOutcomes {
  const sorted: SortedOutcomes = { applied: new Map(), retry: new Map(), dead: new Map(), authFailed: false };
  for (const p of batch) {
    const outcome = outcomes.byKey.get(p.effect.key) ?? { ok: true };
    if (outcome.ok) {
      pushTo(sorted.applied, outcome.leftAlone, p.effect.key);
      continue;
    }
    const { error } = outcome;
    if (error.kind === 'auth_invalid') {
      sorted.authFailed = true;
      continue; // stays pending as it was: it goes out after the tenant reconnects
    }
    const permanent = error.kind === 'permanent' || error.kind === 'not_found';
    if (permanent || p.attempts + 1 >= MAX_EFFECT_ATTEMPTS) pushTo(sorted.dead, error.message, p.effect.key);
    else pushTo(sorted.retry, error.message, p);
  }
  return sorted;
}

async function store(deps: FlushDeps, sorted: SortedOutcomes): Promise<void> {
  for (const [leftAlone, keys] of sorted.applied)
    await markEffectsApplied(deps.db, deps.tenantId, keys, deps.now(), leftAlone ? { leftAlone } : {});
  for (const [message, retry] of sorted.retry)
    await markEffectsFailed(
      deps.db,
      deps.tenantId,
      retry.map((p) => p.effect.key),
      message,
      { dead: false },
    );
  for (const [message, keys] of sorted.dead)
    await markEffectsFailed(deps.db, deps.tenantId, keys, message, { dead: true });
}

const total = <V>(map: ReadonlyMap<unknown, readonly V[]>): number =>
  [...map.values()].reduce((n, list) => n + list.length, 0);

/** A promise whose failure is reported where it is awaited, never as an unhandled rejection meanwhile. */
function started<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/**
 * Goes through the tenant's outbox once, in decision order, a page at a time. The CRM calls of one page finish
 * before the next page's start (a lead's later write never overtakes an earlier one), but the database work
 * around them overlaps: the next page is read, and the previous page's outcomes stored, while a page is at the
 * CRM, so the rate limiter is never left waiting on the database. An effect decided while a flush runs and
 * numbered before its cursor (a transaction that committed late) goes out with the next flush, which the
 * decision's job queues.
 */
export async function flushEffects(
  deps: FlushDeps,
  opts: { batchSize?: number; budgetMs?: number } = {},
): Promise<FlushResult> {
  const result: FlushResult = { applied: 0, retrying: 0, dead: 0, waiting: 0, authFailed: false };
  const limit = opts.batchSize ?? 2000;
  const budgetMs = opts.budgetMs ?? 50_000;
  const began = Date.now();
  /** Leads with an effect left to retry: their later effects wait for the next flush, behind it. */
  const held = new Set<string>();
  let page = started(pendingEffects(deps.db, deps.tenantId, { limit }));
  let storing: Promise<void> = Promise.resolve();
  try {
    for (;;) {
      const read = await page;
      const afterSeq = read.at(-1)?.seq;
      if (afterSeq === undefined) break;
      page = started(
        Date.now() - began < budgetMs
          ? pendingEffects(deps.db, deps.tenantId, { limit, afterSeq })
          : Promise.resolve([]),
      );
      const batch = read.filter((p) => !held.has(p.effect.leadId));
      result.waiting += read.length - batch.length;
      const outcomes = new Outcomes();
      await applyBatch(deps, batch, outcomes);
      const sorted = sortOutcomes(batch, outcomes);
      for (const retry of sorted.retry.values()) for (const p of retry) held.add(p.effect.leadId);
      await storing; // pages are stored in order
      storing = started(store(deps, sorted));
      result.applied += total(sorted.applied);
      result.retrying += total(sorted.retry);
      result.dead += total(sorted.dead);
      if (sorted.authFailed) {
        result.authFailed = true;
        break;
      }
    }
    await storing;
  } finally {
    // On a failure above, the store write under way still finishes before the error leaves.
    await storing.catch(() => undefined);
  }
  return result;
}
