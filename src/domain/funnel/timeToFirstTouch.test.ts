import { describe, expect, it } from 'vitest';
import { PERIOD, row } from './testRows.ts';
import { timeToFirstTouch } from './timeToFirstTouch.ts';

const handover = (leadId: string, at: string, systemLatencyMinutes: number) =>
  row({ leadId, at, from: 'mql', to: 'assigned', context: { systemLatencyMinutes } });
const touch = (leadId: string, at: string, humanLatencyMinutes: number) =>
  row({ leadId, at, from: 'assigned', to: 'accepted', context: { slaMet: true, humanLatencyMinutes } });

const rows = [
  handover('A', '03-04 10:00', 0),
  handover('B', '03-04 11:00', 30),
  handover('C', '03-05 10:00', 90),
  handover('D', '03-06 10:00', 300),
  // minutes since the original MQL, not system latency: left out
  row({
    leadId: 'A',
    at: '03-05 10:00',
    from: 'assigned',
    to: 'assigned',
    cause: 'reassigned',
    context: { systemLatencyMinutes: 5000 },
  }),
  row({
    leadId: 'E',
    at: '03-05 10:00',
    from: 'returned',
    to: 'assigned',
    cause: 'review_resolved',
    context: { systemLatencyMinutes: 9000 },
  }),
  handover('F', '02-28 10:00', 10), // before the period
  // human latency: one value on each side of every bin edge
  touch('A', '03-06 10:00', 59),
  touch('B', '03-06 10:00', 60),
  touch('C', '03-06 10:00', 240),
  touch('D', '03-07 10:00', 480),
  touch('E', '03-10 10:00', 1440),
  touch('F', '03-11 10:00', 4320),
  touch('G', '03-12 10:00', 10000),
  // a return settles the SLA but is not a touch
  row({
    leadId: 'H',
    at: '03-12 10:00',
    from: 'assigned',
    to: 'returned',
    context: { slaMet: true, humanLatencyMinutes: 5 },
  }),
  touch('I', '03-17 00:00', 1), // the period's end is excluded
];

const counts = (bins: { count: number }[]) => bins.map((b) => b.count);

describe('timeToFirstTouch', () => {
  const report = timeToFirstTouch(rows, PERIOD);

  it('system latency: first hand-overs only; median of an even count; p90 interpolated', () => {
    expect(report.system).toMatchObject({ samples: 4, medianMinutes: 60 });
    expect(report.system.p90Minutes).toBeCloseTo(237, 10); // 90 + 0.7 × (300 − 90)
    expect(counts(report.system.histogram)).toEqual([2, 1, 1, 0, 0, 0]);
  });

  it('human latency: first touches only; lower bin edges are inclusive', () => {
    expect(report.human).toMatchObject({ samples: 7, medianMinutes: 480 });
    expect(report.human.p90Minutes).toBeCloseTo(6592, 10); // 4320 + 0.4 × (10000 − 4320)
    expect(counts(report.human.histogram)).toEqual([1, 1, 1, 1, 1, 2]);
  });

  it('fixed bins', () => {
    expect(report.human.histogram.map((b) => [b.label, b.minMinutes, b.maxMinutes])).toEqual([
      ['<1h', 0, 60],
      ['1-4h', 60, 240],
      ['4-8h', 240, 480],
      ['8-24h', 480, 1440],
      ['24-72h', 1440, 4320],
      ['>72h', 4320, null],
    ]);
  });

  it('no rows: no samples, nulls, empty bins', () => {
    const empty = timeToFirstTouch([], PERIOD);
    for (const summary of [empty.system, empty.human]) {
      expect(summary).toMatchObject({ samples: 0, medianMinutes: null, p90Minutes: null });
      expect(counts(summary.histogram)).toEqual([0, 0, 0, 0, 0, 0]);
    }
  });
});
