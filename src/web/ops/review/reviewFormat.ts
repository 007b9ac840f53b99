// How the pack writes numbers, shares and instants: dates in the tenant's time zone, as its people read them.
import type { MonthlyReviewPack } from '../../../domain/review/reviewPack.ts';
import type { MonthlyReview } from '../../../app/monthlyReview.ts';
import { html, type SafeHtml } from './html.ts';

// A no-break space keeps the number and its % on one line in narrow cells.
export const percent = (ratio: number | null): string =>
  ratio === null ? '—' : `${Math.round(ratio * 1000) / 10}\u00a0%`;

export const decimal = (n: number, digits = 1): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** An email that may wrap after its @ in a narrow column rather than anywhere. */
const breakable = (email: string): SafeHtml[] =>
  email.split(/(?<=@)/).flatMap((part, i) => (i === 0 ? [html`${part}`] : [html`<wbr />${part}`]));

export interface Formatter {
  day: (iso: string | null) => string;
  dateTime: (iso: string | null) => string;
  monthName: string;
  lead: (leadId: string) => SafeHtml;
  owner: (ownerId: string | null | undefined) => string;
}

export function formatterFor(review: MonthlyReview): Formatter {
  const { pack } = review;
  const zone = pack.month.timeZone;
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  const dateTime = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return {
    day: (iso) => (iso ? day.format(new Date(iso)) : '—'),
    dateTime: (iso) => (iso ? dateTime.format(new Date(iso)) : '—'),
    monthName: monthName(pack),
    lead: (leadId) => {
      const email = review.leads[leadId];
      return email
        ? html`<span class="lead">${breakable(email)}</span><span class="id">#${leadId}</span>`
        : html`<span class="lead">Lead #${leadId}</span>`;
    },
    owner: (ownerId) => (ownerId ? (review.owners[ownerId] ?? `Owner ${ownerId}`) : '—'),
  };
}

function monthName(pack: MonthlyReviewPack): string {
  // The month's middle, so no time zone pushes it into a neighbour.
  const mid = new Date((Date.parse(pack.month.from) + Date.parse(pack.month.to)) / 2);
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(mid);
}

/** A stage's name as people say it. */
export const STAGE_LABEL: Record<string, string> = {
  inquiry: 'Inquiry',
  mql: 'MQL',
  assigned: 'Assigned',
  accepted: 'Accepted (worked)',
  qualified: 'Qualified (SQL)',
  won: 'Won',
  lost: 'Lost',
  returned: 'Returned, in review',
  recycled: 'Recycled to nurture',
  disqualified: 'Disqualified',
};

export const stageLabel = (stage: string): string => STAGE_LABEL[stage] ?? stage;
