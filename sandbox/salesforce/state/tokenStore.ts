// OAuth artefacts: authorization codes (single use, 15 minutes, bound to a PKCE challenge), access tokens
// (sessions that time out after a period of inactivity, as Salesforce sessions do) and refresh tokens
// (optionally rotated on use). Revoking a refresh token ends the sessions issued from it.
import { createHash, randomBytes } from 'node:crypto';

export interface Grant {
  orgId: string;
  userId: string;
  /** The connected app's client id, or null for a session not issued through OAuth (an LWC's). */
  clientId: string | null;
  scopes: string[];
}

export interface AuthCode extends Grant {
  code: string;
  redirectUri: string;
  codeChallenge?: string;
  challengeMethod: 'S256' | 'plain';
  expiresAt: number;
  used: boolean;
}

export interface AccessToken extends Grant {
  token: string;
  issuedAt: number;
  lastUsedAt: number;
  /** Inactivity timeout; null never times out. */
  timeoutMs: number | null;
  revoked: boolean;
  refreshToken?: string;
}

export interface RefreshToken extends Grant {
  token: string;
  issuedAt: number;
  revoked: boolean;
}

const grantOf = (g: Grant): Grant => ({
  orgId: g.orgId,
  userId: g.userId,
  clientId: g.clientId,
  scopes: [...g.scopes],
});
const opaque = (bytes: number): string => randomBytes(bytes).toString('base64url');

/** Does `verifier` hash to the stored challenge? (RFC 7636 S256: BASE64URL(SHA256(verifier))). */
export function verifierMatches(code: AuthCode, verifier: string | undefined): boolean {
  if (code.codeChallenge === undefined) return true;
  if (verifier === undefined) return false;
  const derived =
    code.challengeMethod === 'plain' ? verifier : createHash('sha256').update(verifier).digest('base64url');
  return derived === code.codeChallenge;
}

export class TokenStore {
  private readonly codes = new Map<string, AuthCode>();
  private readonly access = new Map<string, AccessToken>();
  private readonly refresh = new Map<string, RefreshToken>();

  issueCode(input: Grant & Omit<AuthCode, keyof Grant | 'code' | 'used'>): AuthCode {
    const code: AuthCode = { ...input, ...grantOf(input), code: `aPrx${opaque(36)}`, used: false };
    this.codes.set(code.code, code);
    return code;
  }

  /** The code if known, unused and unexpired; looking it up burns it either way. */
  redeemCode(value: string, now: number): AuthCode | undefined {
    const code = this.codes.get(value);
    if (!code || code.used) return undefined;
    code.used = true;
    return code.expiresAt > now ? code : undefined;
  }

  issueAccess(grant: Grant, now: number, timeoutMs: number | null, refreshToken?: string): AccessToken {
    const token: AccessToken = {
      ...grantOf(grant),
      // Salesforce access tokens start with the org id: 00D...!<opaque>.
      token: `${grant.orgId.slice(0, 15)}!${opaque(72)}`,
      issuedAt: now,
      lastUsedAt: now,
      timeoutMs,
      revoked: false,
      ...(refreshToken !== undefined && { refreshToken }),
    };
    this.access.set(token.token, token);
    return token;
  }

  issueRefresh(grant: Grant, now: number): RefreshToken {
    const token: RefreshToken = {
      ...grantOf(grant),
      token: `5Aep861${opaque(64)}`,
      issuedAt: now,
      revoked: false,
    };
    this.refresh.set(token.token, token);
    return token;
  }

  /** A live session for `value`, its inactivity clock restarted; undefined if unknown, revoked or timed out. */
  useAccess(value: string, now: number): AccessToken | undefined {
    const t = this.access.get(value);
    if (!t || t.revoked) return undefined;
    if (t.timeoutMs !== null && now - t.lastUsedAt >= t.timeoutMs) return undefined;
    t.lastUsedAt = now;
    return t;
  }

  accessToken(value: string): AccessToken | undefined {
    return this.access.get(value);
  }

  refreshToken(value: string): RefreshToken | undefined {
    const t = this.refresh.get(value);
    return t && !t.revoked ? t : undefined;
  }

  revokeRefresh(value: string): void {
    const t = this.refresh.get(value);
    if (!t) return;
    t.revoked = true;
    for (const a of this.access.values()) if (a.refreshToken === value) a.revoked = true;
  }

  /** Rotation: the old refresh token stops working; sessions already issued from it run on. */
  retireRefresh(value: string): void {
    const t = this.refresh.get(value);
    if (t) t.revoked = true;
  }

  revokeAccess(value: string): void {
    const t = this.access.get(value);
    if (t) t.revoked = true;
  }

  /** Which kind of token `value` is, if any (the revoke endpoint takes both). */
  isKnown(value: string): 'access' | 'refresh' | undefined {
    if (this.access.has(value)) return 'access';
    return this.refresh.has(value) ? 'refresh' : undefined;
  }

  /** Lets a test end a session as if it had timed out, without moving the clock. */
  expireAccess(value: string): void {
    const t = this.access.get(value);
    if (t) t.timeoutMs = 0;
  }
}
