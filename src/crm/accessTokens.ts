// A tenant's access token (a HubSpot portal, a Salesforce org): refreshed before it expires, once per portal at a time (single-flight here, a lease
// across processes in the vault), the rotated refresh token kept, and a revoked one marks the tenant disconnected.
import { CrmError } from './port.ts';
import type { AccessTokenSource } from './hubspot/hubspotConnection.ts';
import type { TokenSet } from './tokenSet.ts';

/** Where tokens live (encrypted, in the store); the lease keeps two processes from refreshing at once. */
export interface TokenVault {
  read(tenantId: string): Promise<TokenSet | null>;
  /** Takes the tenant's refresh lease, or returns false while another process holds it. */
  tryLease(tenantId: string, forMs: number): Promise<boolean>;
  /** Saves the new tokens and releases the lease. */
  saveAndRelease(tenantId: string, tokens: TokenSet): Promise<void>;
  release(tenantId: string): Promise<void>;
  /** The refresh token was refused: keep the tenant's data, stop calling HubSpot until reinstall. */
  markDisconnected(tenantId: string, why: string): Promise<void>;
  markRefreshFailing(tenantId: string, why: string): Promise<void>;
  markConnected(tenantId: string): Promise<void>;
}

export interface AccessTokensOptions {
  tenantId: string;
  vault: TokenVault;
  /** Gets new tokens from the CRM with the current refresh token (the whole set: some CRMs keep more in it). */
  refresh: (current: TokenSet) => Promise<TokenSet>;
  now: () => Date;
  /** Refresh this long before expiry. */
  earlyMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const LEASE_MS = 30_000;

export class AccessTokens implements AccessTokenSource {
  private readonly o: AccessTokensOptions;
  private cached: TokenSet | null = null;
  private inFlight: Promise<TokenSet> | null = null;

  constructor(options: AccessTokensOptions) {
    this.o = options;
  }

  private fresh(t: TokenSet): boolean {
    return t.expiresAt.getTime() - (this.o.earlyMs ?? 5 * 60_000) > this.o.now().getTime();
  }

  async accessToken(): Promise<string> {
    if (this.cached && this.fresh(this.cached)) return this.cached.accessToken;
    this.cached = await this.o.vault.read(this.o.tenantId);
    if (!this.cached)
      throw new CrmError('auth_invalid', `No stored tokens for ${this.o.tenantId}: install the app`);
    if (this.fresh(this.cached)) return this.cached.accessToken;
    this.inFlight ??= this.refreshOnce(null).finally(() => {
      this.inFlight = null;
    });
    this.cached = await this.inFlight;
    return this.cached.accessToken;
  }

  /**
   * The CRM refused the current token (Salesforce sessions end on inactivity, with no expiry time to watch):
   * refresh now, unless another caller or process already replaced that token.
   */
  async refreshNow(): Promise<string> {
    const rejected =
      this.cached?.accessToken ?? (await this.o.vault.read(this.o.tenantId))?.accessToken ?? null;
    this.inFlight ??= this.refreshOnce(rejected).finally(() => {
      this.inFlight = null;
    });
    this.cached = await this.inFlight;
    return this.cached.accessToken;
  }

  /** Usable without refreshing: not the token the CRM just refused, and not about to expire. */
  private usable(t: TokenSet, rejected: string | null): boolean {
    return rejected === null ? this.fresh(t) : t.accessToken !== rejected;
  }

  private async refreshOnce(rejected: string | null): Promise<TokenSet> {
    const { vault, tenantId } = this.o;
    const sleep = this.o.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
    for (let waited = 0; ; waited += 250) {
      if (await vault.tryLease(tenantId, LEASE_MS)) break;
      // Another process is refreshing: its result will be in the vault shortly.
      await sleep(250);
      const current = await vault.read(tenantId);
      if (current && this.usable(current, rejected)) return current;
      if (waited > LEASE_MS)
        throw new CrmError('retryable', `Token refresh for ${tenantId} is taking too long`);
    }
    try {
      // Re-read under the lease: someone may have refreshed between our read and the lease.
      const current = await vault.read(tenantId);
      if (!current) throw new CrmError('auth_invalid', `No stored tokens for ${tenantId}: install the app`);
      if (this.usable(current, rejected)) {
        await vault.release(tenantId);
        return current;
      }
      const next = await this.o.refresh(current);
      await vault.saveAndRelease(tenantId, next);
      await vault.markConnected(tenantId);
      return next;
    } catch (error) {
      await vault.release(tenantId);
      if (error instanceof CrmError && error.kind === 'auth_invalid') {
        await vault.markDisconnected(tenantId, error.message);
      } else {
        await vault.markRefreshFailing(tenantId, error instanceof Error ? error.message : String(error));
      }
      throw error;
    }
  }
}
