// Prometheus metrics (/metrics): counters fed where things happen (webhooks, decisions, CRM calls, jobs) and
// gauges read at scrape time (queue depth, outbox, dead letters, tenant status).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Alert } from './domain/alerts.ts';
import type { Decision } from './domain/decide/draft.ts';

export interface GaugeReadings {
  queueDepth: Record<string, number>;
  pendingEffects: number;
  /** Changes received (webhooks, change events) and not processed yet. */
  pendingInbox: number;
  deadEffects: number;
  tenants: Record<string, number>;
  rateLimitWaiting: number;
}

export class Metrics {
  readonly registry = new Registry();
  readonly webhookEvents = new Counter({
    name: 'baton_webhook_events_total',
    help: 'CRM webhook events received, by outcome (accepted, duplicate, ignored, not_connected)',
    labelNames: ['crm', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly decisions = new Counter({
    name: 'baton_decisions_total',
    help: 'Lead decisions saved (events processed into state, ledger and effects)',
    registers: [this.registry],
  });
  readonly stageChanges = new Counter({
    name: 'baton_ledger_rows_total',
    help: 'Ledger rows written, by cause (SLA breaches, recycles, returns, …)',
    labelNames: ['cause'] as const,
    registers: [this.registry],
  });
  readonly recycles = new Counter({
    name: 'baton_recycles_total',
    help: 'Leads recycled into nurture, by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  readonly crmCalls = new Counter({
    name: 'baton_crm_calls_total',
    help: 'CRM API calls by operation and status (ok, retrying, error)',
    labelNames: ['operation', 'status'] as const,
    registers: [this.registry],
  });
  readonly crmRateLimited = new Counter({
    name: 'baton_crm_rate_limited_total',
    help: 'CRM answers 429 (each one is waited out or dead-lettered)',
    registers: [this.registry],
  });
  readonly crmLatency = new Histogram({
    name: 'baton_crm_call_seconds',
    help: 'CRM call latency',
    labelNames: ['operation'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20],
    registers: [this.registry],
  });
  readonly alerts = new Gauge({
    name: 'baton_alerts',
    help: 'Active alerts by kind and severity (reject rate over target, breach jump, disconnected, API budget)',
    labelNames: ['kind', 'severity'] as const,
    registers: [this.registry],
  });
  readonly jobSeconds = new Histogram({
    name: 'baton_job_seconds',
    help: 'Job run time by job and outcome',
    labelNames: ['job', 'outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
    registers: [this.registry],
  });

  constructor(read: () => Promise<GaugeReadings>) {
    collectDefaultMetrics({ register: this.registry, prefix: 'baton_' });
    let latest: Promise<GaugeReadings> | null = null;
    // One read per scrape feeds every gauge.
    const readings = () => (latest ??= read().finally(() => setTimeout(() => (latest = null), 1000)));
    const gauge = (
      name: string,
      help: string,
      labelNames: string[],
      fill: (g: Gauge, r: GaugeReadings) => void,
    ) =>
      new Gauge({
        name,
        help,
        labelNames,
        registers: [this.registry],
        async collect() {
          this.reset();
          fill(this, await readings());
        },
      });
    gauge('baton_queue_depth', 'Jobs waiting per queue', ['queue'], (g, r) => {
      for (const [queue, n] of Object.entries(r.queueDepth)) g.set({ queue }, n);
    });
    gauge('baton_effects_pending', 'CRM writes decided but not applied yet', [], (g, r) =>
      g.set(r.pendingEffects),
    );
    gauge(
      'baton_inbox_pending',
      'Changes received (webhooks, change events) and not processed yet',
      [],
      (g, r) => g.set(r.pendingInbox),
    );
    gauge('baton_effects_dead', 'CRM writes that failed for good (dead letters, replayable)', [], (g, r) =>
      g.set(r.deadEffects),
    );
    gauge('baton_tenants', 'Tenants by connection status', ['status'], (g, r) => {
      for (const [status, n] of Object.entries(r.tenants)) g.set({ status }, n);
    });
    gauge('baton_rate_limit_waiting', 'CRM calls waiting for a rate-limit slot', [], (g, r) =>
      g.set(r.rateLimitWaiting),
    );
  }

  setAlerts(active: readonly Alert[]): void {
    this.alerts.reset();
    for (const a of active) this.alerts.inc({ kind: a.kind, severity: a.severity });
  }

  /** What one delivery of a CRM's changes brought (webhook request, change event). */
  observeIngest(
    crm: string,
    counts: { accepted: number; duplicates: number; ignored: number; notConnected: number },
  ): void {
    this.webhookEvents.inc({ crm, outcome: 'accepted' }, counts.accepted);
    this.webhookEvents.inc({ crm, outcome: 'duplicate' }, counts.duplicates);
    this.webhookEvents.inc({ crm, outcome: 'ignored' }, counts.ignored);
    this.webhookEvents.inc({ crm, outcome: 'not_connected' }, counts.notConnected);
  }

  observeDecision(decision: Decision): void {
    this.decisions.inc();
    for (const row of decision.ledger) {
      this.stageChanges.inc({ cause: row.cause });
      if (row.to === 'recycled' && row.from !== 'recycled')
        this.recycles.inc({ reason: row.reason ?? 'unknown' });
    }
  }

  observeCall(e: { operation: string; status: string; httpStatus: number | null; latencyMs: number }): void {
    // Operations carry list ids ("lists.memberships.add 42"): the label keeps only the operation.
    const operation = e.operation.split(' ')[0] ?? e.operation;
    this.crmCalls.inc({ operation, status: e.status });
    if (e.httpStatus === 429) this.crmRateLimited.inc();
    this.crmLatency.observe({ operation }, e.latencyMs / 1000);
  }
}
