// Fires a batch of fuzz cases at Baton concurrently and checks every answer: never a 5xx, the expected clear
// refusal (JSON envelope for APIs, an HTML page for browser routes), no secret echoed, no markup reflected
// unescaped — then that the store is exactly as before and the server still answers /healthz.
import { expect } from 'vitest';
import { fingerprint } from './storeFingerprint.ts';
import type { FuzzWorld } from './fuzzWorld.ts';
import { OPS_TOKEN } from './fuzzWorld.ts';
import type { RawRequest, RawResponse } from './rawHttp.ts';

export type Expectation =
  /** A refusal with the JSON envelope { error: { code, message } }, status among these. */
  | { kind: 'api_error'; status: readonly number[] }
  /** A browser page (text/html), status among these. */
  | { kind: 'html_page'; status: readonly number[]; contains?: string }
  /** A redirect; `orRateLimited`: or, while the login is rate-limited, its 429 page with Retry-After. */
  | {
      kind: 'redirect';
      status: readonly number[];
      location: (location: string) => boolean;
      orRateLimited?: boolean;
    }
  /** A 2xx JSON answer (a valid request mixed in), checked further by `check`. */
  | { kind: 'ok_json'; check?: (json: unknown) => void }
  | { kind: 'ok'; status: readonly number[] }
  /** A console page without a login: 401, or a redirect to the login page. */
  | { kind: 'login_required' }
  /** Anything below 500; a JSON error must have the envelope. */
  | { kind: 'no_5xx' }
  /** Broken HTTP: Node itself refuses it with a bare 4xx. */
  | { kind: 'bare_4xx' };

export interface FuzzCase {
  /** Which endpoint this targets (for the per-endpoint count). */
  endpoint: string;
  req: RawRequest;
  expect: Expectation;
}

const CODES: Record<number, string> = {
  400: 'invalid_input',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
};

const GROUPS: Array<[RegExp, string]> = [
  [/webhooks\/hubspot/, 'POST /webhooks/hubspot'],
  [/\/passport/, '/api/hubspot/leads/:id/passport'],
  [/\/return/, '/api/hubspot/leads/:id/return'],
  [/api\/hubspot\/reasons/, '/api/hubspot/reasons'],
  [/api\/hubspot\/settings/, '/api/hubspot/settings (GET, PUT, other methods)'],
  [/api\/hubspot\//, '/api/hubspot/* (other paths)'],
  [/oauth\/hubspot\/install/, '/oauth/hubspot/install'],
  [/oauth\/hubspot\/callback/, '/oauth/hubspot/callback'],
  [/\/ops\/login/, '/ops/login (GET, POST)'],
  [/\/metrics/, '/metrics'],
  [/\/ops\/api\/.*\(token\)/, '/ops/api/* with the token'],
  [/\/ops\/api\//, '/ops/api/* without a valid token'],
  [/\/ops\//, '/ops/* console pages'],
];
const sent = new Map<string, number>();
/** How many requests each endpoint got so far. */
export const requestsSent = (): ReadonlyMap<string, number> => sent;
const groupOf = (endpoint: string) => GROUPS.find(([re]) => re.test(endpoint))?.[1] ?? endpoint;

function fail(c: FuzzCase, res: RawResponse, why: string): never {
  const body = c.req.body === undefined ? '' : String(c.req.body).slice(0, 200);
  throw new Error(
    `${why}\n  request: ${c.req.method} ${c.req.path.slice(0, 300)} ${JSON.stringify(c.req.headers ?? {}).slice(0, 400)} body=${JSON.stringify(body)}\n  answer: ${res.status} ${res.headers['content-type'] ?? ''} ${res.text.slice(0, 300)}`,
  );
}

function envelopeOf(c: FuzzCase, res: RawResponse): { code: string; message: string } {
  if (!/^application\/json/.test(res.headers['content-type'] ?? '')) fail(c, res, 'expected a JSON error');
  let json: unknown;
  try {
    json = JSON.parse(res.text);
  } catch {
    fail(c, res, 'the error body is not JSON');
  }
  const error = (json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (typeof error?.code !== 'string' || typeof error.message !== 'string' || error.message.length === 0)
    fail(c, res, 'expected the envelope { error: { code, message } }');
  const expectedCode = CODES[res.status];
  if (expectedCode && error.code !== expectedCode) fail(c, res, `expected code ${expectedCode}`);
  return { code: error.code, message: error.message };
}

function checkUniversal(c: FuzzCase, res: RawResponse, world: FuzzWorld): void {
  if (res.status >= 500) fail(c, res, 'a 5xx');
  for (const secret of [world.signer.secret, OPS_TOKEN])
    if (res.text.includes(secret) || Object.values(res.headers).some((v) => v.includes(secret)))
      fail(c, res, 'a secret is in the answer');
  if (
    /text\/html/.test(res.headers['content-type'] ?? '') &&
    /<script>alert|onerror=alert|<img src=x/i.test(res.text)
  )
    fail(c, res, 'markup from the request is reflected unescaped');
}

export function checkAnswer(c: FuzzCase, res: RawResponse, world: FuzzWorld): void {
  checkUniversal(c, res, world);
  const e = c.expect;
  const isHead = c.req.method === 'HEAD';
  switch (e.kind) {
    case 'api_error':
      if (!e.status.includes(res.status)) fail(c, res, `expected ${e.status.join(' or ')}`);
      if (!isHead) envelopeOf(c, res);
      return;
    case 'html_page':
      if (!e.status.includes(res.status)) fail(c, res, `expected ${e.status.join(' or ')}`);
      if (!/^text\/html/.test(res.headers['content-type'] ?? '')) fail(c, res, 'expected an HTML page');
      if (!isHead && !res.text.startsWith('<!doctype html>')) fail(c, res, 'expected an HTML document');
      if (!isHead && e.contains && !res.text.includes(e.contains)) fail(c, res, `expected "${e.contains}"`);
      return;
    case 'redirect':
      if (e.orRateLimited && res.status === 429) {
        if (!/^\d+$/.test(res.headers['retry-after'] ?? '')) fail(c, res, 'a 429 needs Retry-After');
        if (!isHead && !res.text.includes('Too many sign-in attempts')) fail(c, res, 'expected the 429 page');
        return;
      }
      if (!e.status.includes(res.status)) fail(c, res, `expected a redirect ${e.status.join(' or ')}`);
      if (!e.location(res.headers['location'] ?? '')) fail(c, res, 'unexpected redirect target');
      return;
    case 'ok_json':
      if (res.status < 200 || res.status > 299) fail(c, res, 'a valid request failed');
      if (!isHead) e.check?.(JSON.parse(res.text));
      return;
    case 'ok':
      if (!e.status.includes(res.status)) fail(c, res, `expected ${e.status.join(' or ')}`);
      return;
    case 'login_required':
      if (res.status === 401) {
        // The API's envelope, or the console assets' plain "sign in first".
        if (!isHead && !/^text\/plain/.test(res.headers['content-type'] ?? '')) envelopeOf(c, res);
      } else if (
        ![302, 303].includes(res.status) ||
        !(res.headers['location'] ?? '').startsWith('/ops/login')
      )
        fail(c, res, 'a console page without a login must be refused or redirect to /ops/login');
      return;
    case 'no_5xx':
      if (res.status >= 400 && !isHead && /^application\/json/.test(res.headers['content-type'] ?? ''))
        envelopeOf(c, res);
      return;
    case 'bare_4xx':
      if (res.status < 400 || res.status > 499) fail(c, res, 'expected a 4xx');
      return;
  }
}

const CONCURRENCY = 16;

export async function expectAlive(world: FuzzWorld): Promise<void> {
  const health = await world.client.one({ method: 'GET', path: '/healthz' });
  expect(health.status, 'the server still answers /healthz').toBe(200);
}

/** Sends the batch; every answer is checked; the store must not change (unless told it may). */
export async function runBatch(
  world: FuzzWorld,
  cases: readonly FuzzCase[],
  opts: { storeMayChange?: boolean } = {},
): Promise<RawResponse[]> {
  const before = opts.storeMayChange ? null : await fingerprint(world.db);
  const answers = await world.client.send(
    cases.map((c) => c.req),
    CONCURRENCY,
  );
  cases.forEach((c, i) => {
    sent.set(groupOf(c.endpoint), (sent.get(groupOf(c.endpoint)) ?? 0) + 1);
    checkAnswer(c, answers[i] as RawResponse, world);
  });
  if (before)
    expect(await fingerprint(world.db), 'refused requests left the store as it was').toEqual(before);
  await expectAlive(world);
  return answers;
}
