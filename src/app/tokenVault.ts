// The token vault on Baton's store: encrypted credentials, a refresh lease per tenant, tenant status.
import type { TokenVault } from '../crm/accessTokens.ts';
import { tokenSetSchema, type TokenSet } from '../crm/tokenSet.ts';
import type { Cipher } from '../store/cipher.ts';
import {
  loadCredentials,
  releaseCredentialLease,
  saveCredentials,
  tryCredentialLease,
} from '../store/credentials.ts';
import type { Executor } from '../store/executor.ts';
import { setTenantStatus } from '../store/tenants.ts';

export function storeTokenVault(deps: {
  db: Executor;
  cipher: Cipher;
  now: () => Date;
  onStatus?: (tenantId: string, status: string, why: string) => void;
}): TokenVault {
  const { db, cipher } = deps;
  return {
    read: (tenantId) => loadCredentials(db, cipher, tenantId, tokenSetSchema),
    tryLease: (tenantId, forMs) => tryCredentialLease(db, tenantId, deps.now(), forMs),
    async saveAndRelease(tenantId, tokens: TokenSet) {
      await saveCredentials(db, cipher, tenantId, tokens);
      await releaseCredentialLease(db, tenantId);
    },
    release: (tenantId) => releaseCredentialLease(db, tenantId),
    async markDisconnected(tenantId, why) {
      await setTenantStatus(db, tenantId, 'disconnected');
      deps.onStatus?.(tenantId, 'disconnected', why);
    },
    async markRefreshFailing(tenantId, why) {
      await setTenantStatus(db, tenantId, 'refresh_failing');
      deps.onStatus?.(tenantId, 'refresh_failing', why);
    },
    async markConnected(tenantId) {
      await setTenantStatus(db, tenantId, 'connected');
    },
  };
}
