// The SLA scorecard over the ops API: GET /scorecard?tenantId=…&period=2026-12|2026-W49|2026-Q4[&format=csv].
// JSON for the console and scripts; CSV (section, key, metric, value) for spreadsheets.
import express, { type Router } from 'express';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { scorecardView } from '../../app/scorecardView.ts';
import type { Scorecard } from '../../domain/scorecard/scorecard.ts';
import { storableText } from '../../domain/storableText.ts';
import { BatonError } from '../../errors.ts';
import type { OpsDeps } from './opsViews.ts';

const scorecardQuery = z.strictObject({
  tenantId: storableText().min(1).max(200),
  period: z.string().max(20).optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

type CsvRow = [string, string, string, string | number | boolean | null];

/** The scorecard flattened to rows for spreadsheets: headline figures with their trend, slices, deviations. */
export function scorecardCsv(card: Scorecard): string {
  const rows: CsvRow[] = [];
  const trendRows = (section: string, t: { value: number | null; previous: number | null }) =>
    rows.push([section, 'all', 'value', t.value], [section, 'all', 'previous', t.previous]);
  const m = card.marketing;
  trendRows('mqls', m.mqls);
  rows.push(
    ['mqls', 'all', 'committed', m.mqls.committed],
    ['mqls', 'all', 'committed_from', m.mqls.committedFrom],
    ['mqls', 'all', 'committed_to_date', m.mqls.committedToDate],
    ['mqls', 'all', 'capacity_to_date', m.mqls.capacityToDate],
  );
  trendRows('accept_rate', m.acceptRate);
  rows.push(['accept_rate', 'all', 'target', m.acceptRate.target]);
  for (const r of m.rejects.byReason)
    rows.push(['reject_reason', r.reason ?? '(none)', 'returns', r.returns]);
  for (const [section, list] of [
    ['reject_by_source', m.rejects.bySource],
    ['reject_by_campaign', m.rejects.byCampaign],
    ['reject_by_fit_band', m.rejects.byFitBand],
  ] as const)
    for (const s of list) rows.push([section, s.key ?? '(none)', 'rate', s.rate]);
  const s = card.sales;
  trendRows('sla_met_share', s.slaMet);
  rows.push(['sla_met_share', 'all', 'target', s.slaMet.target]);
  trendRows('median_human_latency_minutes', s.medianHumanLatencyMinutes);
  trendRows('breaches', s.breaches);
  trendRows('untouched', s.untouched);
  for (const r of s.byRep) rows.push(['sla_by_rep', r.repId ?? '(none)', 'met_share', r.metShare]);
  for (const r of s.returns) rows.push(['return', r.leadId, r.reason ?? '(none)', r.note]);
  for (const r of card.capacity.reps)
    rows.push(['capacity', r.repId, 'leads_per_week', r.leadsPerWeek], ['capacity', r.repId, 'open', r.open]);
  rows.push(['capacity', 'all', 'mql_target_per_week', card.capacity.mqlTargetPerWeek]);
  for (const d of card.deviations) rows.push(['deviation', d.side, d.kind, d.detail]);
  // CRM-supplied text (notes, sources, campaigns) starting with = + - @ would run as a spreadsheet formula.
  return stringify(rows, {
    header: true,
    columns: ['section', 'key', 'metric', 'value'],
    escape_formulas: true,
  });
}

export function scorecardApiRouter(deps: OpsDeps): Router {
  const r = express.Router();
  r.get('/scorecard', async (req, res) => {
    const q = scorecardQuery.parse(req.query);
    const view = await scorecardView(deps, q.tenantId, q.period);
    if (!view) throw new BatonError('not_found', `No tenant ${q.tenantId}`);
    if (q.format === 'csv') {
      const name = `baton-scorecard-${q.tenantId}-${view.scorecard.period.label}.csv`;
      res.type('text/csv').attachment(name).send(scorecardCsv(view.scorecard));
      return;
    }
    res.json(view);
  });
  return r;
}
