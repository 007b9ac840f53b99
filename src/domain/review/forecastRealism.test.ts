import { describe, expect, it } from 'vitest';
import { journey, t } from '../funnel/testRows.ts';
import { forecastRealism } from './forecastRealism.ts';

const configured = { mql: 0.05, assigned: 0.1, accepted: 0.2, qualified: 0.4 };

// Four decided opportunities (one won) measure qualified at 25 %; two stay open at the month's end.
const decided = ['w', 'l1', 'l2', 'l3'].flatMap((id) =>
  journey(id, [
    ['01-10 10:00', 'qualified'],
    ['02-10 10:00', id === 'w' ? 'won' : 'lost'],
  ]),
);
const open = ['o1', 'o2'].flatMap((id) => journey(id, [['02-20 10:00', 'qualified']]));
const openAccepted = journey('a1', [['02-21 10:00', 'accepted']]);

describe('forecastRealism', () => {
  const r = forecastRealism([...decided, ...open, ...openAccepted], {
    at: t('04-01 00:00'),
    configured,
    minSample: 4,
  });

  it('measures each stage over the trailing year and counts the open pipeline at the month’s end', () => {
    const qualified = r.stages.find((s) => s.stage === 'qualified');
    expect(qualified).toEqual({
      stage: 'qualified',
      open: 2,
      configured: 0.4,
      measured: 0.25,
      decided: 4,
      expectedWinsConfigured: 0.8,
      expectedWinsMeasured: 0.5,
    });
  });

  it('keeps the configured rate where there is too little history', () => {
    const accepted = r.stages.find((s) => s.stage === 'accepted');
    expect(accepted).toMatchObject({ open: 1, measured: null, expectedWinsMeasured: 0.2 });
  });

  it('gives the correction factor for the whole open pipeline', () => {
    expect(r.openLeads).toBe(3);
    expect(r.expectedWinsConfigured).toBeCloseTo(1.0);
    expect(r.expectedWinsMeasured).toBeCloseTo(0.7);
    expect(r.correction).toBeCloseTo(0.7);
    expect(r.basis).toBe('measured');
  });

  it('does not pretend to correct when no open stage has enough history', () => {
    const thin = forecastRealism([...open, ...openAccepted], {
      at: t('04-01 00:00'),
      configured,
      minSample: 4,
    });
    expect(thin).toMatchObject({ basis: 'too_little_history', correction: null, expectedWinsConfigured: 1 });
  });

  it('has no correction with nothing open', () => {
    expect(
      forecastRealism(decided, { at: t('04-01 00:00'), configured, minSample: 4 }).correction,
    ).toBeNull();
  });
});
