// What a sales rep will do with one hand-off, decided when it lands in their queue, by their profile: first
// touch on time or late, follow-ups, an opportunity and sometimes a win; or "Return to marketing" with a reason,
// before or after working it; or nothing at all (Baton auto-recycles those). CRM-neutral: reps.ts carries the plan
// out in the HubSpot portal, salesforceReps.ts in the Salesforce org.
import { afterBusinessHours } from './businessTime.ts';
import type { GeneratedLead } from './leadGenerator.ts';
import type { Dice } from './randomness.ts';
import type { RepProfile } from './repProfiles.ts';
import { untouchedReturn, workedReturn, type ReturnChoice } from './returnReasons.ts';

export type TouchKind = 'call' | 'email' | 'meeting';

/** What follows the hand-off's outcome (follow-ups, opportunities) is not waited for at the end. */
export type StepWeight = 'outcome' | 'extra';

export type HandoffStep = { at: number; weight: StepWeight } & (
  | { kind: 'touch'; touch: TouchKind }
  | {
      kind: 'return';
      choice: ReturnChoice;
      /** The card's idempotency key for this click, and whether the rep clicks twice. */
      requestId: string;
      doubleClick: boolean;
    }
  | { kind: 'opportunity' }
  | { kind: 'customer' }
);

const pickTouch = (d: Dice): TouchKind =>
  d.weighted<TouchKind>([
    ['call', 5],
    ['email', 4],
    ['meeting', 1],
  ]);

/** Leads a rep sends back before any contact most of the time. */
const isOddLead = (lead: GeneratedLead | undefined): boolean =>
  lead?.persona === 'student' || lead?.persona === 'job_seeker' || lead?.persona === 'competitor';

/** The rep's steps for one hand-off, in the order they are decided (which is the order they are planned in). */
export function planHandoff(o: {
  d: Dice;
  profile: RepProfile;
  lead: GeneratedLead | undefined;
  assignedAt: number;
  doubleClickShare: number;
}): HandoffStep[] {
  const { d, profile: p, lead } = o;
  const steps: HandoffStep[] = [];
  const touch = (at: number, kind: TouchKind, weight: StepWeight) =>
    steps.push({ at, weight, kind: 'touch', touch: kind });
  const lifecycle = (at: number, kind: 'opportunity' | 'customer') =>
    steps.push(kind === 'opportunity' ? { at, weight: 'extra', kind } : { at, weight: 'extra', kind });
  const giveBack = (at: number, choice: ReturnChoice) => {
    const requestId = d.hex(24);
    const doubleClick = d.chance(o.doubleClickShare);
    steps.push({ at, weight: 'outcome', kind: 'return', choice, requestId, doubleClick });
  };

  if (d.chance(p.ignore)) return steps;
  const oddLead = isOddLead(lead);
  const [lo, hi] = d.chance(p.inSla) ? p.onTimeHours : p.lateHours;
  const first = afterBusinessHours(o.assignedAt, d.between(lo, hi));
  if (d.chance(oddLead ? 0.8 : p.returnUntouched)) {
    giveBack(first, untouchedReturn(lead, d));
    return steps;
  }
  touch(first, pickTouch(d), 'outcome');
  const next = d.next();
  if (next < p.returnAfterTouch) {
    const choice = workedReturn(lead, d);
    let last = first;
    // "Unresponsive" comes after a few more attempts on other days.
    if (choice.reason === 'unresponsive')
      for (let i = d.int(1, 2); i > 0; i--) {
        last = afterBusinessHours(last, d.between(8, 20));
        touch(last, d.chance(0.5) ? 'call' : 'email', 'outcome');
      }
    giveBack(afterBusinessHours(last, d.between(4, 20)), choice);
  } else if (next < p.returnAfterTouch + p.opportunity) {
    const meeting = afterBusinessHours(first, d.between(8, 30));
    touch(meeting, 'meeting', 'extra');
    const opportunity = afterBusinessHours(meeting, d.between(4, 16));
    lifecycle(opportunity, 'opportunity');
    let last = opportunity;
    for (let i = 0; i < 2; i++) {
      last = afterBusinessHours(last, d.between(20, 48));
      touch(last, d.chance(0.5) ? 'meeting' : 'email', 'extra');
    }
    if (d.chance(0.4)) lifecycle(afterBusinessHours(last, d.between(8, 40)), 'customer');
  } else {
    let last = first;
    for (let i = d.int(1, 3); i > 0; i--) {
      last = afterBusinessHours(last, d.between(16, 48));
      touch(last, d.chance(0.6) ? 'email' : 'call', 'extra');
    }
  }
  return steps;
}

/** How a step shows in the simulation's plan ("diligent call", "average return not_ready"). */
export function stepLabel(profile: RepProfile, step: HandoffStep): string {
  switch (step.kind) {
    case 'touch':
      return `${profile.name} ${step.touch}`;
    case 'return':
      return `${profile.name} return ${step.choice.reason}`;
    default:
      return `${profile.name} ${step.kind}`;
  }
}
