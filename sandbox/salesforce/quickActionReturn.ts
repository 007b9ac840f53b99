// Baton's "Return to marketing" quick action as a rep uses it on a Lead record in the org: it reads the lead as the
// LWC does (getRecord), refuses through the package's own rules (c/batonReturnRules with the generated
// c/batonReasons: a return already waiting, a stage that cannot be returned, a converted lead, a reason's note or
// date rules), and otherwise saves the request into the Lead's return-request fields as the rep (the LWC's
// lightning/uiRecordApi updateRecord). The simulated reps and the tests return leads only through this, so a
// regression in the guard or in how Baton answers it fails them too.
import { SF_FIELDS, SF_RETURN_REQUEST } from '../../src/crm/salesforce/batonFields.ts';
import {
  NOT_RETURNABLE_WHY,
  REP_REASONS,
  RETURNABLE_STAGES,
} from '../../extensions/salesforce/force-app/main/default/lwc/batonReasons/batonReasons.js';
import {
  blockedReason,
  checkReturn,
} from '../../extensions/salesforce/force-app/main/default/lwc/batonReturnRules/batonReturnRules.js';
import type { Org } from './state/org.ts';

export interface QuickActionInput {
  reason: string;
  note?: string | null;
  /** The re-engage date the rep picks, YYYY-MM-DD. */
  reengageOn?: string | null;
}

export type QuickActionOutcome = { saved: true } | { saved: false; why: string };

const textOf = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

/** Why the quick action would not open for this lead now (null when it would). */
export function quickActionBlocked(org: Org, leadId: string): string | null {
  const values = org.lead(leadId)?.values;
  return blockedReason(
    {
      // The org's reps have the "Baton" permission set, so they may return leads and see Baton's fields.
      hasPermission: true,
      lead: values && {
        converted: values['IsConverted'] === true,
        batonFieldsVisible: true,
        stage: textOf(values[SF_FIELDS.stage]),
        requestedAt: textOf(values[SF_RETURN_REQUEST.requestedAt]),
      },
    },
    { returnableStages: RETURNABLE_STAGES, notReturnableWhy: NOT_RETURNABLE_WHY },
  );
}

/** The rep fills in the quick action and saves it at `atMs`. */
export function quickActionReturn(
  org: Org,
  leadId: string,
  userId: string,
  input: QuickActionInput,
  atMs: number,
): QuickActionOutcome {
  const blocked = quickActionBlocked(org, leadId);
  if (blocked) return { saved: false, why: blocked };
  const today = new Date(atMs).toISOString().slice(0, 10);
  const form = { reason: input.reason, note: input.note ?? '', reengageAt: input.reengageOn ?? '' };
  const problems = checkReturn(form, today, REP_REASONS);
  if (problems.length > 0) return { saved: false, why: problems.map((p) => p.message).join(' ') };
  org.updateAsUser(
    leadId,
    {
      [SF_RETURN_REQUEST.reason]: input.reason,
      [SF_RETURN_REQUEST.note]: input.note || null,
      [SF_RETURN_REQUEST.reengageAt]: input.reengageOn || null,
      [SF_RETURN_REQUEST.requestedAt]: new Date(atMs).toISOString(),
    },
    userId,
  );
  return { saved: true };
}
