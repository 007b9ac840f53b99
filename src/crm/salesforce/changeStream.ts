// One org's Change Data Capture subscription: a CometD client per channel (jsforce streaming with the Replay
// extension) that resumes after the last stored replayId, hands each event over in order, and starts again —
// from what was stored, never from memory — after a session expiry (new token), a storage failure, or an
// unusable replay position (then re-reading covers what the channel can no longer replay).
import { Connection } from 'jsforce';
import { StreamingExtension } from 'jsforce/lib/api/streaming.js';
import { SF_API_VERSION } from './batonFields.ts';
import {
  CHANGE_CHANNELS,
  changeEventMessageSchema,
  mapChangeEvent,
  type ChangeChannel,
  type MappedChangeEvent,
} from './changeEvents.ts';

/** Replay only new events (no stored position yet). */
export const REPLAY_NEW = -1;

export interface ChangeStreamDeps {
  instanceUrl: string;
  accessToken(): Promise<string>;
  /** The session was refused: a new access token, refreshed now. */
  refreshAccessToken(): Promise<string>;
  /** The replayId stored for the channel, or null. */
  replayFrom(channel: ChangeChannel): Promise<number | null>;
  /** Keeps what one event says together with its replayId (one transaction), or throws. */
  persist(channel: ChangeChannel, event: MappedChangeEvent): Promise<void>;
  /** Events may have been missed (replay position too old or unknown): re-read recent changes. */
  onGap(channel: ChangeChannel, why: string): Promise<void>;
  onProblem(channel: ChangeChannel, problem: string, error?: unknown): void;
  /** Wait before subscribing again after a failure (default 5 s), doubled after each failure in a row. */
  restartDelayMs?: number;
  /** The longest wait between attempts (default 30 minutes). */
  maxRestartDelayMs?: number;
  channels?: readonly ChangeChannel[];
}

interface FayeClient {
  subscribe(channel: string, listener: (message: unknown) => void): PromiseLike<unknown>;
  disconnect(): void;
}

/**
 * How long to wait before the `failures`-th subscribe in a row: the base, doubled each time, at most `maxMs` — a
 * channel the org refuses (missing permission, channel not selected, delivery allocation used up) is not asked every
 * few seconds forever; the reconciliation poll covers it meanwhile.
 */
export const restartWait = (failures: number, baseMs: number, maxMs: number): number =>
  Math.min(baseMs * 2 ** Math.min(Math.max(failures - 1, 0), 30), maxMs);

const replayIdInvalid = /replayId .* (was )?invalid|invalid replay/i;
const authRefused = /^40[13]::/;

export class SalesforceChangeStream {
  private readonly deps: ChangeStreamDeps;
  private readonly clients = new Map<ChangeChannel, FayeClient>();
  private readonly chains = new Map<ChangeChannel, Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Bumped on every restart of a channel: events from an older client are ignored. */
  private readonly generation = new Map<ChangeChannel, number>();
  /** Failed subscribes in a row per channel: a channel the org keeps refusing is asked ever less often. */
  private readonly failures = new Map<ChangeChannel, number>();
  private stopped = false;

  constructor(deps: ChangeStreamDeps) {
    this.deps = deps;
  }

  /** Subscribes every channel; resolves when each has answered its subscribe (or failed and scheduled a retry). */
  async start(): Promise<void> {
    await Promise.all((this.deps.channels ?? CHANGE_CHANNELS).map((c) => this.subscribe(c, false)));
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const client of this.clients.values()) client.disconnect();
    this.clients.clear();
  }

  /** Resolves once everything received so far is stored. */
  async settled(): Promise<void> {
    await Promise.all([...this.chains.values()]);
  }

  private async subscribe(channel: ChangeChannel, refreshFirst: boolean): Promise<void> {
    if (this.stopped) return;
    const generation = (this.generation.get(channel) ?? 0) + 1;
    this.generation.set(channel, generation);
    this.clients.get(channel)?.disconnect();
    this.clients.delete(channel);
    let token: string;
    let replayId: number;
    try {
      token = refreshFirst ? await this.deps.refreshAccessToken() : await this.deps.accessToken();
      replayId = (await this.deps.replayFrom(channel)) ?? REPLAY_NEW;
    } catch (error) {
      this.deps.onProblem(channel, 'cannot start the subscription', error);
      this.restartLater(channel, false);
      return;
    }
    if (this.stopped) return;
    const conn = new Connection({
      instanceUrl: this.deps.instanceUrl,
      accessToken: token,
      version: SF_API_VERSION,
    });
    const client = conn.streaming.createClient([
      new StreamingExtension.Replay(channel, replayId),
      new StreamingExtension.AuthFailure(() => {
        if (this.generation.get(channel) !== generation) return;
        this.deps.onProblem(channel, 'session refused: refreshing the token and subscribing again');
        // At once after a working subscription (an expired session); with a growing wait if refusals repeat.
        this.restartLater(channel, true, (this.failures.get(channel) ?? 0) === 0 ? 0 : undefined);
      }),
    ]) as unknown as FayeClient;
    this.clients.set(channel, client);
    try {
      await client.subscribe(channel, (message) => {
        if (this.generation.get(channel) !== generation) return;
        const previous = this.chains.get(channel) ?? Promise.resolve();
        this.chains.set(
          channel,
          previous.then(() => this.receive(channel, generation, message)),
        );
      });
      this.failures.delete(channel);
    } catch (error) {
      if (this.generation.get(channel) !== generation) return;
      const text = error instanceof Error ? error.message : String(error);
      if (replayIdInvalid.test(text)) {
        // Past the retention window: take new events from now on and re-read what was missed.
        await this.gap(channel, `replay position ${replayId} is no longer available`);
        this.restartLater(channel, false, 0);
      } else if (authRefused.test(text)) {
        this.deps.onProblem(channel, `subscribe refused (${text})`);
        this.restartLater(channel, true);
      } else {
        this.deps.onProblem(channel, `subscribe failed (${text})`, error);
        this.restartLater(channel, false);
      }
    }
  }

  private async gap(channel: ChangeChannel, why: string): Promise<void> {
    try {
      await this.deps.onGap(channel, why);
      await this.deps.persist(channel, { replayId: REPLAY_NEW, changes: [], reread: false });
    } catch (error) {
      this.deps.onProblem(channel, 'could not record the gap', error);
    }
  }

  private async receive(channel: ChangeChannel, generation: number, message: unknown): Promise<void> {
    if (this.generation.get(channel) !== generation || this.stopped) return;
    const parsed = changeEventMessageSchema.safeParse(message);
    if (!parsed.success) {
      this.deps.onProblem(channel, `unreadable change event: ${parsed.error.issues[0]?.message ?? ''}`);
      return;
    }
    const event = mapChangeEvent(parsed.data);
    try {
      await this.deps.persist(channel, event);
      if (event.reread) await this.deps.onGap(channel, 'the change event asks for a re-read');
    } catch (error) {
      // Not stored: start again from the last stored position so this event is delivered again.
      this.deps.onProblem(
        channel,
        'storing a change event failed; resubscribing from the stored position',
        error,
      );
      this.generation.set(channel, generation + 1);
      this.clients.get(channel)?.disconnect();
      this.clients.delete(channel);
      this.restartLater(channel, false);
    }
  }

  /** Subscribes again later: after `delayMs`, or after a wait that doubles with each failure in a row (capped). */
  private restartLater(channel: ChangeChannel, refreshFirst: boolean, delayMs?: number): void {
    if (this.stopped) return;
    const failures = (this.failures.get(channel) ?? 0) + 1;
    this.failures.set(channel, failures);
    const wait =
      delayMs ??
      restartWait(failures, this.deps.restartDelayMs ?? 5_000, this.deps.maxRestartDelayMs ?? 1_800_000);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.subscribe(channel, refreshFirst);
    }, wait);
    this.timers.add(timer);
  }
}
