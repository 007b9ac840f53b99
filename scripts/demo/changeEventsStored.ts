// Whether Baton has taken in every change event the Salesforce org published on the channels it subscribes to:
// change capture stores each event's replayId with what the event said (one transaction), so a channel is caught
// up when its stored position reaches the org's latest event (as the e2e harness's deliver() checks).
import { z } from 'zod';
import { CHANGE_CHANNELS } from '../../src/crm/salesforce/changeEvents.ts';
import type { Org } from '../../sandbox/salesforce/index.ts';
import { replayCheckpointOf } from '../../src/crm/salesforce/changeFeed.ts';
import { readCheckpoint } from '../../src/store/checkpoints.ts';
import type { Executor } from '../../src/store/executor.ts';

const replayPosition = z.object({ replayId: z.number() });

/** The channels whose latest published event Baton has not stored yet (empty when caught up). */
export async function channelsBehind(db: Executor, tenantId: string, org: Org): Promise<string[]> {
  const behind: string[] = [];
  for (const channel of CHANGE_CHANNELS) {
    const published = org.changeEvents.events(channel).at(-1)?.replayId ?? null;
    if (published === null) continue;
    const stored = await readCheckpoint(db, tenantId, replayCheckpointOf(channel), replayPosition);
    // -1: subscribed for new events only (after a gap); what it will get is not known in advance.
    if (stored?.replayId !== -1 && (stored?.replayId ?? -1) < published) behind.push(channel);
  }
  return behind;
}
