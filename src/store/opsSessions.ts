// Ops console sessions: rows keyed by the SHA-256 of the cookie's random id. A session is alive while it is
// before its absolute end and was used within the idle timeout.
import type { Executor } from './executor.ts';

/** How long a session lives: 30 minutes without use, 12 hours at most however busy. */
export const OPS_SESSION_LIMITS = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 } as const;

/** The last-used mark is written at most once a minute, so a polling console does not write on every request. */
const TOUCH_AFTER_MS = 60_000;

const idleSince = (now: Date) => new Date(now.getTime() - OPS_SESSION_LIMITS.idleMs);

export async function insertOpsSession(db: Executor, idHash: string, now: Date): Promise<void> {
  const expiresAt = new Date(now.getTime() + OPS_SESSION_LIMITS.absoluteMs);
  await db
    .insertInto('ops_sessions')
    .values({ id_hash: idHash, created_at: now, last_used_at: now, expires_at: expiresAt })
    .execute();
}

/** Whether the session is alive; if so, it counts as used now (the idle timeout starts again). */
export async function useOpsSession(db: Executor, idHash: string, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('ops_sessions')
    .select('last_used_at')
    .where('id_hash', '=', idHash)
    .where('expires_at', '>', now)
    .where('last_used_at', '>', idleSince(now))
    .executeTakeFirst();
  if (!row) return false;
  if (now.getTime() - row.last_used_at.getTime() >= TOUCH_AFTER_MS) {
    await db.updateTable('ops_sessions').set({ last_used_at: now }).where('id_hash', '=', idHash).execute();
  }
  return true;
}

export async function deleteOpsSession(db: Executor, idHash: string): Promise<void> {
  await db.deleteFrom('ops_sessions').where('id_hash', '=', idHash).execute();
}

/** "Sign out everywhere": every session ends. Returns how many there were. */
export async function deleteAllOpsSessions(db: Executor): Promise<number> {
  const result = await db.deleteFrom('ops_sessions').executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Forgets sessions that have ended (absolute end passed, or idle too long). Login calls it; a sweep may too. */
export async function purgeEndedOpsSessions(db: Executor, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('ops_sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_used_at', '<=', idleSince(now))]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
