// Salesforce record ids: a 3-character key prefix per object, 15 case-sensitive characters, and the 3-character
// checksum suffix that makes the 18-character form case-insensitive. The API accepts both forms and answers
// with 18; the sandbox does the same, so ids copied from a 15-character report still work.

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ID_CHARS = /^[0-9A-Za-z]+$/;

/** The three suffix characters: per 5-character chunk, which characters are upper case, as bits. */
export function checksumSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charAt(chunk * 5 + i);
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX.charAt(bits);
  }
  return suffix;
}

/** The canonical 18-character id for a 15- or 18-character input, or undefined when it is no id. */
export function canonicalId(input: string): string | undefined {
  if (!ID_CHARS.test(input)) return undefined;
  if (input.length === 15) return input + checksumSuffix(input);
  if (input.length !== 18) return undefined;
  // The suffix says which of the first 15 characters are upper case: restore them, then check it.
  let restored = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    const bits = SUFFIX.indexOf(input.charAt(15 + chunk).toUpperCase());
    if (bits < 0) return undefined;
    for (let i = 0; i < 5; i++) {
      const c = input.charAt(chunk * 5 + i);
      restored += bits & (1 << i) ? c.toUpperCase() : c.toLowerCase();
    }
  }
  const id = restored + checksumSuffix(restored);
  return id.slice(15).toUpperCase() === input.slice(15).toUpperCase() ? id : undefined;
}

export const keyPrefixOf = (id: string): string => id.slice(0, 3);

/** Hands out ids per key prefix: prefix + pod "5g" + reserved "0" + a base62 counter. */
export class IdGenerator {
  private readonly counters = new Map<string, number>();
  private readonly start: number;

  constructor(start = 1_000) {
    this.start = start;
  }

  next(prefix: string): string {
    const n = (this.counters.get(prefix) ?? this.start) + 1;
    this.counters.set(prefix, n);
    let body = '';
    for (let v = n; v > 0; v = Math.floor(v / 62)) body = BASE62.charAt(v % 62) + body;
    const id15 = `${prefix}5g0${body.padStart(9, '0')}`;
    return id15 + checksumSuffix(id15);
  }
}
