// The rules of "Return to marketing", in one place for the quick action (c/returnToMarketing) and for Baton's simulated
// reps (sandbox/simulation/salesforceReturns.ts): whether the rep may return a lead now, and whether a return is valid
// by its reason's rules (the backend's checkReturnInput, src/domain/reasons.ts). Pure functions over plain values; the
// reasons and stages are passed in (the generated c/batonReasons), so this module imports nothing and Node can load it.

/**
 * A reason a rep may pick, as c/batonReasons lists them (REP_REASONS).
 * @typedef {object} RepReason
 * @property {string} code
 * @property {string} label
 * @property {string} bucket
 * @property {boolean} noteRequired
 * @property {boolean} reengageDateAllowed
 */

/**
 * A return as the rep fills it in.
 * @typedef {object} ReturnInput
 * @property {string} reason The reason's code.
 * @property {string | null} [note]
 * @property {string | null} [reengageAt] The re-engage date, YYYY-MM-DD; empty for none.
 */

/**
 * What is wrong with a return, by field, in the words the rep reads.
 * @typedef {object} ReturnProblem
 * @property {'reason' | 'note' | 'reengageAt'} field
 * @property {string} message
 */

/**
 * The lead as the quick action reads it (getRecord).
 * @typedef {object} LeadAsRead
 * @property {boolean} converted IsConverted.
 * @property {boolean} batonFieldsVisible Whether the rep can read Baton's fields (the "Baton" permission set).
 * @property {string | null} [stage] Baton_Stage__c; empty while Baton does not track the lead.
 * @property {string | null} [requestedAt] When a waiting return was requested (Baton_Return_Requested_At__c) as the
 *   rep reads it; empty when no return is waiting.
 */

/**
 * Where a return is allowed, as c/batonReasons gives it.
 * @typedef {object} ReturnableStages
 * @property {readonly string[]} returnableStages RETURNABLE_STAGES.
 * @property {Readonly<Record<string, string>>} notReturnableWhy NOT_RETURNABLE_WHY: why not, for the other stages.
 */

export const NO_PERMISSION =
  'You cannot return leads to marketing yet: ask your Salesforce admin to assign you the "Baton" permission set.';
export const NO_FIELD_ACCESS =
  'You cannot see Baton\'s fields on this lead: ask your Salesforce admin to assign you the "Baton" permission set.';
export const CONVERTED = 'This lead was converted, and Salesforce does not allow changes to converted leads.';
export const NOT_TRACKED =
  'Baton has not picked this lead up yet, so it cannot take it back. Baton starts tracking a lead when it is created or changes.';

/**
 * Why the rep cannot return the lead now, or null when they can. While the lead is loading (`lead` empty) only the
 * permission is known: null unless it is missing.
 * @param {{ hasPermission: boolean, lead?: LeadAsRead | null }} state
 * @param {ReturnableStages} stages
 * @returns {string | null}
 */
export function blockedReason(state, stages) {
  if (!state.hasPermission) return NO_PERMISSION;
  const lead = state.lead;
  if (!lead) return null;
  if (lead.converted) return CONVERTED;
  if (!lead.batonFieldsVisible) return NO_FIELD_ACCESS;
  if (lead.requestedAt) return `A return was already requested on ${lead.requestedAt}; Baton is handling it.`;
  const stage = lead.stage;
  if (!stage) return NOT_TRACKED;
  if (stages.returnableStages.includes(stage)) return null;
  return stages.notReturnableWhy[stage] || `This lead cannot be returned now (Baton stage: ${stage}).`;
}

/**
 * The reason a rep may pick with this code, if any.
 * @param {string} code
 * @param {readonly RepReason[]} reasons
 * @returns {RepReason | undefined}
 */
export function reasonOf(code, reasons) {
  return reasons.find((r) => r.code === code);
}

/**
 * Checks a return against its reason's rules, as Baton's backend does (checkReturnInput): the problems, empty when
 * the return is valid. Dates are YYYY-MM-DD; a re-engage date must be after `today`, the rep's own date.
 * @param {ReturnInput} input
 * @param {string} today YYYY-MM-DD.
 * @param {readonly RepReason[]} reasons The reasons a rep may pick (REP_REASONS).
 * @returns {ReturnProblem[]}
 */
export function checkReturn(input, today, reasons) {
  const reason = reasonOf(input.reason, reasons);
  if (!reason) return [{ field: 'reason', message: `"${input.reason}" is not a reason reps can pick` }];
  /** @type {ReturnProblem[]} */
  const problems = [];
  if (reason.noteRequired && !(input.note || '').trim()) {
    problems.push({ field: 'note', message: `A note is required for "${reason.label}"` });
  }
  if (input.reengageAt) {
    if (!reason.reengageDateAllowed) {
      problems.push({ field: 'reengageAt', message: `"${reason.label}" does not take a re-engage date` });
    } else if (input.reengageAt <= today) {
      problems.push({ field: 'reengageAt', message: 'The re-engage date must be in the future' });
    }
  }
  return problems;
}
