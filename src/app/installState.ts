// The OAuth `state`: signed (HMAC, key derived from Baton's encryption key), expiring, single-use (the store
// remembers used nonces), so a forged, stale or replayed callback is refused.
import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

const payload = z.object({
  n: z.string().min(16),
  exp: z.number().int(),
  crm: z.enum(['hubspot', 'salesforce']),
});
export type InstallState = z.infer<typeof payload>;

const b64 = (b: Buffer) => b.toString('base64url');

export class InstallStateSigner {
  private readonly key: Buffer;

  constructor(masterKey: Buffer) {
    this.key = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'baton oauth state v1', 32));
  }

  issue(crm: InstallState['crm'], now: Date, ttlMs = 10 * 60_000): string {
    return this.issueWithNonce(crm, now, ttlMs).state;
  }

  /** The state and its nonce (the key under which a PKCE verifier waits for the callback). */
  issueWithNonce(crm: InstallState['crm'], now: Date, ttlMs = 10 * 60_000): { state: string; nonce: string } {
    const nonce = b64(randomBytes(18));
    const body = b64(Buffer.from(JSON.stringify({ n: nonce, exp: now.getTime() + ttlMs, crm })));
    return { state: `${body}.${this.mac(body)}`, nonce };
  }

  /** The state's contents when it is authentic and unexpired; null otherwise (single use is the caller's check). */
  verify(state: string | undefined, crm: InstallState['crm'], now: Date): InstallState | null {
    const [body, mac, extra] = (state ?? '').split('.');
    if (!body || !mac || extra !== undefined) return null;
    const digest = (s: string) => createHash('sha256').update(s).digest();
    if (!timingSafeEqual(digest(mac), digest(this.mac(body)))) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return null;
    }
    const result = payload.safeParse(parsed);
    if (!result.success || result.data.crm !== crm || result.data.exp <= now.getTime()) return null;
    return result.data;
  }

  private mac(body: string): string {
    return b64(createHmac('sha256', this.key).update(body).digest());
  }
}
