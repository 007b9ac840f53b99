import { describe, expect, it } from 'vitest';
import { measuredCycle } from './measuredCycle.ts';
import { journey, PERIOD } from './testRows.ts';

const hoursAfter = (base: string, hours: number): string => {
  const at = new Date(Date.parse(`2025-${base.replace(' ', 'T')}:00Z`) + hours * 3_600_000);
  return at.toISOString().slice(5, 16).replace('T', ' ');
};

/** n leads that spent 6, 12, … 6n hours in accepted, all leaving inside the period. */
const acceptedLeads = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    journey(`L${i}`, [
      ['03-04 00:00', 'accepted'],
      [hoursAfter('03-04 00:00', 6 * (i + 1)), 'qualified'],
    ]),
  ).flat();

describe('measuredCycle', () => {
  it.each([
    [
      '20 visits (default minimum): median of 6…120 h = 63 h',
      acceptedLeads(20),
      undefined,
      { accepted: 2.625 },
    ],
    ['19 visits: below the default minimum, absent', acceptedLeads(19), undefined, {}],
    ['3 visits with a minimum of 3: median 12 h', acceptedLeads(3), 3, { accepted: 0.5 }],
    ['no rows', [], 1, {}],
  ])('%s', (_, rows, minSample, expected) => {
    expect(measuredCycle(rows, PERIOD, minSample)).toEqual(expected);
  });
});
