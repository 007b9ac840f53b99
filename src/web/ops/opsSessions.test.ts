// Server-side console sessions: signing out ends the session for good (a replayed cookie is refused), "sign out
// everywhere" ends them all, and a session ends after 30 minutes unused or 12 hours in all; ended rows are purged.
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startOpsApp, type OpsApp } from '../../../test/support/opsApp.ts';
import { OPS_SESSION_LIMITS, purgeEndedOpsSessions } from '../../store/opsSessions.ts';

let ops: OpsApp;
beforeEach(async () => {
  ops = await startOpsApp();
});
afterEach(() => ops.close());

const MINUTE = 60_000;
const readWith = (cookie: string) =>
  ops.send('GET', `/ops/api/tenants/${ops.tenant.id}/backfill`, { headers: { cookie } });
const pageWith = (cookie: string) => ops.send('GET', '/ops/tenants', { headers: { cookie } });
const sessionRows = async () =>
  (await ops.database.db.selectFrom('ops_sessions').selectAll().execute()).length;

function signOut(s: { cookie: string; csrf: string }, everywhere = false) {
  return ops.send('POST', everywhere ? '/ops/logout-everywhere' : '/ops/logout', {
    headers: {
      cookie: s.cookie,
      'content-type': 'application/x-www-form-urlencoded',
      origin: ops.base,
      'sec-fetch-site': 'same-origin',
    },
    body: `csrf=${encodeURIComponent(s.csrf)}`,
  });
}

describe('console sessions', () => {
  it('the cookie holds only a random id; the store keeps its hash, never the id', async () => {
    const s = await ops.signIn();
    const id = s.cookie.split('=')[1] ?? '';
    expect(id).toMatch(/^[\w-]{43}$/);
    const rows = await ops.database.db.selectFrom('ops_sessions').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(id);
  });

  it('a made-up session id is refused', async () => {
    const res = await readWith(`baton_ops=${randomBytes(32).toString('base64url')}`);
    expect(res.status).toBe(401);
  });

  it('after sign-out, the same cookie replayed is refused (API 401, pages back to the login)', async () => {
    const s = await ops.signIn();
    expect((await readWith(s.cookie)).status).toBe(200);
    const out = await signOut(s);
    expect(out.status).toBe(303);
    expect(out.headers['location']).toBe('/ops/login');
    expect(String(out.headers['set-cookie'])).toMatch(/^baton_ops=;.*Max-Age=0/);
    const replay = await readWith(s.cookie);
    expect(replay.status).toBe(401);
    expect(JSON.parse(replay.text)).toMatchObject({ error: { code: 'unauthenticated' } });
    expect((await pageWith(s.cookie)).status).toBe(302);
    expect(await sessionRows()).toBe(0);
    // Signing out again with the dead cookie only clears it.
    const again = await signOut(s);
    expect(again.status).toBe(303);
    expect(String(again.headers['set-cookie'])).toMatch(/^baton_ops=;.*Max-Age=0/);
  });

  it('sign-out without the CSRF token is refused and the session goes on', async () => {
    const s = await ops.signIn();
    const res = await signOut({ cookie: s.cookie, csrf: '' });
    expect(res.status).toBe(403);
    expect((await readWith(s.cookie)).status).toBe(200);
  });

  it('"sign out everywhere" ends every session, the other browsers’ too', async () => {
    const [a, b, c] = [await ops.signIn(), await ops.signIn(), await ops.signIn()];
    for (const s of [a, b, c]) expect((await readWith(s.cookie)).status).toBe(200);
    expect((await signOut(b, true)).status).toBe(303);
    for (const s of [a, b, c]) expect((await readWith(s.cookie)).status).toBe(401);
    expect(await sessionRows()).toBe(0);
  });

  it('the console offers both: sign out, and sign out everywhere, each with the session’s CSRF token', async () => {
    const s = await ops.signIn();
    const page = await pageWith(s.cookie);
    expect(page.status).toBe(200);
    expect(page.text).toContain(
      `<form method="post" action="/ops/logout" class="signout"><input type="hidden" name="csrf" value="${s.csrf}">`,
    );
    expect(page.text).toContain(
      `<form method="post" action="/ops/logout-everywhere" class="signout"><input type="hidden" name="csrf" value="${s.csrf}"><button type="submit">Sign out everywhere</button>`,
    );
  });

  it('ends after 30 minutes without use; use keeps it going', async () => {
    const s = await ops.signIn();
    ops.advance(29 * MINUTE);
    expect((await readWith(s.cookie)).status).toBe(200);
    ops.advance(29 * MINUTE);
    expect((await readWith(s.cookie)).status).toBe(200);
    ops.advance(OPS_SESSION_LIMITS.idleMs + 1);
    expect((await readWith(s.cookie)).status).toBe(401);
    expect((await pageWith(s.cookie)).status).toBe(302);
  });

  it('ends 12 hours after sign-in however busy it is', async () => {
    const s = await ops.signIn();
    for (let used = 0; used < 12 * 60 - 20; used += 20) {
      ops.advance(20 * MINUTE);
      expect((await readWith(s.cookie)).status).toBe(200);
    }
    ops.advance(20 * MINUTE);
    expect((await readWith(s.cookie)).status).toBe(401);
  });

  it('ended sessions are purged: at the next sign-in, or by purgeEndedOpsSessions (for a sweep)', async () => {
    await ops.signIn();
    await ops.signIn();
    ops.advance(OPS_SESSION_LIMITS.idleMs + 1);
    const live = await ops.signIn();
    expect(await sessionRows()).toBe(1);
    ops.advance(OPS_SESSION_LIMITS.idleMs - MINUTE);
    expect(await purgeEndedOpsSessions(ops.database.db, ops.now())).toBe(0);
    expect((await readWith(live.cookie)).status).toBe(200);
    ops.advance(OPS_SESSION_LIMITS.idleMs + 1);
    expect(await purgeEndedOpsSessions(ops.database.db, ops.now())).toBe(1);
    expect(await sessionRows()).toBe(0);
  });
});
