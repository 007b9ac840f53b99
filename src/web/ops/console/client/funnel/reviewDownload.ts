// "Monthly review": downloads a month's closed-loop review pack (one HTML file that prints to PDF) for the
// tenant shown. A plain GET form: the browser saves the attachment and the page stays as it is.
import { el } from '../dom.ts';

/** YYYY-MM of the month before `at` (the usual month to review), in the browser's calendar. */
const lastMonth = (at: Date): string => {
  const d = new Date(at.getFullYear(), at.getMonth() - 1, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
};

const thisMonth = (at: Date): string => `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}`;

export function reviewDownload(tenantId: string, now = new Date()): HTMLElement {
  return el(
    'form',
    {
      class: 'filters',
      method: 'get',
      action: '/ops/api/review',
      'aria-label': 'Monthly review',
      'data-testid': 'review-download',
    },
    el('input', { type: 'hidden', name: 'tenantId', value: tenantId }),
    el(
      'label',
      {},
      el('span', {}, 'Monthly review'),
      el('input', {
        type: 'month',
        name: 'month',
        value: lastMonth(now),
        max: thisMonth(now),
        required: true,
      }),
    ),
    el(
      'div',
      { class: 'filter-buttons' },
      el('button', { type: 'submit', class: 'btn' }, 'Download review pack'),
    ),
    el('span', { class: 'hint' }, 'HTML for the review meeting; print it to PDF, or run npm run review.'),
  );
}
