import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../ledger.ts';
import { policyWith } from '../testing/leads.ts';
import { journey, t } from '../funnel/testRows.ts';
import { capacityOf, capacityPlan, MIN_REP_SAMPLE } from './capacityPlan.ts';

const AT = t('03-31 00:00');

/** `n` leads handed to `rep`, each assigned for `hours` then touched, one a day through March. */
function worked(rep: string, n: number, hours: number, prefix = rep): LedgerEntry[] {
  return Array.from({ length: n }, (_, i) => {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const touched = new Date(t(`03-${day} 08:00`).getTime() + hours * 3_600_000);
    const [hh, mm] = [touched.getUTCHours(), touched.getUTCMinutes()].map((x) => String(x).padStart(2, '0'));
    const touchDay = String(touched.getUTCDate()).padStart(2, '0');
    return journey(`${prefix}-${i}`, [
      [`03-${day} 07:00`, 'mql'],
      [`03-${day} 08:00`, 'assigned', { ownerId: rep }],
      [`03-${touchDay} ${hh}:${mm}`, 'accepted', { ownerId: rep }],
    ]);
  }).flat();
}

/** A lead handed to `rep` and still waiting. */
const waiting = (rep: string, id: string): LedgerEntry[] =>
  journey(id, [
    ['03-30 07:00', 'mql'],
    ['03-30 08:00', 'assigned', { ownerId: rep }],
  ]);

describe('capacityPlan', () => {
  it('derives what each rep can take a week from capacity and the measured time open (Little’s law)', () => {
    const rows = [
      ...worked('ann', 12, 8),
      ...worked('bob', 12, 24),
      ...waiting('ann', 'w1'),
      ...waiting('ann', 'w2'),
    ];
    const plan = capacityPlan(rows, { at: AT, policy: policyWith({ capacity: { openLeadsPerRep: 10 } }) });
    const [ann, bob] = plan.reps;
    expect(ann).toMatchObject({
      repId: 'ann',
      open: 2,
      capacity: 10,
      headroom: 8,
      medianHoursOpen: 8,
      paceFrom: 'rep',
    });
    expect(ann?.leadsPerWeek).toBe(210); // 10 × 168 / 8
    expect(bob).toMatchObject({ repId: 'bob', open: 0, medianHoursOpen: 24, leadsPerWeek: 70 });
    expect(plan.salesLeadsPerWeek).toBe(280);
    // 26 MQLs, 26 handed over: every MQL reached a rep
    expect(plan.handoverShare).toBe(1);
    expect(plan.mqlTargetPerWeek).toBe(280);
    expect(plan.derivation.join(' ')).toContain('280 leads a week');
  });

  it('adds back the MQLs that never reach a rep through the measured hand-over share', () => {
    const never = Array.from({ length: 26 }, (_, i) =>
      journey(`lost-${i}`, [
        ['03-10 07:00', 'mql'],
        ['03-10 09:00', 'disqualified', { cause: 'review_resolved' }],
      ]),
    ).flat();
    const plan = capacityPlan([...worked('ann', 12, 8), ...worked('bob', 12, 24), ...never], {
      at: AT,
      policy: policyWith({ capacity: { openLeadsPerRep: 10 } }),
    });
    expect(plan.handoverShare).toBe(0.48); // 24 of 50
    expect(plan.mqlTargetPerWeek).toBe(Math.round((280 / 0.48) * 10) / 10);
  });

  it('uses the team’s pace for a rep with too few finished leads of their own', () => {
    const rows = [...worked('ann', 20, 10), ...worked('new', MIN_REP_SAMPLE - 1, 2)];
    const plan = capacityPlan(rows, { at: AT, policy: policyWith() });
    const rep = plan.reps.find((r) => r.repId === 'new');
    expect(rep?.paceFrom).toBe('team');
    expect(rep?.medianHoursOpen).toBe(10);
  });

  it('gives no target, and says why, without enough history', () => {
    const plan = capacityPlan(worked('ann', 5, 8), { at: AT, policy: policyWith() });
    expect(plan.mqlTargetPerWeek).toBeNull();
    expect(plan.reps[0]?.leadsPerWeek).toBeNull();
    expect(plan.derivation[0]).toMatch(/Not enough history.*5 finished assignments/);
    const none = capacityPlan([], { at: AT, policy: policyWith() });
    expect(none.reps).toEqual([]);
    expect(none.derivation[0]).toMatch(/No reps yet/);
  });

  it('ignores what happened after the plan’s instant and before its window', () => {
    const later = capacityPlan(worked('ann', 30, 8), { at: t('03-01 00:00'), policy: policyWith() });
    expect(later.reps).toEqual([]);
    const muchLater = capacityPlan(worked('ann', 30, 8), { at: t('09-30 00:00'), policy: policyWith() });
    expect(muchLater.reps).toEqual([]);
  });

  it('marks reps over capacity, groups reps by manager, and takes routing capacities and reps', () => {
    const rows = [
      ...waiting('ann', 'a1'),
      ...waiting('ann', 'a2'),
      ...waiting('ann', 'a3'),
      ...waiting('bob', 'b1'),
    ];
    const policy = policyWith({
      routing: {
        mode: 'round_robin',
        reps: [{ id: 'ann', capacity: 2 }, { id: 'bob' }, { id: 'cat' }, { id: 'dan', away: true }],
      },
      escalation: { managers: { ann: 'mia', bob: 'mia' } },
    });
    expect(capacityOf(policy, 'ann')).toBe(2);
    const plan = capacityPlan(rows, { at: AT, policy });
    expect(plan.reps.map((r) => [r.repId, r.open, r.capacity, r.overCapacity, r.team])).toEqual([
      ['ann', 3, 2, true, 'mia'],
      ['bob', 1, 40, false, 'mia'],
      ['cat', 0, 40, false, null],
    ]);
    expect(plan.teams).toEqual([
      expect.objectContaining({ team: 'mia', reps: 2, open: 4, capacity: 42 }),
      expect.objectContaining({ team: null, reps: 1, open: 0, capacity: 40 }),
    ]);
  });

  it('counts a reassigned lead against its new owner', () => {
    const rows = journey('x', [
      ['03-30 07:00', 'mql'],
      ['03-30 08:00', 'assigned', { ownerId: 'ann' }],
      ['03-30 09:00', 'assigned', { ownerId: 'bob', cause: 'reassigned' }],
    ]);
    const plan = capacityPlan(rows, { at: AT, policy: policyWith() });
    expect(plan.reps.find((r) => r.repId === 'bob')?.open).toBe(1);
    expect(plan.reps.find((r) => r.repId === 'ann')?.open).toBe(0);
  });
});
