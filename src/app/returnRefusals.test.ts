// A refused return request in the rep's words, as the quick action and the funnel card show it.
import { describe, expect, it } from 'vitest';
import { refusalInWords } from './returnRefusals.ts';

describe('refusalInWords', () => {
  it('says why the lead cannot be returned in its stage', () => {
    expect(
      refusalInWords({ kind: 'not_returnable', stage: 'recycled', message: 'internal words' }, 'recycled'),
    ).toBe('Baton did not take this lead back: This lead is already back in nurture.');
  });

  it('lists what breaks the reason’s rules, within the field’s 255 characters', () => {
    const text = refusalInWords(
      {
        kind: 'invalid_return',
        problems: [
          { field: 'note', message: 'Add a note: this reason needs one.' },
          { field: 'reengageAt', message: 'x'.repeat(400) },
        ],
      },
      'assigned',
    );
    expect(text.startsWith('Baton did not take this lead back: Add a note: this reason needs one. xxx')).toBe(
      true,
    );
    expect(text).toHaveLength(255);
  });
});
