// The flush goes through the outbox once, in decision order, a page at a time: one page's CRM calls finish
// before the next page's start, the database work around them overlaps, and a lead whose effect failed keeps its
// later effects back until that one goes out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyPlugin } from 'kysely';
import { ENGINES, type OpenedEngine } from '../../test/support/engines.ts';
import { CrmError, type CrmPort, type RecordResult } from '../crm/port.ts';
import type { BatonFields, Effect } from '../domain/decide/effect.ts';
import { insertEffects, pendingEffects } from '../store/effects.ts';
import type { Executor } from '../store/executor.ts';
import { connectTenant } from '../store/tenants.ts';
import { flushEffects } from './flushEffects.ts';

interface Call {
  op: string;
  leads: string[];
  fields: Array<BatonFields | null>;
  start: number;
  end: number;
}

/** A CRM that records its write calls; `answer` may refuse records or throw for the whole call. */
function recordingCrm(opts: {
  callMs?: number;
  answer?: (
    op: string,
    leads: readonly string[],
  ) => RecordResult[] | Error | null | Promise<RecordResult[] | null>;
}) {
  const calls: Call[] = [];
  const run = async (op: string, leads: readonly string[], fields: Array<BatonFields | null>) => {
    const call: Call = { op, leads: [...leads], fields, start: performance.now(), end: 0 };
    calls.push(call);
    await new Promise((r) => setTimeout(r, opts.callMs ?? 0));
    call.end = performance.now();
    const answer = (await opts.answer?.(op, leads)) ?? null;
    if (answer instanceof Error) throw answer;
    return answer ?? leads.map((id): RecordResult => ({ id, ok: true }));
  };
  const crm = {
    writeFields: (updates: ReadonlyArray<{ leadId: string; fields: BatonFields }>) =>
      run(
        'write',
        updates.map((u) => u.leadId),
        updates.map((u) => u.fields),
      ),
    addToList: (listId: string, ids: readonly string[]) =>
      run(
        `add ${listId}`,
        ids,
        ids.map(() => null),
      ),
    removeFromList: (listId: string, ids: readonly string[]) =>
      run(
        `remove ${listId}`,
        ids,
        ids.map(() => null),
      ),
  } as Partial<CrmPort> as CrmPort;
  return { crm, calls };
}

const write = (leadId: string, n: number, fit = n): Effect => ({
  kind: 'write_fields',
  key: `${leadId}:write_fields:${n}`,
  leadId,
  fields: { fit },
});

/** Every query answers `ms` later: a busy database, so waiting on it shows between the CRM calls. */
const slowQueries = (ms: number): KyselyPlugin => ({
  transformQuery: (args) => args.node,
  transformResult: async (args) => {
    await new Promise((r) => setTimeout(r, ms));
    return args.result;
  },
});

describe.each(ENGINES)('flushing the outbox on $name', (engine) => {
  let e: OpenedEngine;
  let tenantNo = 0;
  beforeAll(async () => {
    e = await engine.open();
  });
  afterAll(() => e.cleanup());

  async function tenantWith(effects: readonly Effect[]): Promise<string> {
    const tenant = await connectTenant(e.database.db, {
      crm: 'hubspot',
      externalId: String(++tenantNo),
      name: `Tenant ${tenantNo}`,
    });
    await insertEffects(e.database.db, tenant.id, effects);
    return tenant.id;
  }

  const flush = (
    tenantId: string,
    crm: CrmPort,
    opts: { batchSize?: number; budgetMs?: number; db?: Executor } = {},
  ) =>
    flushEffects(
      {
        db: opts.db ?? e.database.db,
        crm,
        tenantId,
        listIds: { recycled: 'list-1' },
        timeZone: 'UTC',
        now: () => new Date('2026-11-22T12:00:00Z'),
      },
      opts,
    );

  it('reads the outbox in the order effects were decided, page after page', async () => {
    // Keys sort the other way round from the decisions: order comes from the outbox, not from the keys.
    const effects = [5, 4, 3, 2, 1, 0].map((n) => write(`L${n}`, n));
    const tenantId = await tenantWith(effects);
    const first = await pendingEffects(e.database.db, tenantId, { limit: 4 });
    expect(first.map((p) => p.effect.key)).toEqual(effects.slice(0, 4).map((x) => x.key));
    const rest = await pendingEffects(e.database.db, tenantId, {
      limit: 4,
      afterSeq: first.at(-1)?.seq ?? 0,
    });
    expect(rest.map((p) => p.effect.key)).toEqual(effects.slice(4).map((x) => x.key));

    const { crm, calls } = recordingCrm({});
    const result = await flush(tenantId, crm, { batchSize: 2 });
    expect(result).toEqual({ applied: 6, retrying: 0, dead: 0, waiting: 0, authFailed: false });
    expect(calls.map((c) => c.leads)).toEqual([
      ['L5', 'L4'],
      ['L3', 'L2'],
      ['L1', 'L0'],
    ]);
    expect(await pendingEffects(e.database.db, tenantId, { limit: 10 })).toEqual([]);
  });

  it('a lead written twice in one page goes out once, with the later value', async () => {
    const tenantId = await tenantWith([write('L1', 1, 10), write('L2', 2), write('L1', 3, 30)]);
    const { crm, calls } = recordingCrm({});
    await flush(tenantId, crm);
    expect(calls.map((c) => [c.leads, c.fields])).toEqual([
      [
        ['L1', 'L2'],
        [{ fit: 30 }, { fit: 2 }],
      ],
    ]);
  });

  it('keeps the CRM busy: the next page is read while one is at the CRM, outcomes stored meanwhile', async () => {
    const effects = Array.from({ length: 12 }, (_, n) => write(`L${n}`, n));
    const tenantId = await tenantWith(effects);
    const { crm, calls } = recordingCrm({ callMs: 150 });
    // Each query takes 60 ms: read + store between two calls would leave the CRM idle for 120 ms or more.
    const slow = e.database.db.withPlugin(slowQueries(60));
    const result = await flush(tenantId, crm, { batchSize: 2, db: slow });
    expect(result.applied).toBe(12);
    expect(calls).toHaveLength(6);
    const idle = calls.slice(1).map((c, i) => c.start - (calls[i]?.end ?? 0));
    // Each call starts as soon as the previous one has answered (event-loop jitter aside): never after a query.
    expect(Math.max(...idle)).toBeLessThan(45);
    // Calls never overlap: a page's calls finish before the next page's start.
    expect(Math.min(...idle)).toBeGreaterThanOrEqual(0);
    expect(await pendingEffects(e.database.db, tenantId, { limit: 20 })).toEqual([]);
  });

  it('holds back a lead whose effect failed: its later effects wait and go out after it, in order', async () => {
    // L1: written, then added to the list, then written again; its first write fails (5xx after retries).
    const tenantId = await tenantWith([
      write('L1', 1, 10),
      write('L2', 2),
      { kind: 'add_to_list', key: 'L1:add_to_list:recycled', leadId: 'L1', list: 'recycled' },
      write('L3', 3),
      write('L1', 4, 40),
    ]);
    let fail = true;
    const { crm, calls } = recordingCrm({
      answer: (op, leads) =>
        fail && op === 'write'
          ? leads.map((id) =>
              id === 'L1'
                ? { id, ok: false as const, error: new CrmError('retryable', 'HTTP 503 after 5 tries') }
                : { id, ok: true as const },
            )
          : null,
    });
    const first = await flush(tenantId, crm, { batchSize: 2 });
    expect(first).toEqual({ applied: 2, retrying: 1, dead: 0, waiting: 2, authFailed: false });
    // Page 1 sent L1's first write (refused) and L2's; L1's list add and later write never went out.
    expect(calls.map((c) => `${c.op} ${c.leads.join(',')}`)).toEqual(['write L1,L2', 'write L3']);
    const left = await pendingEffects(e.database.db, tenantId, { limit: 10 });
    expect(left.map((p) => [p.effect.key, p.attempts])).toEqual([
      ['L1:write_fields:1', 1],
      ['L1:add_to_list:recycled', 0],
      ['L1:write_fields:4', 0],
    ]);

    fail = false;
    calls.length = 0;
    const second = await flush(tenantId, crm);
    expect(second).toEqual({ applied: 3, retrying: 0, dead: 0, waiting: 0, authFailed: false });
    // Together in one page: one write with the later value wins, then the list add.
    expect(calls.map((c) => [c.op, c.leads, c.fields])).toEqual([
      ['write', ['L1'], [{ fit: 40 }]],
      ['add list-1', ['L1'], [null]],
    ]);
  });

  it('picks up effects decided while it runs, in the same flush', async () => {
    const tenantId = await tenantWith([write('L1', 1), write('L2', 2)]);
    let added = false;
    const { crm, calls } = recordingCrm({
      answer: async () => {
        if (!added) {
          added = true;
          await insertEffects(e.database.db, tenantId, [write('L9', 9)]);
        }
        return null;
      },
      callMs: 30,
    });
    const result = await flush(tenantId, crm, { batchSize: 1 });
    expect(result.applied).toBe(3);
    expect(calls.map((c) => c.leads)).toEqual([['L1'], ['L2'], ['L9']]);
  });

  it('stops reading new pages when its time is up; the rest waits for the next flush', async () => {
    const tenantId = await tenantWith(Array.from({ length: 6 }, (_, n) => write(`L${n}`, n)));
    const { crm, calls } = recordingCrm({ callMs: 40 });
    const result = await flush(tenantId, crm, { batchSize: 2, budgetMs: 0 });
    // The first page is always read; no page after it once the time is up.
    expect(result.applied).toBe(2);
    expect(calls).toHaveLength(1);
    expect(await pendingEffects(e.database.db, tenantId, { limit: 10 })).toHaveLength(4);
  });

  it('refused credentials stop the flush with everything still pending as it was', async () => {
    const tenantId = await tenantWith(Array.from({ length: 4 }, (_, n) => write(`L${n}`, n)));
    const { crm, calls } = recordingCrm({ answer: () => new CrmError('auth_invalid', 'HTTP 401') });
    const result = await flush(tenantId, crm, { batchSize: 2 });
    expect(result).toEqual({ applied: 0, retrying: 0, dead: 0, waiting: 0, authFailed: true });
    expect(calls).toHaveLength(1);
    const left = await pendingEffects(e.database.db, tenantId, { limit: 10 });
    expect(left.map((p) => p.attempts)).toEqual([0, 0, 0, 0]);
  });

  it('a bug in the middle fails the job, after the pages before it were stored', async () => {
    const tenantId = await tenantWith(Array.from({ length: 4 }, (_, n) => write(`L${n}`, n)));
    let n = 0;
    const { crm } = recordingCrm({ answer: () => (++n === 2 ? new TypeError('not a CRM failure') : null) });
    await expect(flush(tenantId, crm, { batchSize: 2 })).rejects.toThrow('not a CRM failure');
    const left = await pendingEffects(e.database.db, tenantId, { limit: 10 });
    expect(left.map((p) => p.effect.leadId)).toEqual(['L2', 'L3']);
  });
});
