// Waiting until Baton has caught up: the portal's webhooks sent and answered, no request in flight either way,
// and nothing left in Baton's own queues (what "pending" reports). Two calm looks in a row, to be sure.

import type { InFlight } from './inFlight.ts';

export function settler(o: {
  flushWebhooks: () => Promise<void>;
  inFlight: readonly InFlight[];
  /** What Baton still has to do, in words, or null when it has nothing. */
  pending: () => Promise<string | null>;
  timeoutMs?: number;
}): () => Promise<void> {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  return async () => {
    const started = Date.now();
    let calm = 0;
    while (calm < 2) {
      await o.flushWebhooks();
      const busy = o.inFlight.reduce((n, f) => n + f.count, 0);
      const why = busy > 0 ? `${busy} requests in flight` : await o.pending();
      calm = why === null ? calm + 1 : 0;
      if (calm < 2) await sleep(why === null ? 15 : 40);
      if (Date.now() - started > (o.timeoutMs ?? 120_000))
        throw new Error(
          `Baton did not settle within ${Math.round((o.timeoutMs ?? 120_000) / 1000)} s: ${why}`,
        );
    }
  };
}
