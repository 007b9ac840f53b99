// The funnel from lead to revenue (demand waterfall) and the moves Baton allows between its stages.

export const STAGES = [
  'inquiry',
  'mql',
  'assigned',
  'accepted',
  'qualified',
  'won',
  'lost',
  'returned',
  'recycled',
  'disqualified',
] as const;

export type Stage = (typeof STAGES)[number];

/** The success path, in order; detours (returned, recycled, disqualified, lost) sit beside it. */
export const SUCCESS_PATH: readonly Stage[] = ['inquiry', 'mql', 'assigned', 'accepted', 'qualified', 'won'];

const TRANSITIONS: Record<Stage, readonly Stage[]> = {
  inquiry: ['mql', 'recycled', 'disqualified'],
  mql: ['assigned', 'inquiry', 'recycled', 'disqualified'],
  // A touch accepts the lead; an opportunity created straight away qualifies it (the touch is implied).
  // Back to mql when the owner is removed before anyone worked it.
  assigned: ['accepted', 'qualified', 'mql', 'returned', 'recycled', 'disqualified', 'lost'],
  accepted: ['qualified', 'returned', 'recycled', 'disqualified', 'lost', 'won'],
  qualified: ['won', 'lost', 'recycled', 'disqualified'],
  // Returned for review (reject reasons): marketing ops re-routes, recycles or disqualifies it.
  returned: ['mql', 'assigned', 'recycled', 'disqualified'],
  recycled: ['mql', 'disqualified'],
  lost: ['recycled', 'mql', 'disqualified'],
  won: [],
  disqualified: [],
};

export function canMove(from: Stage, to: Stage): boolean {
  return TRANSITIONS[from].includes(to);
}

export function nextStagesOf(stage: Stage): readonly Stage[] {
  return TRANSITIONS[stage];
}

/** Stages in which sales holds the lead and the SLA or pipeline hygiene applies. */
export const SALES_STAGES: readonly Stage[] = ['assigned', 'accepted', 'qualified'];

/** A rep may hand the lead back to marketing only while sales holds it and before it is an opportunity. */
export const RETURNABLE_STAGES: readonly Stage[] = ['assigned', 'accepted'];

export const TERMINAL_STAGES: readonly Stage[] = ['won', 'disqualified'];

export function isStage(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value);
}
