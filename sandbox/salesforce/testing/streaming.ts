// Test helper: a CDC subscriber through jsforce's streaming client with the Replay (and AuthFailure)
// extensions, validating what arrives against Salesforce's change event shape.
import type { Connection } from 'jsforce';
import { StreamingExtension } from 'jsforce/lib/api/streaming.js';
import { z } from 'zod';

const changeEvent = z.object({
  schema: z.string(),
  payload: z
    .object({
      ChangeEventHeader: z.object({
        entityName: z.string(),
        recordIds: z.array(z.string()),
        changeType: z.string(),
        changeOrigin: z.string(),
        transactionKey: z.string(),
        sequenceNumber: z.number(),
        commitTimestamp: z.number(),
        commitNumber: z.number(),
        commitUser: z.string(),
        changedFields: z.array(z.string()),
      }),
    })
    .catchall(z.unknown()),
  event: z.object({ replayId: z.number() }),
});
export type ReceivedChangeEvent = z.infer<typeof changeEvent>;

export interface CdcSubscriber {
  received: ReceivedChangeEvent[];
  authFailures: unknown[];
  replayIds(): number[];
  close(): void;
}

/** Subscribes `channel` from `replayId` (-1 new, -2 all retained, n after n); resolves once subscribed. */
export async function subscribeCdc(
  conn: Connection,
  channel: string,
  replayId: number,
): Promise<CdcSubscriber> {
  const received: ReceivedChangeEvent[] = [];
  const authFailures: unknown[] = [];
  const client = conn.streaming.createClient([
    new StreamingExtension.Replay(channel, replayId),
    new StreamingExtension.AuthFailure((m: unknown) => authFailures.push(m)),
  ]);
  await client.subscribe(channel, (m: unknown) => received.push(changeEvent.parse(m)));
  return {
    received,
    authFailures,
    replayIds: () => received.map((m) => m.event.replayId),
    close: () => (client as unknown as { disconnect(): void }).disconnect(),
  };
}

/** Waits (real time) until `check` passes; fails after `ms`. */
export async function eventually(check: () => boolean, ms = 3_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
