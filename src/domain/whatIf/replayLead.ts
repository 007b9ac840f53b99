// One lead's observed ledger rows, replayed under a policy. The rows say what people did and when; the policy
// decides again what Baton would have done: whether an MQL row passes the rule, when the first-touch deadline
// and the auto-recycle fall, whether a re-MQL waited out the cooldown, and which recycle exhausts the lead.
// Once the replay takes a lead out of the funnel where the ledger did not (refused, auto-recycled, exhausted),
// the rows that followed are dropped until the next MQL row: what would have happened instead is not known.
// Only events inside the window count; the history before it sets the state (recycle count, clocks).
import type { LedgerEntry } from '../ledger.ts';
import { isHandover, isRepReturn } from '../funnel/rejectRate.ts';
import type { GradeBands } from '../scoring/grade.ts';
import type { MqlRule } from '../scoring/mqlRule.ts';
import type { FastCalendar } from './fastCalendar.ts';
import { judgeMql } from './judgeMql.ts';
import { OUTCOME, type Tally } from './tally.ts';

export interface ReplayTerms {
  from: number;
  to: number;
  calendar: FastCalendar;
  firstTouchMinutes: number;
  autoRecycleMinutes: number;
  cooldownMs: number;
  maxRecycles: number;
  /** Reason codes that count as a reject under the policy. */
  rejectCodes: ReadonlySet<string>;
  rule: MqlRule;
  bands: GradeBands;
}

/** Following the ledger; refused by the MQL rule; in nurture after a recycle; disqualified as exhausted. */
const IN = 0;
const OUT = 1;
const RECYCLED = 2;
const DONE = 3;

const isMqlEntry = (row: LedgerEntry): boolean =>
  row.to === 'mql' &&
  (row.cause === 'score_qualified' || row.cause === 'hand_raise' || row.cause === 're_engaged');

/** Rows Baton writes from its own SLA clock: the replay recomputes them from the policy instead. */
const isSlaMark = (row: LedgerEntry): boolean =>
  row.cause === 'sla_reminder' || row.cause === 'sla_breach' || row.cause === 'sla_escalated';

/** An untouched lead leaving sales at its recycle threshold, as the ledger recorded it. */
const isUntouchedExit = (row: LedgerEntry): boolean =>
  row.cause === 'sla_untouched' || (row.cause === 'exhausted' && row.from === 'assigned');

/** A row that stops a running first-touch clock: a touch, a return, an opportunity, an unassignment. */
const stopsClock = (row: LedgerEntry): boolean =>
  row.from === 'assigned' ||
  row.cause === 'first_touch' ||
  row.cause === 'rep_returned' ||
  row.cause === 'opportunity' ||
  row.cause === 'unassigned';

/** Replays one lead's rows (`rows[order[k]]` for k in [start, end), in time order) into `t`; its outcome bits. */
export function replayLead(
  rows: readonly LedgerEntry[],
  run: { order: Uint32Array; start: number; end: number },
  c: ReplayTerms,
  t: Tally,
): number {
  const lead = new LeadReplay(c, t);
  for (let k = run.start; k < run.end; k++) {
    const row = rows[run.order[k] ?? 0];
    if (!row) continue;
    const at = row.at.getTime();
    if (at >= c.to || !lead.step(row, at)) break;
  }
  return lead.finish();
}

/** The replay's state for one lead; each method is one of Baton's rules, applied under the replayed policy. */
class LeadReplay {
  private phase = IN;
  flags = 0;
  private recycles = 0;
  private recycledAt = -Infinity;
  private pending = false;
  private dueAt = 0;
  private recycleAt = 0;
  private holder = -1;
  private heldSince = 0;
  private handed = false;
  private candidate = false;
  private sawMqlRow = false;
  private readonly c: ReplayTerms;
  private readonly t: Tally;

  constructor(c: ReplayTerms, t: Tally) {
    this.c = c;
    this.t = t;
  }

  private inWindow(at: number): boolean {
    return at >= this.c.from && at < this.c.to;
  }

  /** One row; false once the lead is out of the funnel for good. */
  step(row: LedgerEntry, at: number): boolean {
    if (this.pending && at >= this.recycleAt) this.autoRecycle();
    if (this.phase === DONE) return false;
    if (isMqlEntry(row)) {
      this.sawMqlRow = true;
      if (!this.enterMql(row, at)) return true;
    } else if (this.phase !== IN || isSlaMark(row)) {
      return true;
    }
    if (this.pending && isUntouchedExit(row)) {
      // Untouched in fact, so assumed untouched until the policy's own threshold (earlier or later).
      this.autoRecycle();
      return true;
    }
    this.clock(row, at);
    const { c, t } = this;
    if (isRepReturn(row) && this.inWindow(at) && row.reason !== undefined && c.rejectCodes.has(row.reason)) {
      t.rejects += 1;
      this.flags |= OUTCOME.rejected;
    }
    if (row.to === 'recycled' || row.cause === 'exhausted') {
      this.recycle(at);
      return true;
    }
    // A rep's load is what capacity counts (routing, the SLA board): leads assigned and not yet worked.
    if (row.to !== 'assigned') this.release(at);
    else if (row.ownerId) this.hold(at, t.rep(row.ownerId));
    // Scores that pass the rule while the lead sits in marketing: a would-be MQL unless an MQL row follows.
    if (row.to === 'inquiry' && this.inWindow(at))
      this.candidate = judgeMql(row.context, false, c.rule, c.bands) === 'pass';
    return true;
  }

  /** An MQL row: held back by the cooldown, refused by the rule, or kept (true: go on with the row). */
  private enterMql(row: LedgerEntry, at: number): boolean {
    const { c, t } = this;
    const counted = this.inWindow(at);
    if (this.phase === RECYCLED && at < this.recycledAt + c.cooldownMs) {
      if (counted) {
        t.reMqlsSuppressed += 1;
        this.flags |= OUTCOME.reMqlSuppressed;
      }
      return false;
    }
    const verdict = judgeMql(row.context, row.cause === 'hand_raise', c.rule, c.bands);
    this.candidate = false;
    if (verdict === 'fail') {
      if (counted) {
        t.droppedByMqlRule += 1;
        this.flags |= OUTCOME.dropped;
      }
      this.release(at);
      this.pending = false;
      // A recycled lead stays recycled (its cooldown still runs from the recycle).
      if (this.phase !== RECYCLED) this.phase = OUT;
      return false;
    }
    if (counted) {
      if (verdict === 'unknown') t.unjudged += 1;
      t.mqls += 1;
      this.flags |= OUTCOME.mql;
      if (this.phase === RECYCLED) {
        t.reMqls += 1;
        this.flags |= OUTCOME.reMql;
      }
    }
    this.phase = IN;
    return true;
  }

  /** The first-touch clock: started (or restarted) by a hand-over, stopped by a touch, return or the like. */
  private clock(row: LedgerEntry, at: number): void {
    const { c } = this;
    if (isHandover(row)) {
      // A reassignment restarts the clock (as decide's assign does); the old deadline counts if it passed.
      if (this.pending) this.breachIfLate(at);
      this.pending = true;
      this.dueAt = c.calendar.addMinutes(at, c.firstTouchMinutes);
      this.recycleAt = c.calendar.addMinutes(at, c.autoRecycleMinutes);
      if (!this.handed && this.inWindow(at)) {
        this.handed = true;
        this.t.handedOver += 1;
        this.flags |= OUTCOME.handedOver;
      }
    } else if (this.pending && stopsClock(row)) {
      this.breachIfLate(at);
      this.pending = false;
    }
  }

  // Holds still open at the end are not measured (their length is not known yet): the mean hold is of closed ones.
  private release(at: number): void {
    if (this.holder < 0) return;
    this.t.load(at, this.holder, -1);
    this.t.holdMs += at - this.heldSince;
    this.t.holds += 1;
    this.holder = -1;
  }

  private hold(at: number, rep: number): void {
    if (this.holder === rep) return;
    this.release(at);
    this.holder = rep;
    this.heldSince = at;
    this.t.load(at, rep, 1);
  }

  private breachIfLate(stoppedAt: number): void {
    if (stoppedAt > this.dueAt && this.inWindow(this.dueAt)) {
      this.t.breaches += 1;
      this.flags |= OUTCOME.breached;
    }
  }

  /** A recycle, or disqualification as exhausted when it would pass the limit (as decide's recycle does). */
  private recycle(at: number): void {
    this.release(at);
    this.pending = false;
    if (this.recycles + 1 > this.c.maxRecycles) {
      this.phase = DONE;
      if (this.inWindow(at)) {
        this.t.exhausted += 1;
        this.flags |= OUTCOME.exhausted;
      }
      return;
    }
    this.recycles += 1;
    this.recycledAt = at;
    this.phase = RECYCLED;
  }

  private autoRecycle(): void {
    this.breachIfLate(this.recycleAt);
    if (this.inWindow(this.recycleAt)) {
      this.t.autoRecycles += 1;
      this.flags |= OUTCOME.autoRecycled;
    }
    this.recycle(this.recycleAt);
  }

  /** The end of the window: a clock still running fires what falls before it. */
  finish(): number {
    if (this.phase === IN && this.pending) {
      if (this.recycleAt < this.c.to) this.autoRecycle();
      else this.breachIfLate(this.c.to);
    }
    if (!this.sawMqlRow) this.t.neverMql += 1;
    if (this.candidate && this.phase === IN) {
      this.t.wouldQualifyUnseen += 1;
      this.flags |= OUTCOME.wouldQualify;
    }
    return this.flags;
  }
}
