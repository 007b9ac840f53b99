// Generators of hostile input: injection-looking strings, broken JSON and non-JSON bodies, wrong content types,
// random ids. Two string pools: `hostileText` never holds NUL or a lone surrogate (text a database can store);
// `unstorableText` always does (see badInput.test.ts).
import fc from 'fast-check';

const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE leads; --",
  '" OR ""="',
  '1; SELECT pg_sleep(10)',
  '$$; DELETE FROM tenants; $$',
  "1' UNION SELECT accessToken FROM credentials --",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(document.cookie)>',
  "javascript:alert('x')",
  '{{7*7}}',
  '${7*7}',
  '<!--#exec cmd="ls"-->',
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  '....//....//etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2f',
  '/ops/api/tenants',
  '//evil.example/',
  'https://evil.example/',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  '%s%s%s%n',
  '%00',
  '\u202egnp.exe',
  'zero\u200bwidth',
  'Ωmega ≈ ç √ ∫ 😀 👩‍👩‍👧',
  '\ufeffbom',
  'line\u2028separator',
  'ＦＵＬＬＷＩＤＴＨ／',
  'e\u0301\u0301\u0301',
  '\r\nSet-Cookie: baton_ops=1.x',
  'a'.repeat(5_000),
  '',
  ' ',
  '-1',
  '0',
  '1e309',
  '99999999999999999999999',
  'null',
  'true',
  '[]',
  '{}',
] as const;

const UNSTORABLE = [
  '\u0000',
  'a\u0000b',
  'note\u0000',
  '\ud800',
  'x\udfffy',
  '\ud83d',
  'a\u0000\ud800',
] as const;

const storable = (s: string) => s.isWellFormed() && !s.includes('\u0000');

/** Injection-looking text that PostgreSQL can store (no NUL, no lone surrogates). */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }).filter(storable) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...INJECTIONS), fc.string({ maxLength: 10 }))
      .map(([a, b]) => `${a}${b}`),
  },
);

/** Text with a NUL or a lone surrogate somewhere. */
export const unstorableText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...UNSTORABLE), fc.constantFrom(...INJECTIONS.slice(0, 12)), fc.boolean())
  .map(([bad, text, before]) => (before ? `${bad}${text}` : `${text}${bad}`));

/** Header-safe text (what a client can put in a header value). */
export const headerText: fc.Arbitrary<string> = fc
  .string({ unit: 'binary-ascii', maxLength: 60 })
  .map((s) => s.replace(/[^\x20-\x7e]/g, '').trim());

/** A HubSpot-style numeric id not in `avoid`. */
export const numericId = (avoid: ReadonlySet<string> = new Set()): fc.Arbitrary<string> =>
  fc
    .oneof(fc.bigInt({ min: 1n, max: 99_999_999_999_999_999_999n }), fc.integer({ min: 1, max: 9_999_999 }))
    .map(String)
    .filter((s) => !avoid.has(s));

/** Something that is not a numeric id of 1–20 digits. */
export const notAnId: fc.Arbitrary<string> = fc.oneof(
  hostileText.filter((s) => !/^\d{1,20}$/.test(s) && s !== ''),
  fc.constantFrom('-1', '1.5', '0x1f', '1e3', ' 1', '1 ', '123456789012345678901', '١٢٣', '１２３'),
);

const nested = (depth: number, open: string, close: string) => `${open.repeat(depth)}${close.repeat(depth)}`;

/** Bodies that are not JSON at all, or broken JSON. */
export const brokenJson: fc.Arbitrary<string | Buffer> = fc.oneof(
  fc.constantFrom(
    '{',
    '[{"eventId":',
    '{"a":1,}',
    "{'single': 1}",
    'NaN',
    'undefined',
    '[1,2,3',
    '{} trailing',
    '\ufeff[]',
    '<?xml version="1.0"?><events/>',
    'eventId=1&portalId=2',
    '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
    '   ',
    '"unterminated',
    '{"a":"\\x41"}',
    '{"a":"\\u12"}',
    nested(200_000, '[', ']').slice(0, 150_000),
  ),
  fc.uint8Array({ minLength: 1, maxLength: 300 }).map((a) => Buffer.from(a)),
  hostileText.filter((s) => {
    try {
      JSON.parse(s);
      return false;
    } catch {
      return true;
    }
  }),
);

/** Well-formed JSON that is not what any endpoint takes (scalars, odd shapes, prototype keys, deep nests). */
export const oddJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'null',
    'true',
    '0',
    '-0',
    '1e400',
    '"text"',
    '[]',
    '[null]',
    '[[]]',
    '[1,2]',
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    nested(5_000, '[', ']'),
    `{"a":${nested(3_000, '[', ']')}}`,
  ),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'null'),
  // NUL and lone surrogates in an object no endpoint takes (refused before anything reaches the store).
  unstorableText.map((t) => JSON.stringify({ reason: t, note: t, policy: t, tenantId: t, [t]: t })),
);

export const contentType: fc.Arbitrary<string> = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'application/json; charset=bogus',
  'text/plain',
  'text/html',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  '*/*',
  'application/json, text/plain',
  '',
);

/** Bodies just over the 1 MB limit, JSON-looking or not. */
export const hugeBody: fc.Arbitrary<Buffer> = fc
  .tuple(fc.integer({ min: 1_048_577, max: 1_300_000 }), fc.boolean())
  .map(([size, json]) =>
    json ? Buffer.from(`[{"propertyValue":"${'x'.repeat(size)}"}]`) : Buffer.alloc(size, 0x41),
  );

export const METHODS = [
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'HEAD',
  'OPTIONS',
  'TRACE',
  'PROPFIND',
  'PURGE',
] as const;
