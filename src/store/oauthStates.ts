// Install states are single-use: the callback records each one; a second use is a replay.
import type { Executor } from './executor.ts';

/** Returns false when the state was already used. Forgets expired states as it goes. */
export async function useOAuthState(
  db: Executor,
  nonce: string,
  expiresAt: Date,
  now: Date,
): Promise<boolean> {
  await db.deleteFrom('oauth_states').where('expires_at', '<', now).execute();
  const row = await db
    .insertInto('oauth_states')
    .values({ nonce, expires_at: expiresAt })
    .onConflict((oc) => oc.column('nonce').doNothing())
    .returning('nonce')
    .executeTakeFirst();
  return row !== undefined;
}

/** Keeps a PKCE verifier for the callback that carries `nonce` in its state. */
export async function keepPkceVerifier(
  db: Executor,
  nonce: string,
  verifier: string,
  expiresAt: Date,
): Promise<void> {
  await db.insertInto('oauth_pkce').values({ nonce, verifier, expires_at: expiresAt }).execute();
}

/** The verifier, once: it is deleted as it is read. */
export async function takePkceVerifier(db: Executor, nonce: string, now: Date): Promise<string | null> {
  await db.deleteFrom('oauth_pkce').where('expires_at', '<', now).execute();
  const row = await db
    .deleteFrom('oauth_pkce')
    .where('nonce', '=', nonce)
    .returning('verifier')
    .executeTakeFirst();
  return row?.verifier ?? null;
}
