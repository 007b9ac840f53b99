import { describe, expect, it } from 'vitest';
import { canMove, RETURNABLE_STAGES, STAGES, TERMINAL_STAGES } from './stages.ts';

describe('stages', () => {
  it.each([
    ['inquiry', 'mql', true],
    ['mql', 'assigned', true],
    ['assigned', 'accepted', true],
    ['accepted', 'qualified', true],
    ['qualified', 'won', true],
    ['assigned', 'returned', true],
    ['returned', 'recycled', true],
    ['recycled', 'mql', true],
    ['recycled', 'assigned', false],
    ['inquiry', 'won', false],
    ['won', 'recycled', false],
    ['disqualified', 'mql', false],
    ['qualified', 'returned', false],
  ] as const)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canMove(from, to)).toBe(allowed);
  });

  it('terminal stages lead nowhere', () => {
    for (const t of TERMINAL_STAGES) for (const s of STAGES) expect(canMove(t, s)).toBe(false);
  });

  it('reps may return only leads sales holds before they are opportunities', () => {
    expect(RETURNABLE_STAGES).toEqual(['assigned', 'accepted']);
  });
});
