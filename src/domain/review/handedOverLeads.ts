// Every lead handed to sales in the month, with where it stands now, and what reps said when they gave leads
// back (reason and note): the closed loop's raw material, lead by lead.
import type { LedgerEntry } from '../ledger.ts';
import { actorLabel } from '../ledger.ts';
import { findReason, type Reason, type ReasonBucket } from '../reasons.ts';
import type { Stage } from '../stages.ts';
import { historiesAt, isStageChange } from '../funnel/leadHistory.ts';
import { isHandover, isRepReturn } from '../funnel/rejectRate.ts';
import { inPeriod, type Period } from '../funnel/period.ts';
import { slaOutcomeOf } from '../funnel/slaCompliance.ts';

export interface LeadFeedback {
  leadId: string;
  at: string;
  reason: string | null;
  /** The reason's label in the tenant's taxonomy; null where the code is no longer in it. */
  label: string | null;
  bucket: ReasonBucket | null;
  countsAsReject: boolean;
  note: string | null;
  /** The lead's owner when it was returned (whose lead it was). */
  ownerId: string | null;
  /** Who clicked: 'the owner', or a manager or admin for them ('user …'), or Baton. */
  actor: string;
}

export interface HandedOverLead {
  leadId: string;
  /** The first hand-over in the month. */
  handedOverAt: string;
  /** Hand-overs in the month (a re-route after a reject counts again). */
  handovers: number;
  ownerId: string | null;
  source: string | null;
  campaign: string | null;
  grade: string | null;
  /** Where the lead stands at `asOf`, and since when. */
  status: Stage;
  statusSince: string;
  firstTouchAt: string | null;
  /** Whether that first touch (or a return before any touch) kept the SLA; null while unsettled. */
  slaMet: boolean | null;
  /** The rep returns after the hand-over (the latest last). */
  feedback: LeadFeedback[];
}

// HubSpot's user and owner ids differ: the actor carries its owner id where known.
const isOwner = (row: LedgerEntry): boolean =>
  row.actor.kind === 'user' &&
  row.ownerId !== null &&
  row.ownerId !== undefined &&
  (row.actor.ownerId === row.ownerId || row.actor.userId === row.ownerId);

export function feedbackOf(row: LedgerEntry, reasons: readonly Reason[]): LeadFeedback {
  const reason = row.reason === undefined ? undefined : findReason(reasons, row.reason);
  return {
    leadId: row.leadId,
    at: row.at.toISOString(),
    reason: row.reason ?? null,
    label: reason?.label ?? null,
    bucket: reason?.bucket ?? null,
    countsAsReject: reason?.countsAsReject ?? false,
    note: row.note ?? null,
    ownerId: row.ownerId ?? null,
    actor: isOwner(row) ? 'the owner' : actorLabel(row.actor),
  };
}

/** The rep returns in the month, oldest first. */
export function monthFeedback(
  rows: readonly LedgerEntry[],
  month: Period,
  reasons: readonly Reason[],
): LeadFeedback[] {
  return rows
    .filter((r) => isRepReturn(r) && inPeriod(r.at, month))
    .toSorted((a, b) => a.at.getTime() - b.at.getTime())
    .map((r) => feedbackOf(r, reasons));
}

function leadRow(
  history: readonly LedgerEntry[],
  month: Period,
  reasons: readonly Reason[],
): HandedOverLead | null {
  const handovers = history.filter((r) => isHandover(r) && inPeriod(r.at, month));
  const first = handovers[0];
  const last = history.findLast(isStageChange) ?? history.at(-1);
  if (!first || !last) return null;
  const after = history.filter((r) => r.at.getTime() >= first.at.getTime());
  const touch = after.find((r) => r.cause === 'first_touch');
  const settled = after.map(slaOutcomeOf).find((o) => o !== null);
  return {
    leadId: first.leadId,
    handedOverAt: first.at.toISOString(),
    handovers: handovers.length,
    ownerId: first.ownerId ?? null,
    source: first.context?.source ?? null,
    campaign: first.context?.campaign ?? null,
    grade: first.context?.grade ?? null,
    status: last.to,
    statusSince: last.at.toISOString(),
    firstTouchAt: touch?.at.toISOString() ?? null,
    slaMet: settled?.met ?? null,
    feedback: after.filter(isRepReturn).map((r) => feedbackOf(r, reasons)),
  };
}

/** The leads handed over in `month`, in hand-over order, each as the ledger knows it at `asOf`. */
export function handedOverLeads(
  rows: readonly LedgerEntry[],
  opts: { month: Period; asOf: Date; reasons: readonly Reason[] },
): HandedOverLead[] {
  return [...historiesAt(rows, opts.asOf).values()]
    .map((history) => leadRow(history, opts.month, opts.reasons))
    .filter((lead) => lead !== null)
    .toSorted((a, b) => a.handedOverAt.localeCompare(b.handedOverAt) || a.leadId.localeCompare(b.leadId));
}
