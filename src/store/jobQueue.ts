// Durable jobs on the same database (pg-boss): retries with backoff, dead letters, singleton keys across
// replicas. On PGlite through pg-boss's own PGlite adapter; on PostgreSQL through its pool.
import { fromKysely, fromPglite, PgBoss } from 'pg-boss';
import type { z } from 'zod';
import type { Database } from './database.ts';
import type { Tx } from './executor.ts';

export interface RetryPolicy {
  limit: number;
  delaySeconds: number;
  backoff: boolean;
  maxDelaySeconds?: number;
}

/** A job kind: its name, the zod schema of its payload, how it retries, and what runs it. */
export interface JobSpec<P extends z.ZodType = z.ZodType> {
  name: string;
  payload: P;
  retry: RetryPolicy;
  /** Seconds a running job may take before it counts as failed. */
  expireInSeconds?: number;
  /**
   * A running job's worker proves it is alive this often; a job whose worker stopped beating (killed, machine
   * gone) is failed and retried within about this long plus one supervision pass. Default JOB_HEARTBEAT_SECONDS.
   */
  heartbeatSeconds?: number;
  /** Jobs run one at a time per worker unless more are allowed. */
  concurrency?: number;
  /**
   * pg-boss queue policy: 'stately' keeps one queued and one running job per singleton key (one sweep per
   * tenant across replicas); 'key_strict_fifo' runs jobs of one key in order (one lead's events).
   */
  policy?: 'standard' | 'stately' | 'key_strict_fifo';
  handler: (payload: z.output<P>, job: { id: string; retryCount: number }) => Promise<void>;
}

export const deadLetterQueueOf = (name: string): string => `${name}.dead`;

/**
 * Without a heartbeat, the job a killed worker held stays 'active' until expireInSeconds (5–10 minutes) and, per
 * tenant ('stately'), blocks every replica from running that tenant's next drain or flush all that time.
 * pg-boss's minimum is 10 s; 15 s leaves room for a busy event loop.
 */
export const JOB_HEARTBEAT_SECONDS = 15;
/** How often pg-boss fails jobs whose heartbeat or time ran out (its default is 60 s). */
export const SUPERVISE_SECONDS = 10;

export class UnknownJob extends Error {}

export interface SendOptions {
  singletonKey?: string;
  startAfter?: Date;
  /** Enqueue inside this transaction: the job exists only if the transaction commits. */
  tx?: Tx;
}

export class JobQueue {
  private readonly specs = new Map<string, JobSpec>();
  private readonly boss: PgBoss;
  private readonly pollingIntervalSeconds: number;
  private readonly ran = new Map<string, number>();
  private readonly onJob: ((name: string, seconds: number, ok: boolean) => void) | undefined;

  private constructor(
    boss: PgBoss,
    pollingIntervalSeconds: number,
    onJob: ((name: string, seconds: number, ok: boolean) => void) | undefined,
  ) {
    this.boss = boss;
    this.pollingIntervalSeconds = pollingIntervalSeconds;
    this.onJob = onJob;
  }

  static async start(
    database: Database,
    opts: {
      schema?: string;
      pollingIntervalSeconds?: number;
      onError?: (error: Error) => void;
      /** Told how long each job ran and whether it succeeded (metrics). */
      onJob?: (name: string, seconds: number, ok: boolean) => void;
    } = {},
  ): Promise<JobQueue> {
    const backend = database.jobBackend;
    const schema =
      opts.schema ?? (backend.kind === 'postgres' && backend.schema ? `${backend.schema}_jobs` : 'pgboss');
    const boss =
      backend.kind === 'pglite'
        ? new PgBoss({
            db: fromPglite(backend.pglite),
            backend: 'pglite',
            schema,
            useListenNotify: true,
            superviseIntervalSeconds: SUPERVISE_SECONDS,
            monitorIntervalSeconds: SUPERVISE_SECONDS,
          })
        : new PgBoss({
            connectionString: backend.url,
            schema,
            max: Math.max(2, Math.ceil(backend.poolSize / 2)),
            useListenNotify: true,
            superviseIntervalSeconds: SUPERVISE_SECONDS,
            monitorIntervalSeconds: SUPERVISE_SECONDS,
          });
    boss.on('error', (error: Error) => opts.onError?.(error));
    await boss.start();
    return new JobQueue(boss, opts.pollingIntervalSeconds ?? 1, opts.onJob);
  }

  /**
   * Creates the queues (and their dead-letter queues), or brings an existing queue's options up to date (pg-boss
   * creates a queue once and ignores the options of a later create). Idempotent.
   */
  async define(specs: readonly JobSpec[]): Promise<void> {
    for (const spec of specs) {
      const dead = deadLetterQueueOf(spec.name);
      await this.boss.createQueue(dead, { retentionSeconds: 30 * 86_400, deleteAfterSeconds: 30 * 86_400 });
      const options = {
        // Workers wake the moment a job is queued (LISTEN/NOTIFY); polling stays as the floor.
        notify: true,
        retryLimit: spec.retry.limit,
        retryDelay: spec.retry.delaySeconds,
        retryBackoff: spec.retry.backoff,
        ...(spec.retry.maxDelaySeconds !== undefined && { retryDelayMax: spec.retry.maxDelaySeconds }),
        expireInSeconds: spec.expireInSeconds ?? 300,
        heartbeatSeconds: spec.heartbeatSeconds ?? JOB_HEARTBEAT_SECONDS,
        deadLetter: dead,
      };
      await this.boss.createQueue(spec.name, { policy: spec.policy ?? 'standard', ...options });
      await this.boss.updateQueue(spec.name, options);
      this.specs.set(spec.name, spec);
    }
  }

  /** Starts working the defined queues in this process. */
  async work(): Promise<void> {
    for (const spec of this.specs.values()) {
      await this.boss.work(
        spec.name,
        {
          batchSize: 1,
          localConcurrency: spec.concurrency ?? 1,
          pollingIntervalSeconds: this.pollingIntervalSeconds,
          // Retries and delayed jobs are not announced: keep the backstop poll as frequent as the plain one.
          notifyPollingIntervalSeconds: this.pollingIntervalSeconds,
        },
        async ([job]) => {
          if (!job) return;
          // A payload that does not parse fails the job: it is retried, then dead-lettered, never dropped.
          const started = performance.now();
          const done = (ok: boolean) => {
            this.ran.set(spec.name, (this.ran.get(spec.name) ?? 0) + 1);
            this.onJob?.(spec.name, (performance.now() - started) / 1000, ok);
          };
          try {
            await spec.handler(spec.payload.parse(job.data), { id: job.id, retryCount: job.retryCount });
            done(true);
          } catch (error) {
            done(false);
            throw error;
          }
        },
      );
    }
  }

  async send(name: string, payload: unknown, opts: SendOptions = {}): Promise<string | null> {
    const spec = this.specs.get(name);
    if (!spec) throw new UnknownJob(`No job named "${name}" is defined`);
    const data = spec.payload.parse(payload) as object;
    return this.boss.send(name, data, {
      ...(opts.singletonKey !== undefined && { singletonKey: opts.singletonKey }),
      ...(opts.startAfter !== undefined && { startAfter: opts.startAfter }),
      ...(opts.tx && { db: fromKysely(opts.tx) }),
    });
  }

  /** Jobs that failed every retry (still waiting in the dead-letter queue), oldest first. */
  async deadLetters(name: string, limit = 100): Promise<Array<{ id: string; data: unknown }>> {
    const jobs = await this.boss.findJobs(deadLetterQueueOf(name), { queued: true, limit });
    return jobs.map((j) => ({ id: j.id, data: j.data }));
  }

  /** Payloads of the jobs waiting in a queue (ops views, tests). */
  async queued(name: string, limit = 100): Promise<unknown[]> {
    const jobs = await this.boss.findJobs(name, { queued: true, limit });
    return jobs.map((j) => j.data);
  }

  /** Sends dead-lettered jobs (all, or these ids) back to their queue after a fix. Returns how many moved. */
  async replayDeadLetters(name: string, ids?: string[]): Promise<number> {
    return this.boss.redrive(deadLetterQueueOf(name), { destination: name, ...(ids && { ids }) });
  }

  /** Queue counts (pg-boss refreshes them about once a minute); dead letters counted exactly. */
  async counts(
    name: string,
  ): Promise<{ queued: number; active: number; failed: number; deadLettered: number }> {
    const [queue, dead] = await Promise.all([
      this.boss.getQueue(name),
      this.boss.findJobs(deadLetterQueueOf(name), { queued: true, limit: 100_000 }),
    ]);
    return {
      queued: queue?.queuedCount ?? 0,
      active: queue?.activeCount ?? 0,
      failed: queue?.failedCount ?? 0,
      deadLettered: dead.length,
    };
  }

  /** How many jobs of each name this process ran (succeeded or failed) since it started. */
  jobsRun(): Record<string, number> {
    return Object.fromEntries(this.ran);
  }

  /** Stops taking jobs; with `graceful`, waits for running ones to finish (SIGTERM). */
  async stop(opts: { graceful: boolean; timeoutMs?: number } = { graceful: true }): Promise<void> {
    await this.boss.stop({ graceful: opts.graceful, timeout: opts.timeoutMs ?? 20_000, close: true });
  }
}
