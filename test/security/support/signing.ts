// Builds requests the way HubSpot sends them (v3 signature over method + URI + body + timestamp), and every
// near miss of that: no signature, a random one, another secret, another body/URI/method/timestamp.
import { signV3 } from '../../../src/crm/hubspot/requestSignature.ts';

export const SIGNATURE = 'x-hubspot-signature-v3';
export const TIMESTAMP = 'x-hubspot-request-timestamp';

export interface Signer {
  secret: string;
  publicUrl: string;
  now(): number;
}

export interface Signed {
  method: string;
  path: string;
  body: string | Buffer;
  headers: Record<string, string>;
}

/** A correctly signed request for `path` (the path as sent, query included). */
export function signed(
  s: Signer,
  method: string,
  path: string,
  body: string | Buffer = '',
  opts: { timestamp?: number; secret?: string; contentType?: string } = {},
): Signed {
  const timestamp = opts.timestamp ?? s.now();
  const signature = signV3({
    secret: opts.secret ?? s.secret,
    method,
    uri: `${s.publicUrl}${path}`,
    body,
    timestamp,
  });
  return {
    method,
    path,
    body,
    headers: {
      'content-type': opts.contentType ?? 'application/json',
      [TIMESTAMP]: String(timestamp),
      [SIGNATURE]: signature,
    },
  };
}

/** The ways a signature can be wrong; each is refused with 401 before anything is read from the store. */
export const FORGERIES = [
  'unsigned',
  'no_timestamp',
  'random_signature',
  'wrong_secret',
  'other_body',
  'other_uri',
  'other_method',
  'other_timestamp',
  'stale',
  'future',
  'malformed_timestamp',
] as const;
export type Forgery = (typeof FORGERIES)[number];

export interface ForgeryInput {
  forgery: Forgery;
  /** Random material: a signature, a secret, a body, a path suffix, a time offset or a timestamp text. */
  noise: string;
  offsetMs: number;
}

/** A request like `signed(...)` but wrong in the way `f.forgery` says. */
export function forged(
  s: Signer,
  method: string,
  path: string,
  body: string | Buffer,
  f: ForgeryInput,
): Signed {
  const now = s.now();
  const base = signed(s, method, path, body);
  switch (f.forgery) {
    case 'unsigned': {
      const { [SIGNATURE]: _sig, [TIMESTAMP]: _ts, ...rest } = base.headers;
      return { ...base, headers: rest };
    }
    case 'no_timestamp': {
      const { [TIMESTAMP]: _ts, ...rest } = base.headers;
      return { ...base, headers: rest };
    }
    case 'random_signature':
      return { ...base, headers: { ...base.headers, [SIGNATURE]: f.noise || 'x' } };
    case 'wrong_secret':
      return {
        ...base,
        headers: signed(s, method, path, body, { secret: `${s.secret}${f.noise}!` }).headers,
      };
    case 'other_body': {
      const other = Buffer.concat([Buffer.from(body), Buffer.from(f.noise || ' ')]);
      return { ...base, headers: signed(s, method, path, other).headers };
    }
    case 'other_uri': {
      const sep = path.includes('?') ? '&' : '?';
      return {
        ...base,
        headers: signed(s, method, `${path}${sep}x=${encodeURIComponent(f.noise)}`, body).headers,
      };
    }
    case 'other_method':
      return { ...base, headers: signed(s, method === 'POST' ? 'PUT' : 'POST', path, body).headers };
    case 'other_timestamp':
      return {
        ...base,
        headers: { ...base.headers, [TIMESTAMP]: String(now - 1 - Math.abs(f.offsetMs % 60_000)) },
      };
    case 'stale':
      return {
        ...base,
        headers: signed(s, method, path, body, { timestamp: now - 300_001 - Math.abs(f.offsetMs) }).headers,
      };
    case 'future':
      return {
        ...base,
        headers: signed(s, method, path, body, { timestamp: now + 30_001 + Math.abs(f.offsetMs) }).headers,
      };
    case 'malformed_timestamp':
      return { ...base, headers: { ...base.headers, [TIMESTAMP]: malformedTimestamp(f.noise, now) } };
  }
}

/** A timestamp header that is not 1–16 digits (so never accepted, whatever the signature covers). */
function malformedTimestamp(noise: string, now: number): string {
  const options = [`${now}.5`, `-${now}`, `${now}0`.padEnd(17, '0'), `0x${now.toString(16)}`, `${now}e0`, ''];
  const cleaned = noise.replace(/[^\x21-\x7e]/g, '');
  if (cleaned !== '' && !/^\d{1,16}$/.test(cleaned)) return cleaned;
  return options[cleaned.length % options.length] ?? '';
}
