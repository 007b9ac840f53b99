// The demo's numbers read back from the sandbox Salesforce org: lead field values, campaign memberships, the
// org's request log, and Baton's writes as the org's change feed showed them (orgChangeFeed.ts). Same names as
// the portal's (portalMetrics.ts); what each means in Salesforce is in demoMetrics.ts.
import { SF_CLIENT_NAME, SF_FIELDS } from '../../src/crm/salesforce/batonFields.ts';
import type { LoggedRequest, Org, SalesforceState } from '../salesforce/index.ts';
import { listName, type DemoMetrics, type ExtraMetrics } from './demoMetrics.ts';
import type { OrgChangeFeed, OrgWrite } from './orgChangeFeed.ts';

/** Every stage a lead reaches only after marketing qualified it. */
const QUALIFIED_STAGES: ReadonlySet<unknown> = new Set([
  'mql',
  'assigned',
  'accepted',
  'qualified',
  'won',
  'lost',
  'returned',
  'recycled',
  'disqualified',
]);

/** Baton's API requests in the org's request log: its client name (Sforce-Call-Options), OAuth aside. */
export function batonOrgCalls(state: SalesforceState, orgId: string): LoggedRequest[] {
  return state.requests
    .all()
    .filter(
      (r) =>
        r.client === SF_CLIENT_NAME &&
        (r.orgId === undefined || r.orgId === orgId) &&
        !r.path.startsWith('/services/oauth2'),
    );
}

export const isFailedCall = (r: Pick<LoggedRequest, 'status'>): boolean => r.status >= 400 || r.status === 0;

function campaignMembers(org: Org, key: string): number {
  const campaign = org.campaigns().find((c) => c.values['Name'] === listName(key));
  return campaign ? org.campaignMembers(campaign.id).length : 0;
}

const valuesOf = (writes: readonly OrgWrite[], field: string): unknown[] =>
  writes.filter((w) => field in w.fields).map((w) => w.fields[field]);

/** The write that last made the lead "recycled" also set Baton_Returned_At__c: a rep's return. */
function recycledByReturn(writes: readonly OrgWrite[]): boolean {
  const last = writes.findLast((w) => w.fields[SF_FIELDS.stage] === 'recycled');
  return last !== undefined && (last.fields[SF_FIELDS.returnedAt] ?? null) !== null;
}

/** How often the stage went from "recycled" straight back into the funnel (mql, or assigned with an owner). */
function reQualified(writes: readonly OrgWrite[]): number {
  const stages = valuesOf(writes, SF_FIELDS.stage);
  return stages.filter((s, i) => (s === 'mql' || s === 'assigned') && stages[i - 1] === 'recycled').length;
}

export function orgMetrics(o: {
  state: SalesforceState;
  org: Org;
  feed: OrgChangeFeed;
}): DemoMetrics & ExtraMetrics {
  const { org, feed } = o;
  const leads = org.leads();
  const writes = leads.map((l) => ({ lead: l, writes: feed.writes(l.id) }));
  const countWrites = (field: string, match: (value: unknown) => boolean) =>
    writes.reduce((n, w) => n + valuesOf(w.writes, field).filter(match).length, 0);
  const stageIs = (stage: string) => leads.filter((l) => l.values[SF_FIELDS.stage] === stage).length;
  const calls = batonOrgCalls(o.state, org.id);
  return {
    leads: leads.length,
    mql: writes.filter((w) => valuesOf(w.writes, SF_FIELDS.stage).some((s) => QUALIFIED_STAGES.has(s)))
      .length,
    assigned: countWrites(SF_FIELDS.slaDueAt, (v) => v !== null),
    touchedInSla: countWrites(SF_FIELDS.slaStatus, (v) => v === 'met'),
    breached: countWrites(SF_FIELDS.slaStatus, (v) => v === 'breached'),
    recycledUntouched: campaignMembers(org, 'nurture_untouched'),
    returned: countWrites(SF_FIELDS.returnedAt, (v) => v !== null),
    recycledReturned: writes.filter(
      (w) => w.lead.values[SF_FIELDS.stage] === 'recycled' && recycledByReturn(w.writes),
    ).length,
    disqualified: stageIs('disqualified'),
    scoreWrites: feed.scoreWrites,
    apiCalls: calls.length,
    failedCalls: calls.filter(isFailedCall).length,
    reMql: writes.reduce((n, w) => n + reQualified(w.writes), 0),
    // Converting a lead freezes it: Baton cannot write "qualified" onto it, the conversion itself is the record.
    qualified: leads.filter((l) => l.values['IsConverted'] === true && l.values['ConvertedOpportunityId'])
      .length,
    won: countWrites(SF_FIELDS.stage, (v) => v === 'won'),
    inReview: campaignMembers(org, 'ops_review'),
  };
}
