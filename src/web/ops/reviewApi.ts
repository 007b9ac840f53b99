// GET /ops/api/review?tenantId=…&month=YYYY-MM: the monthly closed-loop review pack as one self-contained HTML
// file (a download). Behind the ops token, like the rest of the ops API; the CLI turns it into a PDF.
import express, { type Router } from 'express';
import { z } from 'zod';
import { monthlyReview, type MonthlyReviewDeps } from '../../app/monthlyReview.ts';
import { storableText } from '../../domain/storableText.ts';
import { reviewDocument } from './review/reviewDocument.ts';

const reviewQuery = z.strictObject({
  tenantId: storableText().min(1).max(200),
  // The month's shape is judged by the use case, which names what is wrong with it.
  month: storableText().min(1).max(40),
});

/** The file name a pack downloads as: the tenant id kept to characters every file system takes. */
export const reviewFileName = (tenantId: string, month: string): string =>
  `review-${tenantId.replace(/[^A-Za-z0-9._-]/g, '_')}-${month}.html`;

export function reviewApiRouter(deps: MonthlyReviewDeps): Router {
  const r = express.Router();
  r.get('/review', async (req, res) => {
    const q = reviewQuery.parse(req.query);
    const review = await monthlyReview(deps, q.tenantId, q.month);
    res
      .set({
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
        'Cache-Control': 'no-store',
      })
      .type('html')
      .attachment(reviewFileName(review.pack.tenant.id, review.pack.month.label))
      .send(reviewDocument(review));
  });
  return r;
}
