// The SLA scorecard of each month the demo ran through, per CRM, read from Baton's store the way the ops console
// reads it: both sides of the SLA on the demo's own data, month against month.
import { DateTime } from 'luxon';
import { scorecardView } from '../../src/app/scorecardView.ts';
import type { Scorecard } from '../../src/domain/scorecard/scorecard.ts';
import type { Executor } from '../../src/store/executor.ts';
import { getTenant } from '../../src/store/tenants.ts';
import { textTable } from '../../sandbox/simulation/textTable.ts';

const pct = (n: number | null) => (n === null ? '–' : `${Math.round(n * 1000) / 10} %`);
const hours = (minutes: number | null) => (minutes === null ? '–' : `${Math.round(minutes / 6) / 10} h`);

/** Months from the one holding `fromMs` to the one holding `toMs`, as 2026-10 labels, in `zone`. */
export function monthsBetween(fromMs: number, toMs: number, zone: string): string[] {
  const labels: string[] = [];
  const end = DateTime.fromMillis(toMs, { zone }).startOf('month');
  for (let m = DateTime.fromMillis(fromMs, { zone }).startOf('month'); m <= end; m = m.plus({ months: 1 }))
    labels.push(m.toFormat('yyyy-LL'));
  return labels;
}

function row(crm: string, card: Scorecard): string[] {
  const { marketing: m, sales: s } = card;
  return [
    `${crm} ${card.period.label}`,
    `${m.mqls.value ?? 0}${m.mqls.committedToDate === null ? '' : ` / ${m.mqls.committedToDate}`}`,
    `${pct(m.acceptRate.value)} (${m.acceptRate.handedOver})`,
    `${pct(s.slaMet.value)} (${s.slaMet.outcomes})`,
    hours(s.medianHumanLatencyMinutes.value),
    String(s.breaches.value ?? 0),
    String(s.untouched.value ?? 0),
    String(s.returns.length),
    `${card.deviations.filter((d) => d.side === 'marketing').length} / ${card.deviations.filter((d) => d.side === 'sales').length}`,
  ];
}

export interface MonthlyScorecard {
  crm: string;
  tenantId: string;
  card: Scorecard;
}

export async function monthlyScorecards(
  db: Executor,
  tenants: ReadonlyArray<{ crm: string; tenantId: string }>,
  opts: { startMs: number; endMs: number; now: () => Date },
): Promise<MonthlyScorecard[]> {
  const cards: MonthlyScorecard[] = [];
  for (const { crm, tenantId } of tenants) {
    const tenant = await getTenant(db, tenantId);
    if (!tenant) continue;
    for (const month of monthsBetween(opts.startMs, opts.endMs, tenant.policy.timeZone)) {
      const view = await scorecardView({ db, now: opts.now }, tenantId, month);
      if (view) cards.push({ crm, tenantId, card: view.scorecard });
    }
  }
  return cards;
}

export function scorecardTable(cards: readonly MonthlyScorecard[]): string {
  return textTable(
    [
      'SLA scorecard',
      'MQLs / due',
      'accepted (handed)',
      'SLA met (outcomes)',
      'human p50',
      'breaches',
      'untouched',
      'returns',
      'deviations mkt / sales',
    ],
    cards.map(({ crm, card }) => row(crm, card)),
  );
}
