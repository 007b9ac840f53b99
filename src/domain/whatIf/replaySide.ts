// One side of a what-if: every lead replayed under one policy, summed into the figures the report compares.
// The baseline and the proposal both go through here, so a difference between them is the policy's alone.
import type { LedgerEntry } from '../ledger.ts';
import { ratio } from '../funnel/stats.ts';
import type { BusinessCalendar } from '../sla/businessCalendar.ts';
import { fastCalendar } from './fastCalendar.ts';
import type { LeadIndex } from './leadIndex.ts';
import { replayLead, type ReplayTerms } from './replayLead.ts';
import { Tally } from './tally.ts';
import { MAX_REPS, type RepLoad, type WhatIfPolicy, type WhatIfSide } from './whatIfReport.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface SideResult {
  side: WhatIfSide;
  /** Per lead, in the index's order: its outcome bits (see OUTCOME). */
  outcomes: Uint16Array;
  unjudged: number;
  neverMql: number;
}

/** Terms of the replay from a policy; the calendar is laid out from `earliest` (the first row's instant). */
export function termsOf(
  policy: WhatIfPolicy,
  window: { from: number; to: number },
  earliest: number,
): ReplayTerms {
  const cal: BusinessCalendar = {
    timeZone: policy.timeZone,
    week: policy.businessHours,
    holidays: policy.holidays,
  };
  return {
    ...window,
    calendar: fastCalendar(cal, Math.min(earliest, window.from)),
    // Whole minutes, as slaTimeline rounds them.
    firstTouchMinutes: Math.round(policy.sla.firstTouchHours * 60),
    autoRecycleMinutes: Math.round(policy.sla.autoRecycleHours * 60),
    cooldownMs: policy.recycle.cooldownDays * DAY,
    maxRecycles: policy.recycle.maxRecycles,
    rejectCodes: new Set(policy.reasons.filter((r) => r.countsAsReject).map((r) => r.code)),
    rule: policy.mql,
    bands: policy.scoring.bands,
  };
}

function capacityOf(policy: WhatIfPolicy): (ownerId: string) => number {
  const routed = policy.routing.mode === 'round_robin' ? policy.routing.reps : [];
  const own = new Map(routed.flatMap((r) => (r.capacity === undefined ? [] : [[r.id, r.capacity] as const])));
  return (ownerId) => own.get(ownerId) ?? policy.capacity.openLeadsPerRep;
}

export function replaySide(
  rows: readonly LedgerEntry[],
  leads: LeadIndex,
  policy: WhatIfPolicy,
  window: { from: number; to: number },
  earliest: number,
): SideResult {
  const terms = termsOf(policy, window, earliest);
  const t = new Tally();
  const count = leads.ids.length;
  const outcomes = new Uint16Array(count);
  const run = { order: leads.order, start: 0, end: 0 };
  for (let i = 0; i < count; i++) {
    run.start = leads.starts[i] ?? 0;
    run.end = leads.starts[i + 1] ?? 0;
    outcomes[i] = replayLead(rows, run, terms, t);
  }
  const capacity = capacityOf(policy);
  const load: RepLoad[] = t
    .loads(window.from, window.to)
    .map(({ peak, end }, r) => {
      const ownerId = t.repIds[r] ?? '';
      const cap = capacity(ownerId);
      return { ownerId, peak, end, capacity: cap, overCapacity: peak > cap };
    })
    .filter((l) => l.peak > 0)
    .toSorted((a, b) => b.peak - a.peak || (a.ownerId < b.ownerId ? -1 : a.ownerId > b.ownerId ? 1 : 0));
  const rejectRate = ratio(t.rejects, t.handedOver);
  const meanHoldMs = t.holds > 0 ? t.holdMs / t.holds : null;
  const perRep = policy.capacity.openLeadsPerRep;
  // Capacity turns over once per mean hold: that many MQLs fit in the window (DESIGN.md §2, "sized to what
  // sales can work: reps × capacity at the measured pace").
  const capacityTotal = load.reduce((sum, l) => sum + l.capacity, 0);
  const allows =
    meanHoldMs && meanHoldMs > 0
      ? Math.floor((capacityTotal * (window.to - window.from)) / meanHoldMs)
      : null;
  const side: WhatIfSide = {
    mqls: t.mqls,
    droppedByMqlRule: t.droppedByMqlRule,
    wouldQualifyUnseen: t.wouldQualifyUnseen,
    handedOver: t.handedOver,
    breaches: t.breaches,
    autoRecycles: t.autoRecycles,
    reMqls: t.reMqls,
    reMqlsSuppressed: t.reMqlsSuppressed,
    exhausted: t.exhausted,
    rejects: t.rejects,
    rejectRate,
    rejectRateTarget: policy.rejectRateTarget,
    overTarget: rejectRate !== null && rejectRate > policy.rejectRateTarget,
    capacity: {
      perRep,
      reps: load.length,
      peakLoad: load.reduce((m, l) => Math.max(m, l.peak), 0),
      repsOverCapacity: load.filter((l) => l.overCapacity).length,
      meanHoldHours: meanHoldMs === null ? null : Math.round((meanHoldMs / HOUR) * 10) / 10,
      mqlsCapacityAllows: allows,
      mqlsOverCapacity: allows === null ? null : t.mqls > allows,
    },
    load: load.slice(0, MAX_REPS),
  };
  return { side, outcomes, unjudged: t.unjudged, neverMql: t.neverMql };
}
