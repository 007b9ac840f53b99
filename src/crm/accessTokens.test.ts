import { describe, expect, it } from 'vitest';
import { CrmError } from './port.ts';
import { AccessTokens, type TokenVault } from './accessTokens.ts';
import type { TokenSet } from './tokenSet.ts';

const NOW = new Date('2026-11-22T12:00:00Z');
const inMinutes = (m: number) => new Date(NOW.getTime() + m * 60_000);

function memoryVault(initial: TokenSet | null) {
  const state = {
    tokens: initial,
    leaseHeld: false,
    status: 'connected',
    saves: [] as TokenSet[],
  };
  const vault: TokenVault = {
    read: async () => state.tokens,
    tryLease: async () => {
      if (state.leaseHeld) return false;
      state.leaseHeld = true;
      return true;
    },
    saveAndRelease: async (_t, tokens) => {
      state.tokens = tokens;
      state.saves.push(tokens);
      state.leaseHeld = false;
    },
    release: async () => {
      state.leaseHeld = false;
    },
    markDisconnected: async () => {
      state.status = 'disconnected';
    },
    markRefreshFailing: async () => {
      state.status = 'refresh_failing';
    },
    markConnected: async () => {
      state.status = 'connected';
    },
  };
  return { vault, state };
}

const tokens = (access: string, refresh: string, expiresAt: Date): TokenSet => ({
  accessToken: access,
  refreshToken: refresh,
  expiresAt,
});

describe('HubSpot access tokens', () => {
  it('uses a stored token while it is fresh, without refreshing', async () => {
    const { vault } = memoryVault(tokens('a1', 'r1', inMinutes(20)));
    let refreshes = 0;
    const t = new AccessTokens({
      tenantId: 't',
      vault,
      now: () => NOW,
      refresh: async () => (refreshes++, tokens('x', 'y', NOW)),
    });
    expect(await t.accessToken()).toBe('a1');
    expect(refreshes).toBe(0);
  });

  it('refreshes five minutes before expiry, once for many concurrent callers, and keeps the rotated refresh token', async () => {
    const { vault, state } = memoryVault(tokens('a1', 'r1', inMinutes(4)));
    const used: string[] = [];
    const t = new AccessTokens({
      tenantId: 't',
      vault,
      now: () => NOW,
      refresh: async ({ refreshToken }) => {
        used.push(refreshToken);
        await new Promise((r) => setTimeout(r, 20));
        return tokens('a2', 'r2-rotated', inMinutes(30));
      },
    });
    const all = await Promise.all(Array.from({ length: 10 }, () => t.accessToken()));
    expect(new Set(all)).toEqual(new Set(['a2']));
    expect(used).toEqual(['r1']);
    expect(state.saves).toEqual([tokens('a2', 'r2-rotated', inMinutes(30))]);
    expect(state.leaseHeld).toBe(false);
  });

  it('a revoked refresh token marks the tenant disconnected and fails as an auth error', async () => {
    const { vault, state } = memoryVault(tokens('a1', 'r-revoked', inMinutes(1)));
    const t = new AccessTokens({
      tenantId: 't',
      vault,
      now: () => NOW,
      refresh: async () => {
        throw new CrmError('auth_invalid', 'oauth.refresh: BAD_REFRESH_TOKEN', { status: 400 });
      },
    });
    await expect(t.accessToken()).rejects.toMatchObject({ kind: 'auth_invalid' });
    expect(state.status).toBe('disconnected');
    expect(state.tokens?.refreshToken).toBe('r-revoked');
    expect(state.leaseHeld).toBe(false);
  });

  it('a refresh that fails for a passing reason marks the tenant as refresh failing, and the next call tries again', async () => {
    const { vault, state } = memoryVault(tokens('a1', 'r1', inMinutes(1)));
    let calls = 0;
    const t = new AccessTokens({
      tenantId: 't',
      vault,
      now: () => NOW,
      refresh: async () => {
        calls++;
        if (calls === 1) throw new CrmError('retryable', 'oauth.refresh: HTTP 503');
        return tokens('a2', 'r1', inMinutes(30));
      },
    });
    await expect(t.accessToken()).rejects.toMatchObject({ kind: 'retryable' });
    expect(state.status).toBe('refresh_failing');
    expect(await t.accessToken()).toBe('a2');
    expect(state.status).toBe('connected');
  });

  it('while another process holds the lease, waits and uses what it saved', async () => {
    const { vault, state } = memoryVault(tokens('a1', 'r1', inMinutes(1)));
    state.leaseHeld = true; // another process is refreshing
    let refreshes = 0;
    const t = new AccessTokens({
      tenantId: 't',
      vault,
      now: () => NOW,
      refresh: async () => (refreshes++, tokens('mine', 'r', inMinutes(30))),
      sleep: async () => {
        // the other process finishes
        state.tokens = tokens('theirs', 'r2', inMinutes(30));
        state.leaseHeld = false;
      },
    });
    expect(await t.accessToken()).toBe('theirs');
    expect(refreshes).toBe(0);
  });

  it('without stored tokens, says to install the app', async () => {
    const { vault } = memoryVault(null);
    const t = new AccessTokens({
      tenantId: 't',
      vault,
      now: () => NOW,
      refresh: async () => tokens('x', 'y', NOW),
    });
    await expect(t.accessToken()).rejects.toThrow(/install the app/);
  });
});

describe('a token the CRM refused', () => {
  it('is refreshed now even if it looks fresh, once for concurrent callers', async () => {
    const { vault, state } = memoryVault(tokens('a1', 'r1', inMinutes(120)));
    let refreshes = 0;
    const t = new AccessTokens({
      tenantId: 't',
      vault,
      now: () => NOW,
      refresh: async () => (refreshes++, tokens('a2', 'r2', inMinutes(120))),
    });
    expect(await t.accessToken()).toBe('a1');
    expect(await Promise.all([t.refreshNow(), t.refreshNow()])).toEqual(['a2', 'a2']);
    expect(refreshes).toBe(1);
    expect(state.tokens?.refreshToken).toBe('r2');
  });

  it('is not refreshed again when another process already replaced it', async () => {
    const { vault, state } = memoryVault(tokens('a1', 'r1', inMinutes(120)));
    let refreshes = 0;
    const t = new AccessTokens({
      tenantId: 't',
      vault,
      now: () => NOW,
      refresh: async () => (refreshes++, tokens('x', 'y', NOW)),
    });
    expect(await t.accessToken()).toBe('a1');
    state.tokens = tokens('a-other', 'r-other', inMinutes(120));
    expect(await t.refreshNow()).toBe('a-other');
    expect(refreshes).toBe(0);
  });
});
