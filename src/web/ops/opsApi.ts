// The ops API (JSON, and CSV for analytics): what the console shows, for scripts too. Behind the ops token.
import express, { type Router } from 'express';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { storableText } from '../../domain/storableText.ts';
import type { FunnelReport } from '../../domain/funnel/funnelReport.ts';
import { BatonError } from '../../errors.ts';
import { currentAlerts } from '../../app/alerts.ts';
import { reviveEffects } from '../../store/effects.ts';
import { reviveInbox } from '../../store/inbox.ts';
import { querySyncLog } from '../../store/syncLog.ts';
import { getTenant } from '../../store/tenants.ts';
import { failuresView, funnelView, leadTimeline, slaBoard, tenantsView, type OpsDeps } from './opsViews.ts';

export interface OpsApiDeps extends OpsDeps {
  /** Queue the tenant's effect flush (after a replay). */
  flushTenant: (tenantId: string) => Promise<void>;
  /** Queue the tenant's inbox drain (after set-aside items are replayed). */
  drainTenant: (tenantId: string) => Promise<void>;
}

const tenantParam = storableText().min(1).max(200);
const leadParam = storableText().min(1).max(100);

/** Dates in queries: from 1970 to the end of year 9999 (PostgreSQL cannot hold year 0000, for one). */
const EARLIEST_MS = Date.UTC(1970, 0, 1);
const LATEST_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const when = z.iso
  .datetime({ offset: true })
  .transform((s) => new Date(s))
  .refine(
    (d) => d.getTime() >= EARLIEST_MS && d.getTime() <= LATEST_MS,
    'must be a date-time between 1970-01-01 and 9999-12-31',
  );

/** The longest funnel period: three years (at most 1,096 daily buckets), computed at once. */
export const MAX_FUNNEL_DAYS = 1_096;

const syncLogQuery = z.strictObject({
  tenantId: tenantParam.optional(),
  leadId: storableText().max(100).optional(),
  status: z.enum(['ok', 'error', 'retrying', 'skipped']).optional(),
  since: when.optional(),
  until: when.optional(),
  beforeId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const funnelQuery = z.strictObject({
  tenantId: tenantParam,
  from: when.optional(),
  to: when.optional(),
  bucket: z.enum(['day', 'week']).default('week'),
  format: z.enum(['json', 'csv']).default('json'),
});

const replayBody = z.strictObject({
  tenantId: tenantParam,
  keys: z.array(storableText().min(1)).max(10_000).optional(),
});

const inboxReplayBody = z.strictObject({
  tenantId: tenantParam,
  ids: z.array(z.number().int().positive()).max(10_000).optional(),
});

/** The funnel report flattened to rows (section, key, metric, value) for spreadsheets. */
export function funnelCsv(report: FunnelReport): string {
  const rows: Array<[string, string, string, string | number | null]> = [];
  for (const s of report.stages) {
    rows.push(
      ['stages', s.stage, 'entered_leads', s.enteredLeads],
      ['stages', s.stage, 'current', s.current],
    );
  }
  for (const c of report.conversion)
    rows.push(
      ['conversion', `${c.from}->${c.to}`, 'rate', c.rate],
      ['conversion', `${c.from}->${c.to}`, 'entered', c.entered],
    );
  for (const v of report.velocity)
    rows.push(
      ['velocity', v.stage, 'median_hours', v.medianHours],
      ['velocity', v.stage, 'p90_hours', v.p90Hours],
    );
  rows.push(
    ['sla', 'all', 'met_share', report.sla.metShare],
    ['sla', 'all', 'breaches', report.sla.breaches],
  );
  for (const b of report.sla.series) rows.push(['sla_series', b.bucket, 'met_share', b.metShare]);
  const rr = report.rejectRate;
  rows.push(
    ['reject_rate', 'all', 'rate', rr.rate],
    ['reject_rate', 'all', 'target', rr.target],
    ['reject_rate', 'all', 'handed_over', rr.handedOver],
  );
  for (const r of rr.byReason) rows.push(['reject_reason', r.reason ?? '(none)', 'returns', r.returns]);
  for (const [section, list] of [
    ['reject_by_source', rr.bySource],
    ['reject_by_campaign', rr.byCampaign],
    ['reject_by_fit_band', rr.byFitBand],
    ['reject_by_rep', rr.byRep],
  ] as const) {
    for (const s of list) rows.push([section, s.key ?? '(none)', 'rate', s.rate]);
  }
  for (const b of rr.series) rows.push(['reject_series', b.bucket, 'rate', b.rate]);
  rows.push(
    ['recycle', 'all', 'recycled', report.recycleOutcomes.recycled],
    ['recycle', 'all', 're_mql', report.recycleOutcomes.reMql],
  );
  for (const w of report.winProbability)
    rows.push(
      ['win_probability', w.stage, 'measured', w.measured],
      ['win_probability', w.stage, 'configured', w.configured],
    );
  // CRM-supplied keys (sources, campaigns) starting with = + - @ would run as a spreadsheet formula.
  return stringify(rows, {
    header: true,
    columns: ['section', 'key', 'metric', 'value'],
    escape_formulas: true,
  });
}

export function opsApiRouter(deps: OpsApiDeps): Router {
  const r = express.Router();
  const requireTenant = async (tenantId: string): Promise<void> => {
    if (!(await getTenant(deps.db, tenantId))) throw new BatonError('not_found', `No tenant ${tenantId}`);
  };
  r.get('/tenants', async (_req, res) => {
    res.json({ tenants: await tenantsView(deps) });
  });
  r.get('/alerts', async (_req, res) => {
    res.json({ alerts: await currentAlerts(deps.db, deps.now()) });
  });
  r.get('/sync-log', async (req, res) => {
    const q = syncLogQuery.parse(req.query);
    const rows = await querySyncLog(deps.db, {
      limit: q.limit,
      ...(q.tenantId && { tenantId: q.tenantId }),
      ...(q.leadId && { recordId: q.leadId }),
      ...(q.status && { status: q.status }),
      ...(q.since && { since: q.since }),
      ...(q.until && { until: q.until }),
      ...(q.beforeId && { beforeId: q.beforeId }),
    });
    res.json({ rows, nextBeforeId: rows.length === q.limit ? (rows.at(-1)?.id ?? null) : null });
  });
  r.get('/failures', async (req, res) => {
    const tenantId = z.object({ tenantId: tenantParam.optional() }).parse(req.query).tenantId;
    res.json(await failuresView(deps, tenantId));
  });
  r.post('/failures/replay', async (req, res) => {
    const body = replayBody.parse(req.body);
    await requireTenant(body.tenantId);
    const revived = await reviveEffects(deps.db, body.tenantId, body.keys);
    await deps.flushTenant(body.tenantId);
    res.json({ tenantId: body.tenantId, revived });
  });
  r.post('/failures/inbox/replay', async (req, res) => {
    const body = inboxReplayBody.parse(req.body);
    await requireTenant(body.tenantId);
    const revived = await reviveInbox(deps.db, body.tenantId, body.ids);
    await deps.drainTenant(body.tenantId);
    res.json({ tenantId: body.tenantId, revived });
  });
  r.get('/sla-board', async (req, res) => {
    const { tenantId } = z.object({ tenantId: tenantParam }).parse(req.query);
    const board = await slaBoard(deps, tenantId);
    if (!board) throw new BatonError('not_found', `No tenant ${tenantId}`);
    res.json(board);
  });
  r.get('/leads/:tenantId/:leadId/timeline', async (req, res) => {
    const p = z.object({ tenantId: tenantParam, leadId: leadParam }).parse(req.params);
    res.json(await leadTimeline(deps, p.tenantId, p.leadId));
  });
  r.get('/funnel', async (req, res) => {
    const q = funnelQuery.parse(req.query);
    const to = q.to ?? deps.now();
    const from = q.from ?? new Date(to.getTime() - 90 * 86_400_000);
    if (from >= to)
      throw new BatonError('invalid_input', 'from must be before to', {
        problems: [{ field: 'from', message: 'must be before to' }],
      });
    if (to.getTime() - from.getTime() > MAX_FUNNEL_DAYS * 86_400_000)
      throw new BatonError(
        'invalid_input',
        `The funnel period can be at most 3 years (${MAX_FUNNEL_DAYS} days)`,
        {
          problems: [{ field: 'from', message: `must be at most ${MAX_FUNNEL_DAYS} days before to` }],
        },
      );
    const report = await funnelView(deps, q.tenantId, { from, to }, q.bucket);
    if (!report) throw new BatonError('not_found', `No tenant ${q.tenantId}`);
    if (q.format === 'csv') {
      res.type('text/csv').attachment(`baton-funnel-${q.tenantId}.csv`).send(funnelCsv(report));
      return;
    }
    res.json(report);
  });
  return r;
}
