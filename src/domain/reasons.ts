// The reason taxonomy: why a lead leaves sales' hands (rep returns and Baton's own rules).
// reject = before contact, procedural or data problems marketing ops fixes (SiriusDecisions "rejection");
// disqualify = permanently out; recycle = timing, back to nurture with an optional re-engage date.

export const REASON_BUCKETS = ['reject', 'disqualify', 'recycle'] as const;
export type ReasonBucket = (typeof REASON_BUCKETS)[number];

export interface Reason {
  code: string;
  label: string;
  bucket: ReasonBucket;
  /** Nurture list key the lead joins, or null for none. */
  nurtureList: string | null;
  noteRequired: boolean;
  reengageDateAllowed: boolean;
  /** Counts against marketing's lead quality in the reject rate. */
  countsAsReject: boolean;
  /** Offered to reps in "Return to marketing"; false for reasons only Baton's rules use. */
  repSelectable: boolean;
}

/** Reason codes Baton's own rules use; a policy must define each of them. */
export const SYSTEM_REASONS = {
  untouched: 'untouched',
  stalled: 'stalled',
  wentDark: 'went_dark',
  exhausted: 'exhausted',
  lost: 'closed_lost',
} as const;

const r = (
  code: string,
  label: string,
  bucket: ReasonBucket,
  nurtureList: string | null,
  opts: Partial<
    Pick<Reason, 'noteRequired' | 'reengageDateAllowed' | 'countsAsReject' | 'repSelectable'>
  > = {},
): Reason => ({
  code,
  label,
  bucket,
  nurtureList,
  noteRequired: opts.noteRequired ?? false,
  reengageDateAllowed: opts.reengageDateAllowed ?? false,
  countsAsReject: opts.countsAsReject ?? bucket !== 'recycle',
  repSelectable: opts.repSelectable ?? true,
});

export const DEFAULT_REASONS: readonly Reason[] = [
  // reject: goes to marketing ops' review list; the lead waits there to be fixed and re-routed
  r('wrong_owner', 'Wrong owner or territory', 'reject', 'ops_review'),
  r('duplicate', 'Duplicate of another lead', 'reject', 'ops_review', { noteRequired: true }),
  r('bad_data', 'Bad or incomplete contact data', 'reject', 'ops_review', { noteRequired: true }),
  r('existing_customer', 'Existing customer', 'reject', 'ops_review'),
  r('already_in_pipeline', 'Already in an open opportunity', 'reject', 'ops_review'),
  // disqualify: permanent, no nurture
  r('competitor', 'Competitor', 'disqualify', null),
  r('spam', 'Spam or fake', 'disqualify', null),
  r('partner_vendor', 'Partner or vendor', 'disqualify', null),
  r('not_our_market', 'Not our market', 'disqualify', null, { noteRequired: true }),
  // recycle: timing, back to nurture
  r('not_ready', 'Not ready to buy yet', 'recycle', 'nurture_timing', { reengageDateAllowed: true }),
  r('no_budget', 'No budget', 'recycle', 'nurture_timing', { reengageDateAllowed: true }),
  r('no_authority', 'No authority (not the buyer)', 'recycle', 'nurture_champion', {
    noteRequired: true,
    reengageDateAllowed: true,
  }),
  r('unresponsive', 'Unresponsive after attempts', 'recycle', 'nurture_reengage', {
    reengageDateAllowed: true,
  }),
  r('went_dark', 'Went dark', 'recycle', 'nurture_reengage', { reengageDateAllowed: true }),
  // People who came to learn, not to buy: marketing keeps them in sight, they are not a sales miss.
  r('education_only', 'Education only (learning, not buying)', 'recycle', 'nurture_education', {
    countsAsReject: true,
  }),
  // Baton's rules
  r('untouched', 'Untouched past the SLA', 'recycle', 'nurture_untouched', {
    countsAsReject: false,
    repSelectable: false,
  }),
  r('stalled', 'Stalled in the pipeline', 'recycle', 'nurture_reengage', { repSelectable: false }),
  r('exhausted', 'Recycled too many times', 'disqualify', null, {
    countsAsReject: false,
    repSelectable: false,
  }),
  r('closed_lost', 'Closed lost', 'recycle', 'nurture_reengage', {
    countsAsReject: false,
    repSelectable: false,
  }),
];

export interface NurtureList {
  key: string;
  name: string;
}

export const DEFAULT_NURTURE_LISTS: readonly NurtureList[] = [
  { key: 'ops_review', name: 'Baton · Returned for review' },
  { key: 'nurture_timing', name: 'Baton · Nurture: timing and budget' },
  { key: 'nurture_champion', name: 'Baton · Nurture: find the buyer' },
  { key: 'nurture_reengage', name: 'Baton · Nurture: re-engage' },
  { key: 'nurture_education', name: 'Baton · Nurture: education' },
  { key: 'nurture_untouched', name: 'Baton · Nurture: never worked' },
];

export type ReturnInputProblem =
  | { field: 'reason'; message: string }
  | { field: 'note'; message: string }
  | { field: 'reengageAt'; message: string };

/** Checks a rep's return against the reason's rules. Returns the problems, empty when valid. */
export function checkReturnInput(
  reasons: readonly Reason[],
  input: { reason: string; note?: string | undefined; reengageAt?: Date | undefined },
  now: Date,
): ReturnInputProblem[] {
  const reason = reasons.find((x) => x.code === input.reason && x.repSelectable);
  if (!reason) return [{ field: 'reason', message: `"${input.reason}" is not a reason reps can pick` }];
  const problems: ReturnInputProblem[] = [];
  if (reason.noteRequired && !input.note?.trim()) {
    problems.push({ field: 'note', message: `A note is required for "${reason.label}"` });
  }
  if (input.reengageAt) {
    if (!reason.reengageDateAllowed) {
      problems.push({ field: 'reengageAt', message: `"${reason.label}" does not take a re-engage date` });
    } else if (input.reengageAt.getTime() <= now.getTime()) {
      problems.push({ field: 'reengageAt', message: 'The re-engage date must be in the future' });
    }
  }
  return problems;
}

export function findReason(reasons: readonly Reason[], code: string): Reason | undefined {
  return reasons.find((x) => x.code === code);
}
