// Sends webhook notifications: collects a portal's changes per app over a short window, posts them as
// signed v3 batches of fewer than 100 events to the app's target URL (at most maxConcurrentRequests at a
// time), and retries failures with backoff, incrementing attemptNumber. Fault injection may drop a batch.
import { hubspotSignatureV3, REQUEST_TIMESTAMP_HEADER, SIGNATURE_V3_HEADER } from './signatureV3.ts';
import type { Random } from '../seededRandom.ts';
import type { ChangeEvent } from '../state/changeEvents.ts';
import type { DeveloperApp } from '../state/developerApp.ts';
import type { SandboxState } from '../state/sandboxState.ts';
import { retryDelayMs, type RetryOptions } from './retrySchedule.ts';
import { notificationsFor, type WebhookEvent } from './webhookEvent.ts';

export interface WebhookOptions extends RetryOptions {
  /** How long changes gather before a batch is sent. */
  batchWindowMs: number;
  /** "The batch size can vary, but will be under 100 notifications." */
  maxEventsPerRequest: number;
  /** HubSpot gives up on a request after 5 s and retries it. */
  timeoutMs: number;
}

export interface DispatcherDeps {
  state: SandboxState;
  options: WebhookOptions;
  /** Share of batches silently never sent (fault injection), read at send time. */
  dropRate: () => number;
  dropRandom: () => Random;
  jitterRandom: Random;
  fetchImpl?: typeof fetch;
}

export class WebhookDispatcher {
  private readonly deps: DispatcherDeps;
  private readonly buffers = new Map<number, { events: WebhookEvent[]; timer: NodeJS.Timeout }>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Map<number, number>();
  private readonly queued = new Map<number, Array<() => void>>();
  /** Work gathering or in flight, and retries waiting for their time. */
  private readonly pending = { active: 0, retries: 0 };
  private waiters: Array<{ retries: boolean; resolve: () => void }> = [];
  private eventSeq = 1_000;
  private deliverySeq = 0;
  private closed = false;

  constructor(deps: DispatcherDeps) {
    this.deps = deps;
  }

  /** Listener for SandboxState.onChange. */
  readonly handle = (changes: readonly ChangeEvent[]): void => {
    if (this.closed) return;
    for (const change of changes) {
      const portal = this.deps.state.findPortal(change.portalId);
      for (const appId of portal?.installedApps ?? []) {
        const app = this.deps.state.app(appId);
        if (!app?.webhooks.targetUrl) continue;
        const events = notificationsFor(change, app, () => ++this.eventSeq);
        if (events.length > 0) this.buffer(app, events);
      }
    }
  };

  private buffer(app: DeveloperApp, events: WebhookEvent[]): void {
    const buffered = this.buffers.get(app.appId);
    if (buffered) {
      buffered.events.push(...events);
      return;
    }
    const timer = this.later('active', this.deps.options.batchWindowMs, () => this.sendBuffered(app.appId));
    this.buffers.set(app.appId, { events: [...events], timer });
  }

  /** Runs `fn` after `ms` real milliseconds, counted as pending work until it has run. */
  private later(kind: keyof WebhookDispatcher['pending'], ms: number, fn: () => void): NodeJS.Timeout {
    this.pending[kind]++;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
      this.done(kind);
    }, ms);
    timer.unref();
    this.timers.add(timer);
    return timer;
  }

  private done(kind: keyof WebhookDispatcher['pending']): void {
    this.pending[kind]--;
    const { active, retries } = this.pending;
    this.waiters = this.waiters.filter((w) => {
      const settled = active === 0 && (!w.retries || retries === 0);
      if (settled) w.resolve();
      return !settled;
    });
  }

  private sendBuffered(appId: number): void {
    const events = this.buffers.get(appId)?.events ?? [];
    this.buffers.delete(appId);
    const app = this.deps.state.app(appId);
    if (!app?.webhooks.targetUrl) return;
    const size = Math.max(1, this.deps.options.maxEventsPerRequest);
    for (let i = 0; i < events.length; i += size) this.enqueue(app, events.slice(i, i + size), 0);
  }

  /** Respects the app's maxConcurrentRequests. */
  private enqueue(app: DeveloperApp, events: WebhookEvent[], attemptNumber: number): void {
    this.pending.active++;
    const run = (): void => {
      this.running.set(app.appId, (this.running.get(app.appId) ?? 0) + 1);
      void this.attempt(app, events, attemptNumber).finally(() => {
        this.running.set(app.appId, (this.running.get(app.appId) ?? 1) - 1);
        this.queued.get(app.appId)?.shift()?.();
        this.done('active');
      });
    };
    if ((this.running.get(app.appId) ?? 0) < app.webhooks.maxConcurrentRequests) run();
    else this.queued.set(app.appId, [...(this.queued.get(app.appId) ?? []), run]);
  }

  private async attempt(app: DeveloperApp, batch: WebhookEvent[], attemptNumber: number): Promise<void> {
    const { state, options } = this.deps;
    const targetUrl = app.webhooks.targetUrl;
    if (!targetUrl || this.closed) return;
    const events = batch.map((e) => ({ ...e, attemptNumber }));
    const record = {
      id: ++this.deliverySeq,
      appId: app.appId,
      targetUrl,
      attemptNumber,
      events,
      at: state.clock.now(),
    };
    if (attemptNumber === 0 && this.deps.dropRandom().chance(this.deps.dropRate())) {
      state.webhookDeliveries.push({ ...record, outcome: 'dropped', durationMs: 0, willRetry: false });
      return;
    }
    const body = JSON.stringify(events);
    const timestamp = state.clock.now();
    const started = performance.now();
    let status: number | undefined;
    let error: string | undefined;
    try {
      const res = await (this.deps.fetchImpl ?? fetch)(targetUrl, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          [SIGNATURE_V3_HEADER]: hubspotSignatureV3({
            clientSecret: app.clientSecret,
            method: 'POST',
            uri: targetUrl,
            body,
            timestampMs: timestamp,
          }),
          [REQUEST_TIMESTAMP_HEADER]: String(timestamp),
          'User-Agent': 'HubSpot Connect 2.0 (http://dev.hubspot.com/) (sandbox)',
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
    } catch (err) {
      error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    }
    const delivered = status !== undefined && status >= 200 && status < 300;
    const willRetry = !delivered && attemptNumber < options.maxRetries && !this.closed;
    state.webhookDeliveries.push({
      ...record,
      outcome: delivered ? 'delivered' : 'failed',
      ...(status !== undefined && { status }),
      ...(error !== undefined && { error }),
      durationMs: Math.round(performance.now() - started),
      willRetry,
    });
    if (willRetry) {
      const next = attemptNumber + 1;
      this.later('retries', retryDelayMs(next, options, this.deps.jitterRandom), () =>
        this.enqueue(app, batch, next),
      );
    }
  }

  /** Sends what is gathering now instead of at the end of its window. */
  flush(): void {
    for (const [appId, { timer }] of [...this.buffers]) {
      clearTimeout(timer);
      this.timers.delete(timer);
      this.sendBuffered(appId);
      this.done('active');
    }
  }

  /** Resolves when nothing is gathering or in flight, and with `retries` also when no retry is waiting. */
  idle(retries: boolean): Promise<void> {
    const { active, retries: waiting } = this.pending;
    if (active === 0 && (!retries || waiting === 0)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ retries, resolve }));
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.buffers.clear();
    this.pending.active = 0;
    this.pending.retries = 0;
    for (const w of this.waiters.splice(0)) w.resolve();
  }
}
