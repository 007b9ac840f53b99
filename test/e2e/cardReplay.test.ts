// The replay window of a card request (the red-team's attack, issue 16 item 5): a settings save signed with a
// timestamp 30 s ahead (inside HubSpot's allowed skew) was replayed 305 s later — after Baton had forgotten it at
// receipt + 5 min but while the signature still verified — and reverted the setting. It must be refused as a replay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signV3 } from '../../src/crm/hubspot/requestSignature.ts';
import { startBaton, type BatonHarness } from '../support/batonHarness.ts';

let h: BatonHarness;
let adminUserId: number;

beforeAll(async () => {
  h = await startBaton({ at: new Date('2026-11-23T14:00:00Z') });
  adminUserId = h.portal.owners.all()[0]?.userId ?? 0; // the installing admin
});
afterAll(() => h.close());

async function signedPut(body: unknown, timestamp: number) {
  const t = await h.tenant();
  const base = h.running.config.publicUrl;
  const url = `/api/hubspot/settings?portalId=${t.externalId}&userId=${adminUserId}`;
  const raw = JSON.stringify(body);
  const secret = h.running.sandbox?.app.clientSecret ?? '';
  const headers = {
    'content-type': 'application/json',
    'x-hubspot-request-timestamp': String(timestamp),
    'x-hubspot-signature-v3': signV3({ secret, method: 'PUT', uri: `${base}${url}`, body: raw, timestamp }),
  };
  return () => fetch(`${base}${url}`, { method: 'PUT', headers, body: raw });
}

describe('card request replay window', () => {
  it('a settings save signed 30 s ahead, replayed 305 s later, is refused and the newer setting stays', async () => {
    const policy = (await h.tenant()).policy;
    const saveEight = await signedPut(
      { policy: { ...policy, sla: { ...policy.sla, firstTouchHours: 8 } } },
      h.now().getTime() + 30_000,
    );
    expect((await saveEight()).status).toBe(200);
    const saveTwelve = await signedPut(
      { policy: { ...policy, sla: { ...policy.sla, firstTouchHours: 12 } } },
      h.now().getTime(),
    );
    expect((await saveTwelve()).status).toBe(200);

    h.advance(305_000);
    const replay = await saveEight();
    expect(replay.status).toBe(409);
    expect(await replay.json()).toEqual({
      error: { code: 'conflict', message: expect.stringContaining('replay') },
    });
    expect((await h.tenant()).policy.sla.firstTouchHours).toBe(12);
  });
});
