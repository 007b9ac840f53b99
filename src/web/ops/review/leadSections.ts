// The lead-by-lead pages: sales made to former leads, every lead handed over and where it stands, and what reps
// said when they gave leads back. Every CRM-supplied string goes through html`` (escaped).
import type { LeadFeedback } from '../../../domain/review/handedOverLeads.ts';
import type { MonthlyReviewPack } from '../../../domain/review/reviewPack.ts';
import { html, type SafeHtml } from './html.ts';
import { stageLabel, type Formatter } from './reviewFormat.ts';

const empty = (text: string) => html`<p class="empty">${text}</p>`;

const slaPill = (met: boolean | null) =>
  met === null
    ? html`<span class="pill warn">open</span>`
    : met
      ? html`<span class="pill good">met</span>`
      : html`<span class="pill bad">missed</span>`;

/** The reason's bucket, and whether it counts against lead quality where the bucket alone does not say so. */
const bucketText = (fb: LeadFeedback): string => {
  if (fb.bucket === null) return 'reason no longer in the policy';
  const counts = fb.countsAsReject !== (fb.bucket === 'reject');
  return `${fb.bucket}${counts ? (fb.countsAsReject ? ' · counts as a reject' : ' · not counted as a reject') : ''}`;
};

const reasonText = (fb: LeadFeedback) => fb.label ?? fb.reason ?? 'no reason given';

export function formerLeadsSection(pack: MonthlyReviewPack, f: Formatter): SafeHtml {
  const rows = pack.salesFromFormerLeads.map(
    (s) =>
      html`<tr>
        <td>${f.lead(s.leadId)}</td>
        <td>${s.reached === 'won' ? 'Won' : 'Opportunity (SQL)'}</td>
        <td>${f.day(s.at)}</td>
        <td>
          ${f.day(s.recycledAt)}<span class="id"
            >${s.recycleReasonLabel ?? s.recycleReason ?? 'no reason'} · ${s.recycles}× recycled</span
          >
        </td>
        <td>${f.owner(s.ownerId)}</td>
        <td class="num">
          ${s.amount === null ? html`<span class="hint">amount not recorded</span>` : s.amount.toLocaleString('en-US')}
        </td>
      </tr>`,
  );
  const body =
    rows.length > 0
      ? html`<table>
            <thead>
              <tr>
                <th>Lead</th>
                <th>Reached</th>
                <th>On</th>
                <th>Recycled before</th>
                <th>Owner</th>
                <th class="num">Amount</th>
              </tr>
            </thead>
            <tbody>
              ${rows}
            </tbody>
          </table>
          <p class="hint">
            Baton does not read deal amounts from the CRM: see the opportunity there for its value.
          </p>`
      : empty(`No recycled lead became an opportunity or a win in ${f.monthName}.`);
  return html`<section id="former-leads">
    <h2>Sales made to former leads</h2>
    <p class="intro">
      Leads marketing had taken back into nurture (recycled) that reached an opportunity or a win this month:
      what recycling earns.
    </p>
    ${body}
  </section>`;
}

export function handedOverSection(pack: MonthlyReviewPack, f: Formatter): SafeHtml {
  const rows = pack.handedOver.map((l) => {
    const last = l.feedback.at(-1);
    return html`<tr>
      <td>${f.lead(l.leadId)}</td>
      <td>
        ${f.dateTime(l.handedOverAt)}${l.handovers > 1 ? html`<span class="id">${l.handovers} hand-overs</span>` : ''}
      </td>
      <td>${f.owner(l.ownerId)}</td>
      <td>${l.source ?? '—'}${l.grade ? html`<span class="id">grade ${l.grade}</span>` : ''}</td>
      <td>${f.dateTime(l.firstTouchAt)}</td>
      <td>${slaPill(l.slaMet)}</td>
      <td><strong>${stageLabel(l.status)}</strong><span class="id">since ${f.day(l.statusSince)}</span></td>
      <td>${last ? reasonText(last) : '—'}</td>
    </tr>`;
  });
  const body =
    rows.length > 0
      ? html`<table>
          <thead>
            <tr>
              <th>Lead</th>
              <th>Handed over</th>
              <th>Owner</th>
              <th>Source</th>
              <th>First touch</th>
              <th>SLA</th>
              <th>Status now</th>
              <th>Returned as</th>
            </tr>
          </thead>
          <tbody>
            ${rows}
          </tbody>
        </table>`
      : empty(`No leads were handed to sales in ${f.monthName}.`);
  return html`<section id="handed-over">
    <h2>Leads handed over (${pack.handedOver.length})</h2>
    <p class="intro">
      Every lead assigned to a rep this month, and where it stands on ${f.day(pack.generatedAt)}.
    </p>
    ${body}
  </section>`;
}

export function feedbackSection(pack: MonthlyReviewPack, f: Formatter): SafeHtml {
  const rows = pack.feedback.map(
    (fb) =>
      html`<tr>
        <td>${f.lead(fb.leadId)}</td>
        <td>${f.dateTime(fb.at)}</td>
        <td>
          ${f.owner(fb.ownerId)}${fb.actor === 'the owner' ? '' : html`<span class="id">by ${fb.actor}</span>`}
        </td>
        <td>${reasonText(fb)}<span class="id">${bucketText(fb)}</span></td>
        <td class="note">${fb.note ?? html`<span class="hint">no note</span>`}</td>
      </tr>`,
  );
  const body =
    rows.length > 0
      ? html`<table>
          <thead>
            <tr>
              <th>Lead</th>
              <th>Returned</th>
              <th>Owner</th>
              <th>Reason</th>
              <th>Note</th>
            </tr>
          </thead>
          <tbody>
            ${rows}
          </tbody>
        </table>`
      : empty(`No rep returned a lead in ${f.monthName}.`);
  return html`<section id="feedback">
    <h2>Feedback per lead</h2>
    <p class="intro">
      What reps said when they gave a lead back: reject reasons tell marketing which leads not to send;
      recycle reasons say when to try again.
    </p>
    ${body}
  </section>`;
}
