// Guessing the ops token at the login form: a burst of 300 wrong tokens from one client is mostly 429s with
// Retry-After; while limited even the right token is refused (the answer reveals nothing); after the window the
// right token works again. Wrong tokens from many clients together hit the global limit.
import { afterEach, describe, expect, it } from 'vitest';
import { OPS_TOKEN, startOpsApp, type Answer, type OpsApp } from '../../../test/support/opsApp.ts';
import { LOGIN_LIMITS } from './loginRateLimit.ts';

let ops: OpsApp | undefined;
afterEach(() => ops?.close());

const WINDOW_MS = 1_500;

const login = (app: OpsApp, token: string, client = '203.0.113.7') =>
  app.send('POST', '/ops/login', {
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': client },
    body: `token=${encodeURIComponent(token)}`,
  });

const statuses = (answers: Answer[]) =>
  answers.reduce<Record<number, number>>((n, a) => ({ ...n, [a.status]: (n[a.status] ?? 0) + 1 }), {});

describe('the console login under a token-guessing burst', () => {
  it('300 wrong tokens from one client: 10 are checked (401), the rest are 429 with Retry-After', async () => {
    ops = await startOpsApp();
    const app = ops;
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, i) => login(app, `wrong-token-${i}-0123456789abcdef`)),
    );
    expect(statuses(answers)).toEqual({ 401: LOGIN_LIMITS.perClient, 429: 300 - LOGIN_LIMITS.perClient });
    const limited = answers.find((a) => a.status === 429);
    const retryAfter = Number(limited?.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(LOGIN_LIMITS.windowMs / 1000);
    expect(limited?.headers['content-type']).toMatch(/^text\/html/);
    expect(limited?.text).toContain('Too many sign-in attempts');
    // While limited, the right token is refused too; another client is not affected.
    expect((await login(app, OPS_TOKEN)).status).toBe(429);
    expect((await login(app, OPS_TOKEN, '198.51.100.9')).status).toBe(303);
  });

  it('after the window the right token works again; signing in does not use up attempts', async () => {
    ops = await startOpsApp({ limits: { perClient: 3, global: 50, windowMs: WINDOW_MS } });
    const app = ops;
    for (let i = 0; i < 5; i++) expect((await login(app, OPS_TOKEN)).status).toBe(303);
    for (let i = 0; i < 3; i++) expect((await login(app, 'not-the-token-0123456789')).status).toBe(401);
    const limited = await login(app, OPS_TOKEN);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(Math.ceil(WINDOW_MS / 1000));
    await new Promise((r) => setTimeout(r, WINDOW_MS + 300));
    const after = await login(app, OPS_TOKEN);
    expect(after.status).toBe(303);
    expect(String(after.headers['set-cookie'])).toMatch(/^baton_ops=[\w-]{43};/);
  });

  it('wrong tokens spread over many clients hit the global limit', async () => {
    ops = await startOpsApp({ limits: { perClient: 5, global: 20, windowMs: 60_000 } });
    const app = ops;
    const answers: Answer[] = [];
    for (let i = 0; i < 40; i++) answers.push(await login(app, `guess-${i}`, `192.0.2.${i + 1}`));
    expect(statuses(answers)).toEqual({ 401: 20, 429: 20 });
    expect((await login(app, OPS_TOKEN, '192.0.2.200')).status).toBe(429);
  });

  it('forms that do not parse do not count as guesses', async () => {
    ops = await startOpsApp({ limits: { perClient: 2, global: 50, windowMs: 60_000 } });
    const app = ops;
    for (let i = 0; i < 5; i++) {
      const res = await app.send('POST', '/ops/login', {
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '203.0.113.8' },
        body: `token=${'x'.repeat(5_000)}`,
      });
      expect(res.status).toBe(413);
    }
    expect((await login(app, OPS_TOKEN, '203.0.113.8')).status).toBe(303);
  });
});
