// SLA deviations on both sides, as the review lists them. The SLA scorecard computes them (src/domain/scorecard);
// the pack takes its list by this shape alone, so the review does not depend on how the scorecard is built.

/** One deviation: which side broke its promise, how, and on which lead (where it is about one). */
export interface SlaDeviation {
  side: 'marketing' | 'sales';
  kind: string;
  detail: string;
  leadId?: string;
  ownerId?: string | null;
  at?: string;
}
