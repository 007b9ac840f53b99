// The pack's HTML: self-contained, every CRM-supplied string escaped, and an empty month that says so.
import { describe, expect, it } from 'vitest';
import { journey, t } from '../../../domain/funnel/testRows.ts';
import { defaultPolicy } from '../../../domain/policy/schema.ts';
import { monthlyReviewPack } from '../../../domain/review/reviewPack.ts';
import { parseReviewMonth } from '../../../domain/review/reviewMonth.ts';
import { escapeHtml, html } from './html.ts';
import { reviewDocument } from './reviewDocument.ts';

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>';

function review(label: string, rows = journey('L1', [])) {
  const month = parseReviewMonth(label, 'UTC', t('12-31 00:00'));
  if (!month.ok) throw new Error(month.message);
  const policy = defaultPolicy();
  const pack = monthlyReviewPack({
    tenant: { id: 'hubspot-1', name: `Acme ${HOSTILE}` },
    policy: { ...policy, timeZone: 'UTC' },
    month: month.month,
    rows,
    generatedAt: t('12-31 00:00'),
    deviations: [
      { side: 'sales', kind: 'sla_breach', detail: `Late ${HOSTILE}`, leadId: 'L1', ownerId: 'o1' },
    ],
  });
  return { pack, owners: { o1: `Rep ${HOSTILE}` }, leads: { L1: `x${HOSTILE}@example.com` } };
}

const returned = journey('L1', [
  ['03-03 10:00', 'mql'],
  ['03-03 10:00', 'assigned', { ownerId: 'o1' }],
  ['03-03 12:00', 'returned', { ownerId: 'o1', reason: 'bad_data', context: { slaMet: true } }],
]).map((r) => (r.to === 'returned' ? { ...r, note: HOSTILE } : r));

describe('the review document', () => {
  const doc = reviewDocument(review('2025-03', returned));

  it('escapes names, emails, notes and details from the CRM', () => {
    expect(doc).not.toContain('<script>');
    expect(doc).not.toContain('<img');
    expect(doc).toContain(escapeHtml(HOSTILE));
    expect(doc).toContain(`Acme ${escapeHtml(HOSTILE)}`);
  });

  it('is self-contained: inline style, no scripts, nothing fetched', () => {
    expect(doc).toMatch(/^<!doctype html>/);
    expect(doc).toContain('<style>');
    expect(doc).not.toMatch(/<(script|link|img|iframe|object|embed)\b|url\(/i);
    expect(doc).toContain("default-src 'none'");
  });

  it('prints on A4, a section a page, with headers repeated', () => {
    expect(doc).toContain('@page { size: A4;');
    expect(doc).toContain('break-before: page');
    expect(doc).toContain('thead { display: table-header-group; }');
  });

  it('says so for a month with nothing handed over', () => {
    const empty = reviewDocument(review('2025-06'));
    expect(empty).toContain('No leads were handed to sales in June 2025.');
    expect(empty).toContain('No rep returned a lead in June 2025.');
    expect(empty).toContain('No leads were open in a forecast stage');
  });
});

describe('sales made to former leads', () => {
  it('lists a recycled lead that won, saying its amount is not recorded rather than inventing one', () => {
    const former = journey('L1', [
      ['01-05 10:00', 'mql'],
      ['01-05 10:00', 'recycled', { reason: 'not_ready' }],
      ['02-10 10:00', 'mql', { cause: 're_engaged' }],
      ['02-10 11:00', 'assigned', { ownerId: 'o1' }],
      ['03-12 10:00', 'qualified', { ownerId: 'o1' }],
      ['03-20 10:00', 'won', { ownerId: 'o1' }],
    ]);
    const doc = reviewDocument(review('2025-03', former));
    const part = doc.slice(doc.indexOf('id="former-leads"'), doc.indexOf('id="handed-over"'));
    expect(part).toContain('Won');
    expect(part).toContain('Not ready to buy yet');
    expect(part).toContain('amount not recorded');
  });
});

describe('html``', () => {
  it('escapes values and keeps markup built with it', () => {
    expect(html`<b>${'a<b'}</b>${html`<i>${'&'}</i>`}${[1, null, false, '"']}`.text).toBe(
      '<b>a&lt;b</b><i>&amp;</i>1&quot;',
    );
  });
});
