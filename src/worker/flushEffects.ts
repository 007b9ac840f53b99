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

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
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

async function applyBatch(
  deps: FlushDeps,
  batch: readonly PendingEffect[],
  outcomes: Outcomes,
): Promise<void> {
  const effects = batch.map((p) => p.effect);
  const of = <K extends Effect['kind']>(kind: K) =>
    effects.filter((e): e is Extract<Effect, { kind: K }> => e.kind === kind);

  // Field writes: one input per lead, later writes win.
  const writes = groupBy(of('write_fields'), (e) => e.leadId);
  const writeKeys = new Map([...writes].map(([lead, es]) => [lead, es.map((e) => e.key)]));
  await guarded(outcomes, [...writeKeys.values()].flat(), async () => {
    const merged = [...writes].map(([leadId, es]) => ({
      leadId,
      fields: Object.assign({}, ...es.map((e) => e.fields)),
    }));
    if (merged.length > 0) outcomes.fromRecords(writeKeys, await deps.crm.writeFields(merged));
  });

  // Owners: the last decision per lead.
  const owners = groupBy(of('set_owner'), (e) => e.leadId);
  const ownerKeys = new Map([...owners].map(([lead, es]) => [lead, es.map((e) => e.key)]));
  await guarded(outcomes, [...ownerKeys.values()].flat(), async () => {
    const last = [...owners].map(([leadId, es]) => ({ leadId, ownerId: es.at(-1)?.ownerId ?? null }));
    if (last.length > 0) outcomes.fromRecords(ownerKeys, await deps.crm.setOwners(last));
  });

  // Lists: the net membership per (lead, list) after all its effects, in decision order.
  const listEffects = effects.filter(
    (e): e is Extract<Effect, { kind: 'add_to_list' | 'remove_from_list' }> =>
      e.kind === 'add_to_list' || e.kind === 'remove_from_list',
  );
  const byList = groupBy(listEffects, (e) => e.list);
  for (const [listKey, es] of byList) {
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

  // Reminders and escalations become CRM tasks. A task is not idempotent in the CRM: one sent before without an
  // answer (the worker died mid-call, the call timed out) is looked for first, and only created if it is missing.
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

export async function flushEffects(
  deps: FlushDeps,
  opts: { batchSize?: number; budgetMs?: number } = {},
): Promise<FlushResult> {
  const result: FlushResult = { applied: 0, retrying: 0, dead: 0, authFailed: false };
  const tried = new Set<string>();
  const started = Date.now();
  while (Date.now() - started < (opts.budgetMs ?? 50_000)) {
    const batch = (await pendingEffects(deps.db, deps.tenantId, { limit: opts.batchSize ?? 2000 })).filter(
      (p) => !tried.has(p.effect.key),
    );
    if (batch.length === 0) break;
    for (const p of batch) tried.add(p.effect.key);
    const outcomes = new Outcomes();
    await applyBatch(deps, batch, outcomes);

    /** Applied keys by why no call was needed (a converted lead); `undefined`: they went out. */
    const applied = new Map<string | undefined, string[]>();
    const retry = new Map<string, string[]>();
    const dead = new Map<string, string[]>();
    for (const p of batch) {
      const outcome = outcomes.byKey.get(p.effect.key) ?? { ok: true };
      if (outcome.ok) {
        applied.set(outcome.leftAlone, [...(applied.get(outcome.leftAlone) ?? []), p.effect.key]);
        continue;
      }
      const { error } = outcome;
      if (error.kind === 'auth_invalid') {
        result.authFailed = true;
        continue; // stays pending as it was: it goes out after the tenant reconnects
      }
      const permanent = error.kind === 'permanent' || error.kind === 'not_found';
      const target = permanent || p.attempts + 1 >= MAX_EFFECT_ATTEMPTS ? dead : retry;
      target.set(error.message, [...(target.get(error.message) ?? []), p.effect.key]);
    }
    for (const [leftAlone, keys] of applied)
      await markEffectsApplied(deps.db, deps.tenantId, keys, deps.now(), leftAlone ? { leftAlone } : {});
    for (const [message, keys] of retry)
      await markEffectsFailed(deps.db, deps.tenantId, keys, message, { dead: false });
    for (const [message, keys] of dead)
      await markEffectsFailed(deps.db, deps.tenantId, keys, message, { dead: true });
    result.applied += [...applied.values()].flat().length;
    result.retrying += [...retry.values()].flat().length;
    result.dead += [...dead.values()].flat().length;
    if (result.authFailed) break;
  }
  return result;
}
