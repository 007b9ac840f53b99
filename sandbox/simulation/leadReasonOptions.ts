// What a rep working Lead records picks in HubSpot's "Disqualify" dialog for what the simulation means them to
// say (returnReasons.ts gives it as Baton's reason code), and the note they write. The portal offers fewer reasons
// than Baton knows, so the rep picks the option nearest in meaning and bucket: timing reasons have their own
// options; permanent ones (competitor, spam, partner) are "Not a Good Fit"; problems marketing ops must fix
// (bad data, duplicate, wrong owner, existing customer, already in a deal) are "Wrong Data". A careful rep writes a
// note where Baton's reason needs one; now and then a rep leaves the reason empty, which HubSpot allows.
import type { Dice } from './randomness.ts';
import type { ReturnChoice } from './returnReasons.ts';

/** hs_lead_disqualification_reason's option values in the sandbox portal. */
export const LEAD_REASON_OPTIONS = [
  'BAD_TIMING',
  'BUDGET_CONSTRAINTS',
  'NO_DECISION_MAKING_POWER',
  'COMPETITOR_PREFERENCE',
  'NOT_A_GOOD_FIT',
  'NO_COMMERCIAL_INTEREST',
  'PRIOR_NEGATIVE_EXPERIENCE',
  'TECHNICAL_LIMITATIONS',
  'WRONG_DATA',
  'NO_RESPONSE',
] as const;

export type LeadReasonOption = (typeof LEAD_REASON_OPTIONS)[number];

/** Baton reason code (the simulation's intent) → the option a rep picks for it. */
export const OPTION_FOR_REASON: Readonly<Record<string, LeadReasonOption>> = {
  not_ready: 'BAD_TIMING',
  no_budget: 'BUDGET_CONSTRAINTS',
  no_authority: 'NO_DECISION_MAKING_POWER',
  unresponsive: 'NO_RESPONSE',
  education_only: 'NO_COMMERCIAL_INTEREST',
  not_our_market: 'NOT_A_GOOD_FIT',
  competitor: 'NOT_A_GOOD_FIT',
  spam: 'NOT_A_GOOD_FIT',
  partner_vendor: 'NOT_A_GOOD_FIT',
  bad_data: 'WRONG_DATA',
  duplicate: 'WRONG_DATA',
  wrong_owner: 'WRONG_DATA',
  existing_customer: 'WRONG_DATA',
  already_in_pipeline: 'WRONG_DATA',
};

/** Options whose Baton reason needs a note (no_authority, not_our_market, bad_data under the default map). */
const NOTE_NEEDED: ReadonlySet<LeadReasonOption> = new Set([
  'NO_DECISION_MAKING_POWER',
  'NOT_A_GOOD_FIT',
  'WRONG_DATA',
]);

/** Notes for intents whose card return carries none: the option alone would not say what the rep meant. */
const NOTE_FOR_REASON: Readonly<Record<string, string>> = {
  spam: 'Spam: made-up name and company.',
  partner_vendor: 'A partner/vendor, not a buyer.',
  wrong_owner: 'Outside my territory: belongs to another team.',
  existing_customer: 'Already a customer: the account team owns them.',
  already_in_pipeline: 'Already in an open deal with us.',
};

/** Share of disqualifications saved with the reason left empty. */
export const NO_REASON_SHARE = 0.12;

export interface LeadDisqualification {
  reason: LeadReasonOption | null;
  note: string | null;
}

export function leadDisqualification(choice: ReturnChoice, d: Dice): LeadDisqualification {
  // Drawn first, so the reason-less share does not depend on the intent.
  if (d.chance(NO_REASON_SHARE)) return { reason: null, note: null };
  return intendedDisqualification(choice);
}

/** The option and note that say what the rep means: what they pick, at once or when they come back to it. */
export function intendedDisqualification(choice: ReturnChoice): {
  reason: LeadReasonOption;
  note: string | null;
} {
  const reason = OPTION_FOR_REASON[choice.reason];
  if (!reason) throw new Error(`No disqualification reason option for "${choice.reason}"`);
  const note = choice.note ?? NOTE_FOR_REASON[choice.reason] ?? null;
  if (note === null && NOTE_NEEDED.has(reason))
    throw new Error(`"${choice.reason}" as ${reason} needs a note the simulation does not write`);
  return { reason, note };
}
