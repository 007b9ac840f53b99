// A body whose Content-Encoding does not match its bytes (the red-team's garbage `Content-Encoding: gzip`, issue 16
// item 7): unauthenticated, it answered 500 and logged an error with a stack trace on the webhook, the card API and
// the ops login. It is the client's mistake: 400 (the JSON envelope; the login form answers with its page), logged
// at info, nothing stored.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoggedBaton, type LoggedBaton } from './support/loggedBaton.ts';
import { RawClient } from './support/rawClient.ts';
import { signed } from './support/signing.ts';

let b: LoggedBaton;
let client: RawClient;

beforeAll(async () => {
  b = await startLoggedBaton(new Date('2026-11-23T14:00:00Z'));
  // A client outside the test's HTTP interceptors (they would try to decode the garbage themselves).
  client = new RawClient(Number(new URL(b.running.config.publicUrl).port));
});
afterAll(async () => {
  await client.close();
  await b.close();
});

const GARBAGE = Buffer.from('this is not gzip at all, just bytes that claim to be');
const inboxRows = async () =>
  Number(
    (
      await b.running.workerDeps.db
        .selectFrom('inbox')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('a body that does not decode', () => {
  it.each([
    ['the webhook', 'POST', '/webhooks/hubspot', 'application/json', 'json'],
    ['the card API', 'POST', '/api/hubspot/leads/1/return?portalId=1&userId=1', 'application/json', 'json'],
    ['the ops login', 'POST', '/ops/login', 'application/x-www-form-urlencoded', 'html'],
  ] as const)(
    '%s: 400, not 500, logged at info, nothing stored',
    async (_what, method, path, type, answer) => {
      const before = await inboxRows();
      const linesBefore = b.logText().length;
      for (const encoding of ['gzip', 'deflate', 'br']) {
        const res = await client.one({
          method,
          path,
          headers: { 'content-type': type, 'content-encoding': encoding },
          body: GARBAGE,
        });
        expect(res.status, encoding).toBe(400);
        if (answer === 'json')
          expect(JSON.parse(res.text)).toEqual({
            error: { code: 'invalid_input', message: expect.stringContaining('could not be decoded') },
          });
        else expect(res.text).toContain('could not be decoded');
      }
      const logged = b.logText().slice(linesBefore);
      expect(logged).not.toMatch(/"level":50/);
      expect(logged).not.toContain('incorrect header check');
      if (answer === 'json') expect(logged).toMatch(/"level":30[^\n]*could not be decoded/);
      expect(await inboxRows()).toBe(before);
    },
  );

  it('a correctly gzipped, correctly signed webhook still gets in', async () => {
    const t = await b.tenant();
    const now = b.now().getTime();
    const body = JSON.stringify([
      {
        eventId: 1,
        subscriptionId: 1,
        portalId: Number(t.externalId),
        appId: 1,
        occurredAt: now,
        subscriptionType: 'contact.creation',
        attemptNumber: 0,
        objectId: 424242,
        changeSource: 'CRM_UI',
      },
    ]);
    // HubSpot signs the body it sends; a proxy that compresses it must leave Baton the same bytes after decoding.
    const req = signed(
      {
        secret: b.running.sandbox?.app.clientSecret ?? '',
        publicUrl: b.running.config.publicUrl,
        now: () => now,
      },
      'POST',
      '/webhooks/hubspot',
      body,
    );
    const res = await client.one({
      ...req,
      headers: { ...req.headers, 'content-encoding': 'gzip' },
      body: gzipSync(body),
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ accepted: 1 });
  });
});
