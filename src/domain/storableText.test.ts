import { describe, expect, it } from 'vitest';
import { isStorableText, storableText } from './storableText.ts';

describe('storable text (what PostgreSQL text and jsonb can hold)', () => {
  it.each([
    ['plain text', 'Wrong owner', true],
    ['emoji and combining marks (paired surrogates)', 'Ωmega 😀 👩‍👩‍👧 e\u0301', true],
    ['the empty string', '', true],
    ['a NUL', 'a\u0000b', false],
    ['a lone high surrogate', 'x\ud800', false],
    ['a lone low surrogate', '\udfffy', false],
  ])('%s → %s', (_label, text, storable) => {
    expect(isStorableText(text)).toBe(storable);
    expect(storableText().safeParse(text).success).toBe(storable);
  });

  it('chains like z.string(), and the problem says why', () => {
    const label = storableText().trim().min(1).max(5);
    expect(label.parse('  ok ')).toBe('ok');
    expect(label.safeParse('toolong').success).toBe(false);
    expect(label.safeParse('a\u0000').error?.issues[0]?.message).toMatch(/NUL/);
  });
});
