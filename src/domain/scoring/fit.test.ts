import { describe, expect, it } from 'vitest';
import { DEFAULT_FIT_RULES } from '../policy/defaults.ts';
import { MIDDLING_FIT, POOR_FIT, STRONG_FIT } from '../testing/leads.ts';
import { scoreFit, type FitRule } from './fit.ts';
import type { LeadProfile } from './profile.ts';

describe('scoreFit with the default rules', () => {
  it.each<[string, LeadProfile, number]>([
    ['mid-size software VP in the US with a company email: 25+20+10+25+10', STRONG_FIT, 90],
    ['mid-size engineer in the US with a company email: 25+10+10', MIDDLING_FIT, 45],
    [
      'tiny fintech VP in Germany with a free email: −10+20+10+25−15',
      { employees: 5, industry: 'Fintech', country: 'Germany', title: 'VP Sales', email: 'a@gmail.com' },
      30,
    ],
    ['a student with a free email: −30−15 is clamped to 0', POOR_FIT, 0],
    ['a PhD student with a university email: −30−20 → 0', { title: 'PhD Student', email: 'x@mit.edu' }, 0],
    ['nothing known', {}, 0],
    ['a large company director: 15+20', { employees: 12_000, title: 'Director of IT' }, 35],
    [
      'a small company manager with a company email: 15+10+10',
      { employees: 120, title: 'IT Manager', email: 'it@smallco.com' },
      35,
    ],
  ])('%s → %i', (_label, profile, score) => {
    expect(scoreFit(profile, DEFAULT_FIT_RULES).score).toBe(score);
  });

  it('keeps every matching rule with its points, negative ones included', () => {
    expect(
      scoreFit({ employees: 5, email: 'a@gmail.com', title: 'CEO' }, DEFAULT_FIT_RULES).contributions,
    ).toEqual([
      { label: 'Fewer than 10 employees', points: -10 },
      { label: 'Executive title', points: 25 },
      { label: 'Free email address', points: -15 },
    ]);
  });

  it('clamps at 100', () => {
    const rules: FitRule[] = [
      { id: 'a', label: 'A', points: 60, when: { field: 'country', op: 'in', values: ['us'] } },
      { id: 'b', label: 'B', points: 60, when: { field: 'country', op: 'missing' } },
      { id: 'c', label: 'C', points: 70, when: { field: 'employees', op: 'between', min: 1 } },
    ];
    expect(scoreFit({ country: 'US', employees: 10 }, rules).score).toBe(100);
    expect(scoreFit({ employees: 10 }, rules).score).toBe(100);
    expect(scoreFit({ country: 'US' }, rules).score).toBe(60);
  });
});
