import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalUri, MAX_AGE_MS, signV3, verifyV3 } from './requestSignature.ts';

const secret = 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy';
const uri = 'https://baton.example.com/webhooks/hubspot';
const body = Buffer.from('[{"eventId":1,"subscriptionType":"contact.propertyChange","objectId":123}]');
const ts = 1795363200000;
// Independently: base64(HMAC-SHA256(secret, "POST" + uri + body + timestamp)), per HubSpot's v3 docs.
const expected = createHmac('sha256', secret).update(`POST${uri}${body.toString()}${ts}`).digest('base64');

const verify = (over: Partial<Parameters<typeof verifyV3>[0]> = {}) =>
  verifyV3({
    secret,
    method: 'POST',
    uri,
    body,
    signature: expected,
    timestamp: String(ts),
    nowMs: ts + 1000,
    ...over,
  });

describe('HubSpot request signature v3', () => {
  it('signs method + URI + raw body + timestamp with HMAC-SHA256, base64', () => {
    expect(signV3({ secret, method: 'POST', uri, body, timestamp: ts })).toBe(expected);
    expect(signV3({ secret, method: 'post', uri, body: body.toString(), timestamp: ts })).toBe(expected);
  });

  it('decodes exactly the escapes HubSpot decodes before signing', () => {
    expect(canonicalUri('https://x.io/a%3Ab%2Fc%3Fd%40e%21f%24g%27h%28i%29j%2Ak%2Cl%3Bm?q=%20x%3a')).toBe(
      "https://x.io/a:b/c?d@e!f$g'h(i)j*k,l;m?q=%20x:",
    );
    const withQuery = 'https://baton.example.com/api/hubspot/card?portalId=1&userEmail=a%40b.io';
    const sig = createHmac('sha256', secret)
      .update(`GET${'https://baton.example.com/api/hubspot/card?portalId=1&userEmail=a@b.io'}${ts}`)
      .digest('base64');
    expect(
      verifyV3({
        secret,
        method: 'GET',
        uri: withQuery,
        body: Buffer.alloc(0),
        signature: sig,
        timestamp: String(ts),
        nowMs: ts,
      }),
    ).toEqual({
      valid: true,
      verifiesUntilMs: ts + MAX_AGE_MS,
    });
  });

  it('accepts a correct signature inside the window, and says until when it verifies (its timestamp + 5 min)', () => {
    const verdict = { valid: true, verifiesUntilMs: ts + MAX_AGE_MS };
    expect(verify()).toEqual(verdict);
    expect(verify({ nowMs: ts + MAX_AGE_MS })).toEqual(verdict);
    // A timestamp ahead of our clock (within the skew) verifies until its own time + 5 min, not receipt + 5 min.
    expect(verify({ nowMs: ts - 30_000 })).toEqual(verdict);
  });

  describe('adversarial / fail-closed', () => {
    it.each([
      ['missing signature', { signature: undefined }, 'missing_signature'],
      ['empty signature', { signature: '' }, 'missing_signature'],
      ['missing timestamp', { timestamp: undefined }, 'missing_timestamp'],
      ['non-numeric timestamp', { timestamp: '12abc' }, 'missing_timestamp'],
      ['stale (older than 5 minutes)', { nowMs: ts + MAX_AGE_MS + 1 }, 'stale'],
      ['from the future beyond the skew', { nowMs: ts - 60_000 }, 'future'],
      ['wrong secret', { secret: 'other' }, 'mismatch'],
      ['body changed by one byte', { body: Buffer.from(body.toString().replace('123', '124')) }, 'mismatch'],
      ['another URI', { uri: 'https://evil.example.com/webhooks/hubspot' }, 'mismatch'],
      ['another method', { method: 'PUT' }, 'mismatch'],
      [
        'a replayed signature with a new timestamp',
        { timestamp: String(ts + 10), nowMs: ts + 20 },
        'mismatch',
      ],
      ['a truncated signature', { signature: expected.slice(0, 20) }, 'mismatch'],
      [
        'a hex signature of the same MAC',
        { signature: Buffer.from(expected, 'base64').toString('hex') },
        'mismatch',
      ],
    ] as const)('%s → %s', (_label, over, why) => {
      expect(verify(over as Partial<Parameters<typeof verifyV3>[0]>)).toEqual({ valid: false, why });
    });
  });
});
