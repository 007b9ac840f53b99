// What a what-if answers: the same figures for the policy in force (baseline) and the proposed one, both from one
// replay of the ledger, the leads whose outcome changes, and what the replay cannot know. Plain JSON values only
// (dates as ISO strings): the ops API serves it as is and the console imports these types.
import type { Policy } from '../policy/schema.ts';

/** The parts of a policy a replay reads. */
export type WhatIfPolicy = Pick<
  Policy,
  | 'timeZone'
  | 'businessHours'
  | 'holidays'
  | 'sla'
  | 'recycle'
  | 'reasons'
  | 'scoring'
  | 'mql'
  | 'capacity'
  | 'routing'
  | 'rejectRateTarget'
>;

export interface RepLoad {
  ownerId: string;
  /** Most leads the rep held open at once in the window (assigned, not yet worked: what capacity counts). */
  peak: number;
  /** Open at the end of the window. */
  end: number;
  capacity: number;
  overCapacity: boolean;
}

export interface WhatIfSide {
  /** MQL entries in the window that the policy keeps: first MQLs and re-MQLs. */
  mqls: number;
  /** MQL rows in the window whose scores the policy's MQL rule refuses (the lead and what followed drop out). */
  droppedByMqlRule: number;
  /** Leads left in marketing at a row whose scores pass the rule, with no MQL row after it (would-be MQLs). */
  wouldQualifyUnseen: number;
  /** Distinct leads handed to a rep in the window. */
  handedOver: number;
  /** First-touch deadlines in the window that passed untouched. */
  breaches: number;
  /** Leads auto-recycled (or exhausted) untouched at the recycle threshold in the window. */
  autoRecycles: number;
  reMqls: number;
  /** Re-MQLs sooner after their recycle than the cooldown: they do not happen. */
  reMqlsSuppressed: number;
  /** Recycles past the recycle limit: disqualified as exhausted instead. */
  exhausted: number;
  /** Rep returns whose reason counts as a reject under the policy's reasons. */
  rejects: number;
  rejectRate: number | null;
  rejectRateTarget: number;
  overTarget: boolean;
  capacity: {
    perRep: number;
    /** Reps who held a lead in the window. */
    reps: number;
    peakLoad: number;
    repsOverCapacity: number;
    /** Mean hours a lead stays assigned to a rep (hand-over to first touch, return or recycle), in this replay. */
    meanHoldHours: number | null;
    /** MQLs the reps could take in the window at that pace: reps × capacity × window ÷ mean hold. */
    mqlsCapacityAllows: number | null;
    mqlsOverCapacity: boolean | null;
  };
  /** Per rep, highest peak first (at most MAX_REPS). */
  load: RepLoad[];
}

export interface ChangedLead {
  leadId: string;
  /** What happened to the lead in the window, in words ("MQL · breached · auto-recycled"). */
  baseline: string;
  proposed: string;
}

export interface WhatIfReport {
  window: { from: string; to: string };
  leads: number;
  rows: number;
  baseline: WhatIfSide;
  proposed: WhatIfSide;
  /** Leads whose outcome differs; `leads` holds at most MAX_CHANGED of them, in lead-id order. */
  changed: { count: number; leads: ChangedLead[] };
  /** Sentences saying what the replay cannot know. */
  limits: string[];
}

export const MAX_CHANGED = 200;
export const MAX_REPS = 200;
