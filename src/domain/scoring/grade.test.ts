import { describe, expect, it } from 'vitest';
import { DEFAULT } from '../testing/leads.ts';
import { engagementAtLeast, engagementLevel, fitAtLeast, fitGrade, type GradeBands } from './grade.ts';
import { scoreCard, type ScoringModel } from './scoreCard.ts';

const bands: GradeBands = { fit: { A: 75, B: 50, C: 25 }, engagement: { 1: 60, 2: 30, 3: 10 } };

describe('grade bands', () => {
  it('the defaults', () => {
    expect(DEFAULT.scoring.bands).toEqual(bands);
  });

  it.each([
    [100, 'A'],
    [75, 'A'],
    [74, 'B'],
    [50, 'B'],
    [49, 'C'],
    [25, 'C'],
    [24, 'D'],
    [0, 'D'],
  ])('fit %i → %s', (score, grade) => {
    expect(fitGrade(score, bands)).toBe(grade);
  });

  it.each([
    [100, 1],
    [60, 1],
    [59, 2],
    [30, 2],
    [29, 3],
    [10, 3],
    [9, 4],
    [0, 4],
  ])('engagement %i → level %i (1 is the most engaged)', (score, level) => {
    expect(engagementLevel(score, bands)).toBe(level);
  });
});

describe('the grade matrix', () => {
  const model = (fit: number, engagement: number): ScoringModel => ({
    fitRules: [{ id: 'f', label: 'Fit', points: fit, when: { field: 'industry', op: 'in', values: ['x'] } }],
    engagementRules: [{ id: 'e', label: 'Engaged', event: 'demo_request', points: engagement }],
    halfLifeDays: 30,
    bands,
  });
  const now = new Date('2026-03-02T12:00:00Z');
  it.each([
    [90, 70, 'A1'],
    [75, 60, 'A1'],
    [80, 45, 'A2'],
    [80, 15, 'A3'],
    [80, 5, 'A4'],
    [74, 59, 'B2'],
    [50, 30, 'B2'],
    [60, 80, 'B1'],
    [49, 29, 'C3'],
    [25, 10, 'C3'],
    [30, 0, 'C4'],
    [24, 9, 'D4'],
    [0, 0, 'D4'],
    [10, 95, 'D1'],
  ])('fit %i × engagement %i → %s', (fit, engagement, grade) => {
    const card = scoreCard(
      { profile: { industry: 'x' }, events: [{ type: 'demo_request', at: now }] },
      model(fit, engagement),
      now,
    );
    expect(card.grade).toBe(grade);
    expect(card.grade).toBe(`${card.fitGrade}${card.engagementLevel}`);
  });
});

describe('comparisons', () => {
  it.each([
    ['A', 'B', true],
    ['B', 'B', true],
    ['C', 'B', false],
    ['D', 'C', false],
    ['A', 'D', true],
  ] as const)('fit %s at least %s: %s', (grade, minimum, expected) => {
    expect(fitAtLeast(grade, minimum)).toBe(expected);
  });

  it.each([
    [1, 2, true],
    [2, 2, true],
    [3, 2, false],
    [4, 1, false],
    [4, 4, true],
  ] as const)('engagement level %i at least %i: %s', (level, minimum, expected) => {
    expect(engagementAtLeast(level, minimum)).toBe(expected);
  });
});
