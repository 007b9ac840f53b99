// How much guessing the ops token would take, estimated from the token alone. Production refuses a token under
// 128 bits: a random 32-character hex or 22-character base64url string is enough (openssl rand -hex 32 is plenty).
// The estimate is length × log2(alphabet), the alphabet being the smallest usual one that holds every character
// of the token: digits (10), hex (16), base64 or base64url (64), anything else (95, printable ASCII). It can only
// overrate a token that looks random but is not, so two checks catch the usual cases of that: fewer than 8
// distinct characters ('aaaa…', 'abab…'), or a shorter string repeated.
export const MIN_OPS_TOKEN_BITS = 128;
const MIN_DISTINCT = 8;

const ALPHABETS: ReadonlyArray<[RegExp, number]> = [
  [/^[0-9]+$/, 10],
  [/^([0-9a-f]+|[0-9A-F]+)$/, 16],
  [/^([A-Za-z0-9_-]+|[A-Za-z0-9+/]+=*)$/, 64],
];

const alphabetSize = (token: string) => ALPHABETS.find(([chars]) => chars.test(token))?.[1] ?? 95;

/** Estimated bits of the token, and why it is too weak (null when it is strong enough). */
export function opsTokenWeakness(token: string): string | null {
  const chars = [...token];
  const bits = Math.floor(chars.length * Math.log2(Math.max(alphabetSize(token), 1)));
  if (bits < MIN_OPS_TOKEN_BITS)
    return `about ${bits} bits; production needs at least ${MIN_OPS_TOKEN_BITS} (e.g. 32 random hex characters)`;
  if (new Set(chars).size < MIN_DISTINCT)
    return `only ${new Set(chars).size} different characters; use a random token`;
  if (/^([\s\S]+?)\1+$/.test(token)) return 'a shorter string repeated; use a random token';
  return null;
}
