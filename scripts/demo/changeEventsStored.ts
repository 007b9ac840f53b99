// Whether Baton has taken in every change event the Salesforce org published on the topics it subscribes to:
// change capture stores each event's replay id with what the event said (one transaction), so a topic is caught
// up when its stored position reaches the org's latest event. Used by the demo, the bench and the e2e harness.
import { z } from 'zod';
import { CHANGE_CHANNELS } from '../../src/crm/salesforce/changeEvents.ts';
import type { Org } from '../../sandbox/salesforce/index.ts';
import { replayCheckpointOf } from '../../src/crm/salesforce/changeFeed.ts';
import { readCheckpoint } from '../../src/store/checkpoints.ts';
import type { Executor } from '../../src/store/executor.ts';

const replayPosition = z.object({ replayId: z.string().nullable() });

/**
 * The sandbox org's event number behind a stored replay id: Baton keeps the Pub/Sub API's opaque bytes as base64;
 * the sandbox sends its event numbers as 8 big-endian bytes.
 */
const eventNumberOf = (replayId: string): number => {
  const bytes = Buffer.from(replayId, 'base64');
  return bytes.length === 8 ? Number(bytes.readBigUInt64BE()) : -1;
};

/** The topics whose latest published event Baton has not stored yet (empty when caught up). */
export async function channelsBehind(db: Executor, tenantId: string, org: Org): Promise<string[]> {
  const behind: string[] = [];
  for (const channel of CHANGE_CHANNELS) {
    const published = org.changeEvents.events(channel).at(-1)?.replayId ?? null;
    if (published === null) continue;
    const stored = await readCheckpoint(db, tenantId, replayCheckpointOf(channel), replayPosition);
    // null: subscribed from the newest event (after a gap); what it will get is not known in advance.
    if (stored?.replayId === null) continue;
    if ((stored ? eventNumberOf(stored.replayId) : -1) < published) behind.push(channel);
  }
  return behind;
}
