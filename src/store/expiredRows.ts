// Rows that only matter until they expire: install states and PKCE verifiers (10 minutes), used request signatures
// (while their timestamp verifies), ops sessions (idle or absolute timeout). The worker's minute tick deletes them,
// so what unauthenticated requests leave behind never outlives its expiry, callback or not.
import type { Executor } from './executor.ts';
import { purgeEndedOpsSessions } from './opsSessions.ts';

export async function forgetExpiredRows(
  db: Executor,
  at: {
    /** Baton's clock (the one install and signature expiries were set on). */
    now: Date;
    /** Wall-clock time (ops sessions time out for people at keyboards). */
    wallNow: Date;
  },
): Promise<{ states: number; verifiers: number; signatures: number; sessions: number }> {
  const deleted = async (table: 'oauth_states' | 'oauth_pkce' | 'seen_requests') =>
    Number((await db.deleteFrom(table).where('expires_at', '<', at.now).executeTakeFirst()).numDeletedRows);
  return {
    states: await deleted('oauth_states'),
    verifiers: await deleted('oauth_pkce'),
    signatures: await deleted('seen_requests'),
    sessions: await purgeEndedOpsSessions(db, at.wallNow),
  };
}
