// The period's headline figures, each straight from the funnel report.
import type { Funnel } from '../apiTypes.ts';
import { kpiRow } from '../components/kpi.ts';
import { formatCount, formatMinutes, formatPercent } from '../format.ts';

export function funnelKpis(report: Funnel): HTMLElement {
  const mql = report.stages.find((s) => s.stage === 'mql');
  const rr = report.rejectRate;
  const human = report.timeToFirstTouch.human;
  return kpiRow([
    {
      label: 'New MQLs',
      value: formatCount(mql?.enteredLeads),
      raw: mql?.enteredLeads ?? null,
      testId: 'kpi-mqls',
    },
    {
      label: 'Handed to sales',
      value: formatCount(rr.handedOver),
      raw: rr.handedOver,
      testId: 'kpi-handed-over',
    },
    {
      label: 'Reject rate',
      value: formatPercent(rr.rate),
      raw: rr.rate,
      hint: `target ≤ ${formatPercent(rr.target)}`,
      tone: rr.rate === null ? undefined : rr.overTarget ? 'bad' : 'ok',
      testId: 'kpi-reject-rate',
    },
    {
      label: 'SLA met',
      value: formatPercent(report.sla.metShare),
      raw: report.sla.metShare,
      hint: `${formatCount(report.sla.breaches)} breaches`,
      tone: report.sla.breaches > 0 ? 'warn' : undefined,
      testId: 'kpi-sla-met',
    },
    {
      label: 'First touch (median)',
      value: formatMinutes(human.medianMinutes),
      raw: human.medianMinutes,
      hint: 'business time after assignment',
      testId: 'kpi-first-touch',
    },
    {
      label: 'Recycled',
      value: formatCount(report.recycleOutcomes.recycled),
      raw: report.recycleOutcomes.recycled,
      hint: `${formatCount(report.recycleOutcomes.reMql)} back as MQL`,
      testId: 'kpi-recycled',
    },
  ]);
}
