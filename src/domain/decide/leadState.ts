// What Baton keeps about one lead between decisions.
import type { ScoreCard } from '../scoring/scoreCard.ts';
import type { EngagementEvent, LeadProfile } from '../scoring/profile.ts';
import type { SlaTimeline } from '../sla/slaClock.ts';
import type { Stage } from '../stages.ts';

export interface SlaClock extends SlaTimeline {
  assignedAt: Date;
  firstTouchAt: Date | null;
  reminded: boolean;
  /** The deadline passed untouched (the CRM shows breached from then on). */
  breached: boolean;
  escalated: boolean;
  /** Leads already overdue when Baton was installed: no reminder, breach or recycle before this. */
  graceUntil: Date | null;
}

export interface LeadState {
  leadId: string;
  stage: Stage;
  stageEnteredAt: Date;
  ownerId: string | null;
  ownerTimeZone: string | null;
  managerId: string | null;
  profile: LeadProfile;
  engagement: EngagementEvent[];
  /** Engagement before this instant no longer counts (reset when recycled). */
  engagementSince: Date | null;
  /** The scores Baton last wrote to the CRM. */
  scores: ScoreCard | null;
  mqlAt: Date | null;
  sla: SlaClock | null;
  /** Last sales activity (call, email, meeting, note, task). */
  lastActivityAt: Date | null;
  recycleCount: number;
  recycledAt: Date | null;
  reengageAt: Date | null;
  /** Owners who handed this lead back (the owner at the time of the return): routing never gives it to them again. */
  returnedBy: string[];
  lastReason: string | null;
  lastNote: string | null;
  returnedAt: Date | null;
  /** Baton nurture list keys the lead is in. */
  lists: string[];
}

export function newLeadState(leadId: string, at: Date, init: Partial<LeadState> = {}): LeadState {
  return {
    leadId,
    stage: 'inquiry',
    stageEnteredAt: at,
    ownerId: null,
    ownerTimeZone: null,
    managerId: null,
    profile: {},
    engagement: [],
    engagementSince: null,
    scores: null,
    mqlAt: null,
    sla: null,
    lastActivityAt: null,
    recycleCount: 0,
    recycledAt: null,
    reengageAt: null,
    returnedBy: [],
    lastReason: null,
    lastNote: null,
    returnedAt: null,
    lists: [],
    ...init,
  };
}
