// Test builders for the domain: instants in a zone, policies, leads in a given stage, and a way to play a
// story of events through `decide`. Used only by tests; pure like the rest of the domain.
import { DateTime } from 'luxon';
import { decide } from '../decide/decide.ts';
import type { Decision, DecisionContext } from '../decide/draft.ts';
import type { Effect, EffectKind } from '../decide/effect.ts';
import type { LeadEvent } from '../decide/leadEvent.ts';
import { newLeadState, type LeadState } from '../decide/leadState.ts';
import type { LedgerEntry } from '../ledger.ts';
import { parsePolicy, type Policy, type PolicyInput } from '../policy/schema.ts';
import type { EngagementEvent, EngagementType, LeadProfile } from '../scoring/profile.ts';
import { scoreCard } from '../scoring/scoreCard.ts';
import type { BusinessCalendar, WorkingInterval } from '../sla/businessCalendar.ts';
import type { Stage } from '../stages.ts';

export const NY = 'America/New_York';

/** The instant of a local wall-clock time, e.g. `local('2026-01-09T15:00')` (New York by default). */
export function local(wallClock: string, zone: string = NY): Date {
  const t = DateTime.fromISO(wallClock, { zone });
  if (!t.isValid) throw new Error(`bad test time ${wallClock} in ${zone}`);
  return t.toJSDate();
}

/** An absolute instant, e.g. `utc('2026-01-09T20:00Z')`. */
export const utc = (iso: string): Date => new Date(iso);

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const plus = (t: Date, ms: number): Date => new Date(t.getTime() + ms);

const nineToFive: WorkingInterval[] = [{ start: '09:00', end: '17:00' }];

/** Mon–Fri 09:00–17:00 New York unless told otherwise. */
export function calendar(
  over: Partial<BusinessCalendar> & { days?: Partial<BusinessCalendar['week']> } = {},
) {
  const { days, ...rest } = over;
  const cal: BusinessCalendar = {
    timeZone: NY,
    week: {
      mon: nineToFive,
      tue: nineToFive,
      wed: nineToFive,
      thu: nineToFive,
      fri: nineToFive,
      sat: [],
      sun: [],
      ...days,
    },
    holidays: [],
    ...rest,
  };
  return cal;
}

export function policyWith(input: PolicyInput = {}): Policy {
  const result = parsePolicy(input);
  if (!result.ok) throw new Error(`test policy is invalid: ${JSON.stringify(result.problems)}`);
  return result.policy;
}

export const DEFAULT = policyWith();

export function ctx(now: Date, over: Partial<DecisionContext> = {}): DecisionContext {
  return { policy: DEFAULT, measuredCycle: {}, ...over, now };
}

/** A lead that already sits in `stage` since `at`. */
export function leadAt(stage: Stage, at: Date, init: Partial<LeadState> = {}): LeadState {
  return newLeadState(init.leadId ?? 'lead-1', at, { stage, stageEnteredAt: at, ...init });
}

export const ev = (type: EngagementType, at: Date, detail?: string): EngagementEvent =>
  detail === undefined ? { type, at } : { type, at, detail };

/** Fit 90 with the default model (size 25, core industry 20, served country 10, VP 25, company email 10): A. */
export const STRONG_FIT: LeadProfile = {
  email: 'ana@acme.io',
  employees: 500,
  industry: 'Software',
  country: 'US',
  title: 'VP Marketing',
  source: 'webinar',
  campaign: 'q1-launch',
};

/** Fit 45 with the default model (size 25, served country 10, company email 10): C. */
export const MIDDLING_FIT: LeadProfile = {
  email: 'joe@acme.io',
  employees: 500,
  country: 'US',
  title: 'Engineer',
};

/** Fit 0 with the default model (free email −15, student −30, clamped): D. */
export const POOR_FIT: LeadProfile = { email: 'kid@gmail.com', title: 'Student' };

export interface Story {
  state: LeadState;
  decisions: Decision[];
  ledger: LedgerEntry[];
  effects: Effect[];
}

/**
 * Plays events through `decide`, each decided at its own time unless `now` says otherwise, and collects
 * what happened. A refused decision fails the story.
 */
export function play(
  start: LeadState,
  events: readonly LeadEvent[],
  over: Partial<DecisionContext> = {},
): Story {
  let state = start;
  const decisions: Decision[] = [];
  for (const event of events) {
    const result = decide(state, event, ctx(event.at, over));
    if (!result.ok) throw new Error(`decision refused: ${JSON.stringify(result.problem)}`);
    decisions.push(result.decision);
    state = result.decision.state;
  }
  return {
    state,
    decisions,
    ledger: decisions.flatMap((d) => d.ledger),
    effects: decisions.flatMap((d) => d.effects),
  };
}

/** Decides one event and fails when the decision is refused. */
export function decided(state: LeadState, event: LeadEvent, over: Partial<DecisionContext> = {}): Decision {
  return play(state, [event], over).decisions[0] ?? fail('no decision');
}

function fail(message: string): never {
  throw new Error(message);
}

/**
 * A strong-fit lead that became an MQL at `at` (a meeting booked: fit 90, engagement 35, A2) and was handed to
 * `ownerId` (manager mgr-1) by the CRM at the same instant, all through `decide`, so its SLA clock is the real
 * one. `after` overrides fields of the resulting state (recycle count, lists, …).
 */
export function assignedLead(
  ownerId: string,
  at: Date,
  over: Partial<DecisionContext> = {},
  after: Partial<LeadState> = {},
): LeadState {
  const { state } = play(
    leadAt('inquiry', at),
    [
      { kind: 'observed', at, profile: STRONG_FIT, engagement: [ev('meeting_booked', at)] },
      { kind: 'owner_changed', at, ownerId, managerId: 'mgr-1', actor: { kind: 'crm' } },
    ],
    over,
  );
  if (state.stage !== 'assigned') throw new Error(`expected an assigned lead, got ${state.stage}`);
  return { ...state, ...after };
}

/** The scores Baton would have written for this profile and engagement at `at` (default model). */
export function scoresAt(profile: LeadProfile, events: readonly EngagementEvent[], at: Date, since?: Date) {
  return scoreCard({ profile, events, engagementSince: since ?? null }, DEFAULT.scoring, at);
}

export function effectsOf<K extends EffectKind>(effects: readonly Effect[], kind: K) {
  return effects.filter((e): e is Extract<Effect, { kind: K }> => e.kind === kind);
}

export function writtenFields(effects: readonly Effect[]) {
  return effectsOf(effects, 'write_fields').map((e) => e.fields);
}

export const causes = (ledger: readonly LedgerEntry[]) => ledger.map((r) => r.cause);
export const moves = (ledger: readonly LedgerEntry[]) => ledger.map((r) => `${r.from ?? '∅'}→${r.to}`);
