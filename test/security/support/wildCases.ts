// Fuzz cases that aim nowhere in particular: random methods on random paths, broken HTTP, and bodies over the
// 1 MB limit at every endpoint that reads a body.
import fc from 'fast-check';
import type { FuzzCase } from './fuzzRun.ts';
import type { FuzzWorld } from './fuzzWorld.ts';
import { OPS_TOKEN } from './fuzzWorld.ts';
import { contentType, hostileText, hugeBody, METHODS } from './hostileInput.ts';
import { forged, signed } from './signing.ts';
import { cardUrl } from './cardCases.ts';

// Malformed escapes (%ZZ, truncated UTF-8) are a test of their own (badInput.test.ts).
const SEGMENTS = [
  'api',
  'hubspot',
  'ops',
  'webhooks',
  'oauth',
  'leads',
  'metrics',
  'healthz',
  'assets',
  '..',
  '.',
  '',
  '%2e%2e',
  '%2F',
  '%00',
  '~',
  ';x=1',
  '*',
];

const segment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...SEGMENTS),
  hostileText.map((t) => encodeURIComponent(t.slice(0, 100))),
);

export const randomPathCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    fc.constantFrom(...METHODS),
    fc.array(segment, { minLength: 1, maxLength: 6 }),
    fc.option(
      hostileText.map((q) => encodeURIComponent(q.slice(0, 200))),
      { nil: undefined },
    ),
    contentType,
    fc.option(hostileText, { nil: undefined }),
  )
  .map(([method, parts, query, type, body]) => ({
    endpoint: 'random method + path',
    req: {
      method,
      path: `/${parts.join('/')}${query === undefined ? '' : `?q=${query}`}`,
      headers: { 'content-type': type },
      ...(body !== undefined && { body }),
    },
    expect: { kind: 'no_5xx' },
  }));

const wire = (text: string) => Buffer.from(text, 'latin1');

/** Requests Node's HTTP parser refuses before Baton sees them (smuggling attempts included). */
export const BROKEN_HTTP: readonly Buffer[] = [
  wire('GET /a b c HTTP/1.1\r\nhost: x\r\n\r\n'),
  wire('GET / HTTP/9.9\r\nhost: x\r\n\r\n'),
  wire('GET / HTTP/1.1\r\nhost: x\r\nno-colon-here\r\n\r\n'),
  wire('POST /webhooks/hubspot HTTP/1.1\r\nhost: x\r\ncontent-length: abc\r\n\r\n'),
  wire(
    'POST /webhooks/hubspot HTTP/1.1\r\nhost: x\r\ncontent-length: 5\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n',
  ),
  wire(
    'POST /webhooks/hubspot HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n',
  ),
  wire('POST /webhooks/hubspot HTTP/1.1\r\nhost: x\r\ncontent-length: 1\r\ncontent-length: 2\r\n\r\nab'),
  wire(`GET /${'a'.repeat(20_000)} HTTP/1.1\r\nhost: x\r\n\r\n`),
  wire(`GET / HTTP/1.1\r\nhost: x\r\nx-big: ${'b'.repeat(20_000)}\r\n\r\n`),
  wire('GET /\u0000 HTTP/1.1\r\nhost: x\r\n\r\n'),
  wire('GET / HTTP/1.1\r\nhost: x\r\nx-bad: a\u0000b\r\n\r\n'),
];

export function hugeBodyArbitrary(world: FuzzWorld): fc.Arbitrary<FuzzCase> {
  const s = world.signer;
  const a = world.tenantA.externalId;
  return fc
    .tuple(fc.integer({ min: 0, max: 5 }), hugeBody, contentType)
    .map(([target, body, type]): FuzzCase => {
      const tooLarge = { kind: 'api_error', status: [413] } as const;
      switch (target) {
        case 0:
          return {
            endpoint: 'POST /webhooks/hubspot',
            req: signed(s, 'POST', '/webhooks/hubspot', body, { contentType: type }),
            expect: tooLarge,
          };
        case 1:
          return {
            endpoint: 'POST /webhooks/hubspot',
            req: forged(s, 'POST', '/webhooks/hubspot', body, {
              forgery: 'unsigned',
              noise: '',
              offsetMs: 0,
            }),
            expect: tooLarge,
          };
        case 2:
          return {
            endpoint: 'PUT /api/hubspot/settings',
            req: signed(s, 'PUT', cardUrl('/settings', a), body, { contentType: type }),
            expect: tooLarge,
          };
        case 3:
          return {
            endpoint: 'POST /api/hubspot/leads/:id/return',
            req: forged(s, 'POST', cardUrl(`/leads/${world.leadsA[1]}/return`, a), body, {
              forgery: 'random_signature',
              noise: 'x',
              offsetMs: 0,
            }),
            expect: tooLarge,
          };
        case 4:
          return {
            endpoint: 'POST /ops/api/failures/replay (token)',
            req: {
              method: 'POST',
              path: '/ops/api/failures/replay',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${OPS_TOKEN}` },
              body,
            },
            expect: tooLarge,
          };
        default:
          return {
            endpoint: 'GET /api/hubspot/reasons',
            req: signed(s, 'GET', cardUrl('/reasons', a), body, { contentType: type }),
            expect: tooLarge,
          };
      }
    });
}
