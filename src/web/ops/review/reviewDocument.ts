// The review pack as one self-contained HTML document: inline CSS, inline SVG charts, no scripts and nothing
// fetched, so it can be mailed, archived and printed to PDF as it is.
import type { MonthlyReview } from '../../../app/monthlyReview.ts';
import { html, SafeHtml } from './html.ts';
import { REVIEW_CSS } from './reviewCss.ts';
import { formatterFor } from './reviewFormat.ts';
import { feedbackSection, formerLeadsSection, handedOverSection } from './leadSections.ts';
import { deviationsSection, forecastSection } from './slaForecastSections.ts';
import { cover, summarySection } from './summarySection.ts';

export function reviewDocument(review: MonthlyReview): string {
  const { pack } = review;
  const f = formatterFor(review);
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta
          http-equiv="Content-Security-Policy"
          content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"
        />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Closed-loop review ${pack.month.label}: ${pack.tenant.name}</title>
        <style>
          ${new SafeHtml(REVIEW_CSS)}
        </style>
      </head>
      <body>
        <main>
          ${cover(pack, f)} ${summarySection(pack, f)} ${formerLeadsSection(pack, f)}
          ${handedOverSection(pack, f)} ${feedbackSection(pack, f)} ${deviationsSection(pack, f)}
          ${forecastSection(pack, f)}
          <footer>Made by Baton from its lead ledger. Times in ${pack.month.timeZone}.</footer>
        </main>
      </body>
    </html> `.text;
}
