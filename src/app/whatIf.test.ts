import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../domain/policy/schema.ts';
import { BatonError } from '../errors.ts';
import { checkWindow, overlay, proposedPolicy } from './whatIf.ts';

describe('the proposal laid over the policy in force', () => {
  const current = {
    ...defaultPolicy(),
    routing: { mode: 'round_robin' as const, reps: [{ id: 'r1', away: false }], reassignOnBreach: false },
  };

  it('changes only what the proposal names: objects merge key by key, lists and routing are replaced', () => {
    const merged = overlay(current, {
      sla: { firstTouchHours: 8 },
      holidays: ['2026-12-25'],
      routing: { mode: 'crm' },
    });
    expect(merged['sla']).toEqual({ ...current.sla, firstTouchHours: 8 });
    expect(merged['holidays']).toEqual(['2026-12-25']);
    expect(merged['routing']).toEqual({ mode: 'crm' });
    expect(merged['reasons']).toBe(current.reasons);
  });

  it('is judged by the policy schema, each problem naming its field under policy.', () => {
    expect(proposedPolicy(current, { recycle: { maxRecycles: 5 } }).recycle.maxRecycles).toBe(5);
    const refused = (() => {
      try {
        proposedPolicy(current, { sla: { firstTouchHours: 'soon' }, rejectRateTarget: 2 });
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(BatonError);
    expect((refused as BatonError).kind).toBe('invalid_input');
    expect((refused as BatonError).problems.map((p) => p.field)).toEqual([
      'policy.sla.firstTouchHours',
      'policy.rejectRateTarget',
    ]);
  });
});

describe('the window', () => {
  const at = (d: string) => new Date(`${d}T00:00:00Z`);
  it.each([
    ['2026-07-01', '2026-10-01', null],
    ['2025-12-01', '2026-12-01', null],
    ['2025-11-29', '2026-12-01', /at most a year/],
    ['2026-10-01', '2026-10-01', /from must be before to/],
  ])('%s → %s', (from, to, refused) => {
    const check = () => checkWindow(at(from), at(to));
    if (refused) expect(check).toThrow(refused);
    else expect(check).not.toThrow();
  });
});
