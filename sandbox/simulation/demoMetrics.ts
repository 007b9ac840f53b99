// The demo's numbers and what each one means. The same definitions are computed twice per CRM: from the sandbox
// portal's or org's own state (portalMetrics.ts, orgMetrics.ts) and from Baton's store (scripts/demo.ts); the
// demo fails when the two disagree. A hand-off is one assignment of a lead to a rep (a lead re-qualified later
// can have several).
import { DEFAULT_NURTURE_LISTS } from '../../src/domain/reasons.ts';

export const METRIC_DEFINITIONS = {
  leads: 'contacts in the portal / leads Baton tracks',
  mql: 'contacts that became MQL at least once (baton_stage history has "mql" / ledger rows into mql)',
  assigned:
    'hand-offs: each assignment starts an SLA (non-empty versions of baton_sla_due_at / ledger rows into assigned: assigned, reassigned, review resolved)',
  touchedInSla:
    'hand-offs first touched within the SLA (versions "met" of baton_sla_status / first_touch ledger rows with slaMet)',
  breached:
    'hand-offs whose first-touch deadline passed untouched (versions "breached" of baton_sla_status / sla_breach ledger rows)',
  recycledUntouched:
    'leads now in "Baton · Nurture: never worked" (list members / leads whose state lists nurture_untouched)',
  returned:
    'accepted "Return to marketing" clicks (non-empty versions of baton_returned_at / rep_returned ledger rows into returned)',
  recycledReturned:
    'leads now in nurture because a rep returned them for a timing reason (baton_stage "recycled" written together with baton_returned_at, i.e. the recycle was the return / leads in stage recycled whose last ledger row into recycled is a rep_returned one)',
  disqualified: 'leads now disqualified (baton_stage / leads table stage)',
  scoreWrites:
    'Baton writes that changed a score property of a contact (the portal change feed: property changes of baton_fit_score, baton_engagement_score, baton_grade, baton_score_reasons by Baton’s app, one per contact and write instant / applied write_fields effects with a score field, one per lead and flush batch)',
  apiCalls:
    'API requests Baton made to the portal (request-log entries under Baton’s app, plus API requests refused as unauthenticated — Baton is the demo’s only API client / outbound sync-log rows; token requests are in neither)',
  failedCalls:
    'of those, answered with an error (status ≥ 400 incl. 429, and the provisioning look-ups answered 404 before Baton creates its lists / outbound sync-log rows not ok)',
} as const;

export type MetricName = keyof typeof METRIC_DEFINITIONS;
export const METRIC_NAMES = Object.keys(METRIC_DEFINITIONS) as MetricName[];
export type DemoMetrics = Record<MetricName, number>;

/** Not in the JSON line, shown in the table and compared too. */
export const EXTRA_DEFINITIONS = {
  reMql:
    'times a recycled lead became MQL again ("mql" versions right after a "recycled" one / ledger rows recycled → mql)',
  qualified: 'times a lead became an opportunity (versions "qualified" / ledger rows into qualified)',
  won: 'leads won (versions "won" / ledger rows into won)',
  inReview:
    'leads waiting in "Baton · Returned for review" (list members / leads whose state lists ops_review)',
} as const;

export type ExtraName = keyof typeof EXTRA_DEFINITIONS;
export const EXTRA_NAMES = Object.keys(EXTRA_DEFINITIONS) as ExtraName[];
export type ExtraMetrics = Record<ExtraName, number>;

/** The same numbers in the Salesforce org (org / Baton); Baton's side is read as for the portal, for the org's tenant. */
export const SALESFORCE_DEFINITIONS: Readonly<Record<MetricName | ExtraName, string>> = {
  leads: 'leads in the org / leads Baton tracks for the org',
  mql: 'leads that became MQL at least once (the org’s change feed has Baton writing Baton_Stage__c as mql or a later stage — a lead that already has an owner gets mql and assigned in one write / ledger rows into mql)',
  assigned:
    'hand-offs: each starts an SLA (Baton writes that set Baton_SLA_Due__c, from the change feed / ledger rows into assigned: assigned, reassigned, review resolved)',
  touchedInSla:
    'hand-offs first touched within the SLA (Baton writes of Baton_SLA_Status__c = "met" / first_touch ledger rows with slaMet)',
  breached:
    'hand-offs whose first-touch deadline passed untouched (Baton writes of Baton_SLA_Status__c = "breached" / sla_breach ledger rows)',
  recycledUntouched:
    'leads now in the campaign "Baton · Nurture: never worked" (campaign members / leads whose state lists nurture_untouched)',
  returned:
    'quick-action returns Baton took (Baton writes that set Baton_Returned_At__c / rep_returned ledger rows into returned)',
  recycledReturned:
    'leads now in nurture because a rep returned them for a timing reason (Baton_Stage__c is "recycled" and Baton’s write that made it so also set Baton_Returned_At__c / leads in stage recycled whose last ledger row into recycled is a rep_returned one)',
  disqualified: 'leads now disqualified (Baton_Stage__c / leads table stage)',
  scoreWrites:
    'Baton writes that changed a score field of a lead (the change feed: Baton_Fit__c, Baton_Engagement__c, Baton_Grade__c or Baton_Score_Reasons__c among the changed fields of a client=Baton change, one per lead and transaction / applied write_fields effects with a score field, one per lead and flush batch, up to the batch that wrote "qualified": a converted lead refuses every write, which Baton takes as done)',
  apiCalls:
    'API requests Baton made to the org (request-log entries with Sforce-Call-Options client=Baton; Pub/Sub API calls and OAuth token requests are in neither / outbound sync-log rows of the org’s tenant)',
  failedCalls: 'of those, answered with an error (status ≥ 400 / outbound sync-log rows not ok)',
  reMql:
    'times a recycled lead came back into the funnel (Baton_Stage__c written mql or assigned right after recycled / ledger rows recycled → mql); the org has no engagement after the form, so 0',
  qualified:
    'times a lead became an opportunity (leads converted with an opportunity — a converted lead is frozen, so Baton cannot write "qualified" onto it / ledger rows into qualified)',
  won: 'leads won (Baton writes of Baton_Stage__c = "won" / ledger rows into won); deals are won on the opportunity, so 0',
  inReview:
    'leads waiting in the campaign "Baton · Returned for review" (campaign members / leads whose state lists ops_review)',
};

export const SCORE_PROPERTIES = [
  'baton_fit_score',
  'baton_engagement_score',
  'baton_grade',
  'baton_score_reasons',
] as const;

export const listName = (key: string): string => {
  const list = DEFAULT_NURTURE_LISTS.find((l) => l.key === key);
  if (!list) throw new Error(`No nurture list "${key}"`);
  return list.name;
};

export interface Disagreement {
  metric: string;
  /** The CRM's own number (the portal's or the org's). */
  portal: number;
  baton: number;
}

export function disagreements(
  portal: Readonly<Record<string, number>>,
  baton: Readonly<Record<string, number>>,
): Disagreement[] {
  return Object.keys(portal)
    .filter((k) => portal[k] !== baton[k])
    .map((k) => ({ metric: k, portal: portal[k] ?? NaN, baton: baton[k] ?? NaN }));
}
