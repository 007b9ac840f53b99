// The funnel passport of one lead, as the CRM cards show it: stage on the success path, SLA countdown in
// business time, scores with reasons, recycles and returns with who/why, and time spent in each stage.
import type { LeadState } from '../domain/decide/leadState.ts';
import type { LedgerEntry } from '../domain/ledger.ts';
import type { Policy } from '../domain/policy/schema.ts';
import { findReason } from '../domain/reasons.ts';
import { inTimeZone, type BusinessCalendar } from '../domain/sla/businessCalendar.ts';
import { businessMinutesLeft, slaStatus } from '../domain/sla/slaClock.ts';
import { RETURNABLE_STAGES, SUCCESS_PATH, type Stage } from '../domain/stages.ts';

export interface Passport {
  tracked: true;
  leadId: string;
  stage: Stage;
  /** The success path, for a step indicator, and where this lead is on it (detours map to their last step). */
  steps: readonly Stage[];
  currentStep: number;
  ownerId: string | null;
  /** The owner's name in the CRM, when it could be read. */
  ownerName: string | null;
  sla: null | {
    status: ReturnType<typeof slaStatus>;
    assignedAt: string;
    dueAt: string;
    /** Business minutes left (negative once breached); null once touched. */
    businessMinutesLeft: number | null;
    firstTouchAt: string | null;
  };
  scores: null | {
    fit: number;
    engagement: number;
    grade: string;
    fitReasons: string[];
    engagementReasons: string[];
  };
  recycleCount: number;
  returns: Array<{
    at: string;
    byUserId: string | null;
    /** Who returned it, by name, when the CRM could say. */
    byName: string | null;
    reason: string;
    reasonLabel: string;
    note: string | null;
    outcome: Stage | null;
  }>;
  timeInStage: Array<{ stage: Stage; hours: number }>;
  returnable: boolean;
  notReturnableWhy: string | null;
  /** A disqualification in HubSpot's Leads workspace Baton holds: why, and since when (the rep can finish it here). */
  heldReturn: { why: string; disqualifiedAt: string } | null;
}

const NOT_RETURNABLE: Partial<Record<Stage, string>> = {
  inquiry: 'This lead has not been handed to sales yet.',
  mql: 'This lead is waiting to be assigned to a rep.',
  qualified: 'This lead is already an opportunity.',
  won: 'This lead became a customer.',
  lost: 'This opportunity was lost; it is back with marketing.',
  returned: 'This lead was already returned and is with marketing ops for review.',
  recycled: 'This lead is already back in nurture.',
  disqualified: 'This lead was disqualified.',
};

/** Why a lead in this stage cannot be returned, in the rep's words. */
export const whyNotReturnable = (stage: Stage): string =>
  NOT_RETURNABLE[stage] ?? 'This lead cannot be returned now.';

function calendarOf(policy: Policy, state: LeadState): BusinessCalendar {
  const base = { timeZone: policy.timeZone, week: policy.businessHours, holidays: policy.holidays };
  return policy.sla.useOwnerTimeZone ? inTimeZone(base, state.ownerTimeZone) : base;
}

function stepOf(stage: Stage, history: readonly LedgerEntry[]): number {
  const direct = SUCCESS_PATH.indexOf(stage);
  if (direct >= 0) return direct;
  // A detour shows the furthest success step the lead reached.
  return history.reduce((max, r) => Math.max(max, SUCCESS_PATH.indexOf(r.to)), 0);
}

function timeInStage(history: readonly LedgerEntry[], now: Date): Array<{ stage: Stage; hours: number }> {
  const moves = history.filter((r) => r.from !== r.to);
  const hours = new Map<Stage, number>();
  moves.forEach((r, i) => {
    const end = moves[i + 1]?.at ?? now;
    hours.set(r.to, (hours.get(r.to) ?? 0) + (end.getTime() - r.at.getTime()) / 3_600_000);
  });
  return [...hours].map(([stage, h]) => ({ stage, hours: Math.round(h * 10) / 10 }));
}

/** The CRM ids of the people a passport mentions (owner, who returned it), to look their names up. */
export function peopleIn(state: LeadState, history: readonly LedgerEntry[]): string[] {
  const ids = history.flatMap((r) =>
    r.to === 'returned' && r.actor.kind === 'user' ? [r.actor.userId] : [],
  );
  return [...new Set(state.ownerId ? [state.ownerId, ...ids] : ids)];
}

export function passportOf(
  state: LeadState,
  history: readonly LedgerEntry[],
  policy: Policy,
  now: Date,
  names: ReadonlyMap<string, string> = new Map(),
  held: { why: string; disqualifiedAt: Date } | null = null,
): Passport {
  const sla = state.sla;
  const returns = history
    .filter((r) => r.to === 'returned')
    .map((r) => {
      const after = history[history.indexOf(r) + 1];
      return {
        at: r.at.toISOString(),
        byUserId: r.actor.kind === 'user' ? r.actor.userId : null,
        byName: r.actor.kind === 'user' ? (names.get(r.actor.userId) ?? null) : null,
        reason: r.reason ?? '',
        reasonLabel: findReason(policy.reasons, r.reason ?? '')?.label ?? r.reason ?? '',
        note: r.note ?? null,
        outcome: after && after.from === 'returned' ? after.to : null,
      };
    });
  const returnable = RETURNABLE_STAGES.includes(state.stage);
  return {
    tracked: true,
    leadId: state.leadId,
    stage: state.stage,
    steps: SUCCESS_PATH,
    currentStep: stepOf(state.stage, history),
    ownerId: state.ownerId,
    ownerName: state.ownerId ? (names.get(state.ownerId) ?? null) : null,
    sla: sla
      ? {
          status: slaStatus(sla, sla.firstTouchAt, now),
          assignedAt: sla.assignedAt.toISOString(),
          dueAt: sla.dueAt.toISOString(),
          businessMinutesLeft: sla.firstTouchAt
            ? null
            : Math.round(businessMinutesLeft(sla.dueAt, now, calendarOf(policy, state))),
          firstTouchAt: sla.firstTouchAt?.toISOString() ?? null,
        }
      : null,
    scores: state.scores
      ? {
          fit: state.scores.fit,
          engagement: state.scores.engagement,
          grade: state.scores.grade,
          fitReasons: state.scores.fitReasons,
          engagementReasons: state.scores.engagementReasons,
        }
      : null,
    recycleCount: state.recycleCount,
    returns,
    timeInStage: timeInStage(history, now),
    returnable,
    notReturnableWhy: returnable ? null : whyNotReturnable(state.stage),
    heldReturn: held && { why: held.why, disqualifiedAt: held.disqualifiedAt.toISOString() },
  };
}
