// Text that reaches the database must be text PostgreSQL can store: `text` and `jsonb` refuse the NUL character,
// and a lone UTF-16 surrogate has no UTF-8 form. Every schema at an edge builds its strings from `storableText()`,
// so such input is a 400 naming the field instead of a failed write.
import { z } from 'zod';

export const UNSTORABLE_TEXT_MESSAGE = 'must not contain NUL characters or unpaired UTF-16 surrogates';

/** False for text PostgreSQL cannot store (a NUL, or a lone surrogate). */
export const isStorableText = (s: string): boolean => s.isWellFormed() && !s.includes('\u0000');

/** A string PostgreSQL can store; chain `.min()`, `.max()`, `.regex()`, `.trim()` as on `z.string()`. */
export const storableText = () => z.string().refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);
