// Signed requests are single-use: the same signature again inside its window is a replay.
import { createHash } from 'node:crypto';
import type { Executor } from './executor.ts';

/** Returns false when this signature was already seen (within its window). */
export async function firstTimeSeen(db: Executor, signature: string, expiresAt: Date): Promise<boolean> {
  const hash = createHash('sha256').update(signature).digest('hex');
  const row = await db
    .insertInto('seen_requests')
    .values({ signature_hash: hash, expires_at: expiresAt })
    .onConflict((oc) => oc.column('signature_hash').doNothing())
    .returning('signature_hash')
    .executeTakeFirst();
  return row !== undefined;
}
