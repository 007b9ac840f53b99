// The capacity alert's figures from the store: this month's MQL entries (re-MQLs too, SLA marks in MQL not),
// against the capacity plan's target, kept for six hours unless the capacity settings change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type OpenedEngine } from '../../test/support/engines.ts';
import type { LedgerEntry } from '../domain/ledger.ts';
import { readCheckpoint } from '../store/checkpoints.ts';
import { appendLedger } from '../store/ledger.ts';
import { connectTenant, getTenant, savePolicy } from '../store/tenants.ts';
import { policyWith } from '../domain/testing/leads.ts';
import { z } from 'zod';
import { CAPACITY_CHECKPOINT, mqlCapacityNow } from './mqlCapacity.ts';

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);

const entry = (
  leadId: string,
  when: string,
  from: LedgerEntry['from'],
  to: LedgerEntry['to'],
  extra: Partial<LedgerEntry> = {},
): LedgerEntry => ({
  leadId,
  at: at(when),
  from,
  to,
  cause: to === 'mql' ? 'score_qualified' : to === 'assigned' ? 'assigned' : 'first_touch',
  actor: { kind: 'system' },
  ...extra,
});

/** 25 leads in November, each assigned to ann for 10 hours: 40 × 168 / 10 = 672 leads a week. */
const november: LedgerEntry[] = Array.from({ length: 25 }, (_, i) => {
  const day = String(2 + i).padStart(2, '0');
  return [
    entry(`n${i}`, `2026-11-${day}T09:00:00Z`, null, 'mql'),
    entry(`n${i}`, `2026-11-${day}T10:00:00Z`, 'mql', 'assigned', { ownerId: 'ann' }),
    entry(`n${i}`, `2026-11-${day}T20:00:00Z`, 'assigned', 'accepted', { ownerId: 'ann' }),
  ];
}).flat();

describe.each(ENGINES)('MQL volume against capacity on $name', (engine) => {
  let e: OpenedEngine;
  let tenantId: string;
  beforeAll(async () => {
    e = await engine.open();
    tenantId = (await connectTenant(e.database.db, { crm: 'hubspot', externalId: '77', name: 'Acme' })).id;
    await savePolicy(e.database.db, tenantId, policyWith({ timeZone: 'UTC' }));
    await appendLedger(e.database.db, tenantId, [
      ...november,
      entry('d1', '2026-12-01T09:00:00Z', null, 'mql'),
      entry('d2', '2026-12-02T09:00:00Z', 'recycled', 'mql', { cause: 're_engaged' }),
      // a mark within MQL is no new MQL; the month's end bounds the count
      entry('d2', '2026-12-02T10:00:00Z', 'mql', 'mql', { cause: 'sla_reminder' }),
      entry('d3', '2026-12-09T09:00:00Z', null, 'mql'),
    ]);
  });
  afterAll(() => e.cleanup());

  it('counts this month’s MQLs so far and prorates what sales can work', async () => {
    const tenant = (await getTenant(e.database.db, tenantId))!;
    const now = at('2026-12-08T00:00:00Z'); // 7 of December's 31 days
    const figures = await mqlCapacityNow(e.database.db, tenant, now, { remember: true });
    expect(figures).toEqual({
      period: '2026-12',
      mqls: 2,
      capacityToDate: Math.round(672 * (31 / 7) * (7 / 31)),
    });
    const cached = await readCheckpoint(
      e.database.db,
      tenantId,
      CAPACITY_CHECKPOINT,
      z.object({ mqlTargetPerWeek: z.number() }),
    );
    expect(cached?.mqlTargetPerWeek).toBe(672);
  });

  it('reuses the plan for six hours, and recomputes it when the capacity settings change', async () => {
    const db = e.database.db;
    const now = at('2026-12-08T01:00:00Z');
    await appendLedger(
      db,
      tenantId,
      Array.from({ length: 30 }, (_, i) => [
        entry(`x${i}`, '2026-12-07T09:00:00Z', null, 'mql'),
        entry(`x${i}`, '2026-12-07T09:00:00Z', 'mql', 'assigned', { ownerId: 'ann' }),
        entry(`x${i}`, '2026-12-07T19:00:00Z', 'assigned', 'accepted', { ownerId: 'ann' }),
      ]).flat(),
    );
    const tenant = (await getTenant(db, tenantId))!;
    expect((await mqlCapacityNow(db, tenant, now, { remember: true })).mqls).toBe(32);
    // plan unchanged within six hours: the same target
    const plan = () =>
      readCheckpoint(
        db,
        tenantId,
        CAPACITY_CHECKPOINT,
        z.object({ at: z.string(), mqlTargetPerWeek: z.number() }),
      );
    expect((await plan())?.at).toBe('2026-12-08T00:00:00.000Z');
    await savePolicy(db, tenantId, policyWith({ timeZone: 'UTC', capacity: { openLeadsPerRep: 10 } }));
    const changed = (await getTenant(db, tenantId))!;
    await mqlCapacityNow(db, changed, now, { remember: true });
    expect(await plan()).toEqual({ at: now.toISOString(), mqlTargetPerWeek: 168 });
    // A read (the ops API's alerts) computes a stale plan afresh but keeps nothing.
    const later = new Date(now.getTime() + 7 * HOUR);
    expect((await mqlCapacityNow(db, changed, later, { remember: false })).mqls).toBe(32);
    expect((await plan())?.at).toBe(now.toISOString());
    await mqlCapacityNow(db, changed, later, { remember: true });
    expect((await plan())?.at).toBe(later.toISOString());
  });
});
