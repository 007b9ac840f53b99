// The wait before subscribing again after failures in a row: doubling from the base, capped. (The stream itself
// runs against the sandbox org's Pub/Sub API in test/e2e/salesforceChangeStream.test.ts.)
import { describe, expect, it } from 'vitest';
import { restartWait } from './pubsub/streamErrors.ts';

describe('restartWait', () => {
  it('doubles with each failure in a row, from the base, up to the cap', () => {
    const waits = [1, 2, 3, 4, 5, 10, 20, 100].map((n) => restartWait(n, 5_000, 1_800_000));
    expect(waits).toEqual([5_000, 10_000, 20_000, 40_000, 80_000, 1_800_000, 1_800_000, 1_800_000]);
  });

  it('a refused channel is asked about 17 times in a day, not 17,280 times (every 5 s)', () => {
    let elapsed = 0;
    let attempts = 0;
    while (elapsed < 86_400_000) elapsed += restartWait(++attempts, 5_000, 1_800_000);
    expect(attempts).toBeLessThan(60);
  });
});
