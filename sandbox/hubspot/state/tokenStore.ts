// OAuth artefacts: authorization codes (single use, short-lived), access tokens (expire) and refresh
// tokens (optionally rotated on use), each bound to one portal and one app.
import { randomBytes } from 'node:crypto';

export interface Grant {
  portalId: number;
  appId: number;
  userId: number;
  userEmail: string;
  scopes: string[];
}

/** Just the grant of a code or token (so issuing from one never copies its other fields). */
export const grantOf = (g: Grant): Grant => ({
  portalId: g.portalId,
  appId: g.appId,
  userId: g.userId,
  userEmail: g.userEmail,
  scopes: [...g.scopes],
});

export interface AuthCode extends Grant {
  code: string;
  clientId: string;
  redirectUri: string;
  expiresAt: number;
  used: boolean;
}

export interface AccessToken extends Grant {
  token: string;
  issuedAt: number;
  /** null for private-app tokens, which do not expire. */
  expiresAt: number | null;
  refreshToken?: string;
  revoked: boolean;
}

export interface RefreshToken extends Grant {
  token: string;
  clientId: string;
  revoked: boolean;
}

// HubSpot tokens are opaque and can be up to 300 characters; these are shorter but just as opaque.
const opaque = (prefix: string, bytes: number): string =>
  `${prefix}${randomBytes(bytes).toString('base64url')}`;

export class TokenStore {
  private readonly codes = new Map<string, AuthCode>();
  private readonly access = new Map<string, AccessToken>();
  private readonly refresh = new Map<string, RefreshToken>();

  issueCode(grant: Grant & { clientId: string; redirectUri: string; expiresAt: number }): AuthCode {
    const code: AuthCode = {
      ...grantOf(grant),
      clientId: grant.clientId,
      redirectUri: grant.redirectUri,
      expiresAt: grant.expiresAt,
      code: opaque('', 24),
      used: false,
    };
    this.codes.set(code.code, code);
    return code;
  }

  /** The code if it is known, unused and not expired; using it burns it either way. */
  redeemCode(value: string, now: number): AuthCode | undefined {
    const code = this.codes.get(value);
    if (!code || code.used) return undefined;
    code.used = true;
    return code.expiresAt > now ? code : undefined;
  }

  issueAccess(grant: Grant, now: number, ttlSeconds: number | null, refreshToken?: string): AccessToken {
    const token: AccessToken = {
      ...grantOf(grant),
      token: opaque(ttlSeconds === null ? 'pat-na1-' : 'CJ', 48),
      issuedAt: now,
      expiresAt: ttlSeconds === null ? null : now + ttlSeconds * 1000,
      ...(refreshToken !== undefined && { refreshToken }),
      revoked: false,
    };
    this.access.set(token.token, token);
    return token;
  }

  issueRefresh(grant: Grant & { clientId: string }): RefreshToken {
    const token: RefreshToken = {
      ...grantOf(grant),
      clientId: grant.clientId,
      token: opaque('na1-', 27),
      revoked: false,
    };
    this.refresh.set(token.token, token);
    return token;
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
    if (t) t.revoked = true;
  }

  /** Uninstall: every token of this app in this portal stops working. */
  revokeInstall(portalId: number, appId: number): void {
    for (const t of this.access.values()) if (t.portalId === portalId && t.appId === appId) t.revoked = true;
    for (const t of this.refresh.values()) if (t.portalId === portalId && t.appId === appId) t.revoked = true;
  }

  /** Lets a test expire a token without moving the clock. */
  expireAccess(value: string, at: number): void {
    const t = this.access.get(value);
    if (t) t.expiresAt = at;
  }
}
