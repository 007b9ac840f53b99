// HubSpot request signature v3 (webhooks and hubspot.fetch from cards): HMAC-SHA256 with the app's client
// secret over method + URI + raw body + timestamp, base64. Verified over the raw bytes, in constant time,
// inside a 5-minute window; future timestamps beyond a small clock skew are refused.
// https://developers.hubspot.com/docs/api/webhooks/validating-requests
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-hubspot-signature-v3';
export const TIMESTAMP_HEADER = 'x-hubspot-request-timestamp';
export const MAX_AGE_MS = 5 * 60_000;
export const MAX_FUTURE_SKEW_MS = 30_000;

// HubSpot decodes exactly these escapes in the URI before signing (and leaves the rest, e.g. %20, as sent).
const DECODED: Record<string, string> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
};

export function canonicalUri(uri: string): string {
  return uri.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (m) => DECODED[m.toUpperCase()] ?? m);
}

export function signV3(input: {
  secret: string;
  method: string;
  uri: string;
  body: Buffer | string;
  timestamp: number;
}): string {
  return createHmac('sha256', input.secret)
    .update(`${input.method.toUpperCase()}${canonicalUri(input.uri)}`)
    .update(typeof input.body === 'string' ? Buffer.from(input.body, 'utf8') : input.body)
    .update(String(input.timestamp))
    .digest('base64');
}

export type SignatureVerdict =
  /** `verifiesUntilMs`: the last moment this exact request still verifies, so how long a replay must be remembered. */
  | { valid: true; verifiesUntilMs: number }
  | { valid: false; why: 'missing_signature' | 'missing_timestamp' | 'stale' | 'future' | 'mismatch' };

/** Equal-length digests for timingSafeEqual, whatever the attacker sent. */
const digest = (s: string) => createHash('sha256').update(s).digest();

export function verifyV3(input: {
  secret: string;
  method: string;
  uri: string;
  body: Buffer;
  signature: string | undefined;
  timestamp: string | undefined;
  nowMs: number;
}): SignatureVerdict {
  if (!input.signature) return { valid: false, why: 'missing_signature' };
  if (!input.timestamp || !/^\d{1,16}$/.test(input.timestamp))
    return { valid: false, why: 'missing_timestamp' };
  const ts = Number(input.timestamp);
  if (input.nowMs - ts > MAX_AGE_MS) return { valid: false, why: 'stale' };
  if (ts - input.nowMs > MAX_FUTURE_SKEW_MS) return { valid: false, why: 'future' };
  const expected = signV3({ ...input, timestamp: ts });
  return timingSafeEqual(digest(expected), digest(input.signature))
    ? { valid: true, verifiesUntilMs: ts + MAX_AGE_MS }
    : { valid: false, why: 'mismatch' };
}
