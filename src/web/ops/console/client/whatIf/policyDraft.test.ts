import { describe, expect, it } from 'vitest';
import { KNOBS, knobText, knobValue, readDraft, valueAt, withValue } from './policyDraft.ts';
import { inWords } from './problemWords.ts';
import { apiWindow, last90Days, lastFullQuarter } from './whatIfWindow.ts';

const knob = (path: string) => KNOBS.find((k) => k.path === path)!;

describe('the proposal draft', () => {
  it('reads an object, and says why anything else is not a proposal', () => {
    expect(readDraft('  ')).toEqual({ ok: true, proposal: {} });
    expect(readDraft('{"sla": {"firstTouchHours": 8}}')).toEqual({
      ok: true,
      proposal: { sla: { firstTouchHours: 8 } },
    });
    const broken = readDraft('{"sla": {"firstTouchHours": 8,}}');
    expect(broken.ok).toBe(false);
    expect(readDraft('[1]')).toMatchObject({ ok: false, message: expect.stringMatching(/JSON object/) });
    expect(readDraft('null')).toMatchObject({ ok: false });
  });

  it('sets and removes a setting by its path, dropping objects it leaves empty, without touching the input', () => {
    const p = { sla: { firstTouchHours: 16 }, mql: { rule: 'x' } };
    const set = withValue(p, 'recycle.cooldownDays', 14);
    expect(set).toEqual({ ...p, recycle: { cooldownDays: 14 } });
    expect(withValue(set, 'sla.firstTouchHours', undefined)).toEqual({
      mql: { rule: 'x' },
      recycle: { cooldownDays: 14 },
    });
    expect(withValue({ sla: 3 }, 'sla.firstTouchHours', 8)).toEqual({ sla: { firstTouchHours: 8 } });
    expect(p).toEqual({ sla: { firstTouchHours: 16 }, mql: { rule: 'x' } });
    expect(valueAt(set, 'recycle.cooldownDays')).toBe(14);
    expect(valueAt(set, 'recycle.cooldownDays.x')).toBeUndefined();
  });

  it('shows the reject-rate target in percent and writes it back as a share', () => {
    const target = knob('rejectRateTarget');
    expect(knobText(target, { rejectRateTarget: 0.07 })).toBe('7');
    expect(knobValue(target, '15')).toBe(0.15);
    expect(knobValue(target, '')).toBeUndefined();
    expect(knobText(knob('sla.firstTouchHours'), {})).toBe('');
  });
});

describe('problems in words', () => {
  it('rewrites the schema’s terse checks and passes anything else through', () => {
    expect(inWords('Too small: expected number to be >0')).toBe('must be more than 0');
    expect(inWords('Too big: expected number to be <=2000')).toBe('must be at most 2000');
    expect(inWords('Invalid input: expected number, received string')).toBe('must be a number, not a string');
    expect(inWords('Invalid input: expected int, received number')).toBe('must be a whole number');
    expect(inWords('must not be before the reminder (reminderAtPercent)')).toBe(
      'must not be before the reminder (reminderAtPercent)',
    );
  });
});

describe('the window', () => {
  it('takes the last 90 days or the last ended quarter, and ends at the last day’s end', () => {
    const now = new Date('2026-12-08T01:00:00Z');
    expect(last90Days(now)).toEqual({ from: '2026-09-10', to: '2026-12-08' });
    expect(lastFullQuarter(now)).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(lastFullQuarter(new Date('2027-02-01T00:00:00Z'))).toEqual({
      from: '2026-10-01',
      to: '2026-12-31',
    });
    expect(apiWindow({ from: '2026-11-01', to: '2026-12-08' })).toEqual({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-09T00:00:00.000Z',
    });
  });
});
