import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ENGINES, type OpenedEngine } from '../../test/support/engines.ts';
import { JobQueue, UnknownJob, type JobSpec } from './jobQueue.ts';

async function eventually<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.each(ENGINES)('job queue on $name', (engine) => {
  let e: OpenedEngine;
  let queue: JobQueue;
  const attempts: number[] = [];
  const done: string[] = [];

  const failing: JobSpec = {
    name: 'test.always-fails',
    payload: z.object({ leadId: z.string() }),
    retry: { limit: 2, delaySeconds: 0, backoff: false },
    handler: async (_payload, job) => {
      attempts.push(job.retryCount);
      throw new Error('CRM answered 400');
    },
  };
  const succeeding: JobSpec<z.ZodObject<{ leadId: z.ZodString }>> = {
    name: 'test.succeeds',
    payload: z.object({ leadId: z.string() }),
    retry: { limit: 2, delaySeconds: 0, backoff: false },
    handler: async ({ leadId }) => {
      done.push(leadId);
    },
  };

  beforeAll(async () => {
    e = await engine.open();
    queue = await JobQueue.start(e.database, { pollingIntervalSeconds: 0.5 });
    await queue.define([failing, succeeding as JobSpec]);
    await queue.work();
  });
  afterAll(async () => {
    await queue.stop({ graceful: false, timeoutMs: 2000 });
    await e.cleanup();
  });

  it('runs a job with a valid payload', async () => {
    await queue.send('test.succeeds', { leadId: 'L1' });
    expect(
      await eventually(
        async () => done,
        (d) => d.includes('L1'),
      ),
    ).toContain('L1');
  });

  it('retries a failing job, then dead-letters it', async () => {
    await queue.send('test.always-fails', { leadId: 'L2' });
    const dead = await eventually(
      () => queue.counts('test.always-fails'),
      (c) => c.deadLettered === 1,
    );
    expect(attempts).toEqual([0, 1, 2]);
    expect(dead.deadLettered).toBe(1);
    const letters = await queue.deadLetters('test.always-fails');
    expect(letters.map((l) => l.data)).toEqual([{ leadId: 'L2' }]);
  });

  it('replays a dead letter into its queue, where it runs again', async () => {
    const before = attempts.length;
    expect(await queue.replayDeadLetters('test.always-fails')).toBe(1);
    await eventually(
      async () => attempts.length,
      (n) => n >= before + 3,
    );
    expect(attempts.length).toBe(before + 3);
    expect(
      await eventually(
        () => queue.counts('test.always-fails'),
        (c) => c.deadLettered === 1,
      ),
    ).toMatchObject({
      deadLettered: 1,
    });
  });

  it('refuses to enqueue a payload that does not match the job schema, or an unknown job', async () => {
    await expect(queue.send('test.succeeds', { leadId: 42 })).rejects.toThrow(z.ZodError);
    await expect(queue.send('test.nope', {})).rejects.toBeInstanceOf(UnknownJob);
  });

  it('a job enqueued in a transaction that rolls back never runs', async () => {
    await expect(
      e.database.db.transaction().execute(async (tx) => {
        await queue.send('test.succeeds', { leadId: 'L-rolled-back' }, { tx });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await e.database.db
      .transaction()
      .execute((tx) => queue.send('test.succeeds', { leadId: 'L-committed' }, { tx }));
    await eventually(
      async () => done,
      (d) => d.includes('L-committed'),
    );
    expect(done).toContain('L-committed');
    expect(done).not.toContain('L-rolled-back');
  });
});
