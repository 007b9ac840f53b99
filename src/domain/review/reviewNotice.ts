// The short message the alert webhook gets on the first working day of a month: last month's review in one
// paragraph, and where to download the full pack.
import type { MonthlyReviewPack } from './reviewPack.ts';

const pct = (ratio: number | null): string => (ratio === null ? 'n/a' : `${Math.round(ratio * 1000) / 10} %`);

export function reviewNoticeText(pack: MonthlyReviewPack, monthName: string): string {
  const s = pack.summary;
  const correction =
    s.forecastCorrection === null
      ? 'forecast: too little history to correct'
      : `forecast correction × ${s.forecastCorrection.toFixed(2)}`;
  const deviations = (side: 'marketing' | 'sales') => pack.deviations.filter((d) => d.side === side).length;
  return [
    `Closed-loop review for ${monthName} (${pack.tenant.name}):`,
    `${s.handedOver} lead${s.handedOver === 1 ? '' : 's'} handed over, reject rate ${pct(s.rejectRate)} (target ${pct(s.rejectTarget)}),`,
    `SLA met ${pct(s.slaMetShare)}, ${s.breaches} escalation${s.breaches === 1 ? '' : 's'},`,
    `${s.formerLeadSales} sale${s.formerLeadSales === 1 ? '' : 's'} from former leads;`,
    `deviations: marketing ${deviations('marketing')}, sales ${deviations('sales')}; ${correction}.`,
  ].join(' ');
}
