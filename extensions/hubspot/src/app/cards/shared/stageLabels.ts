// The funnel stages in the words sales and marketing use.
import type { Stage } from '@baton/card-api';

export const STAGE_LABELS: Record<Stage, string> = {
  inquiry: 'Inquiry',
  mql: 'MQL',
  assigned: 'Assigned to a rep',
  accepted: 'Accepted (worked)',
  qualified: 'Qualified (SQL)',
  won: 'Won',
  lost: 'Lost',
  returned: 'Returned to marketing',
  recycled: 'Recycled into nurture',
  disqualified: 'Disqualified',
};

/** Short labels for the step indicator, where space is tight. */
export const STEP_LABELS: Record<Stage, string> = {
  ...STAGE_LABELS,
  assigned: 'Assigned',
  accepted: 'Accepted',
  qualified: 'SQL',
};
