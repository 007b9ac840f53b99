// The demo's figures about HubSpot Lead records (0-136), read from the sandbox portal alone: how many the run
// created, how many were disqualified, and how many of those contacts Baton put in the list their reason leads to
// (list memberships at the end: a contact recycled later for another cause, e.g. untouched, does not count).
// Baton's store has no counterpart yet, so they are printed beside the compared numbers, not compared.
import { DEFAULT_LEAD_REASON_MAP, mappedReason } from '../../src/domain/policy/leadObjects.ts';
import { DEFAULT_NURTURE_LISTS, DEFAULT_REASONS, findReason } from '../../src/domain/reasons.ts';
import type { Portal } from '../hubspot/index.ts';
import type { CrmRecord } from '../hubspot/model/crmRecord.ts';

export const LEAD_OBJECT_DEFINITIONS = {
  leadObjects:
    'Lead records created in the portal during the run (the workflow or ops create one when they hand a contact to a rep who works the prospecting workspace)',
  leadObjectsDisqualified:
    'of those, records moved to a Disqualified stage of their pipeline (hs_pipeline_stage history), with or without a reason',
  leadObjectReturnsRecycled:
    'contacts with a Lead record disqualified with a reason Baton’s default policy maps, now in the list that reason sends them to (e.g. Bad Timing → "Baton · Nurture: timing and budget", Wrong Data → "Baton · Returned for review"; reasons without a list, such as Not a Good Fit, never count) — list members, Baton’s store is not read',
} as const;

export type LeadObjectName = keyof typeof LEAD_OBJECT_DEFINITIONS;
export const LEAD_OBJECT_NAMES = Object.keys(LEAD_OBJECT_DEFINITIONS) as LeadObjectName[];
export type LeadObjectMetrics = Record<LeadObjectName, number>;

const DEFAULT_LEAD_POLICY = { enabled: true, reasonMap: { ...DEFAULT_LEAD_REASON_MAP } };
const isDisqualifiedStage = (portal: Portal, lead: CrmRecord, stageId: string): boolean =>
  portal.leadPipelines.stage(lead.properties['hs_pipeline'] ?? '', stageId)?.role === 'disqualified';

/** The record was in a Disqualified stage at some point (as far as its stage history reaches). */
const everDisqualified = (portal: Portal, lead: CrmRecord): boolean =>
  (lead.history['hs_pipeline_stage'] ?? []).some((v) => isDisqualifiedStage(portal, lead, v.value)) ||
  isDisqualifiedStage(portal, lead, lead.properties['hs_pipeline_stage'] ?? '');

/** The list Baton's default policy puts the contact in for the lead's disqualification, when it is one with a list. */
function listForDisqualification(portal: Portal, lead: CrmRecord): string | undefined {
  const option = lead.properties['hs_lead_disqualification_reason'];
  if (!option || !isDisqualifiedStage(portal, lead, lead.properties['hs_pipeline_stage'] ?? ''))
    return undefined;
  const code = mappedReason(DEFAULT_LEAD_POLICY, { value: option, label: null });
  const key = code === undefined ? undefined : findReason(DEFAULT_REASONS, code)?.nurtureList;
  return DEFAULT_NURTURE_LISTS.find((l) => l.key === key)?.name;
}

const inList = (portal: Portal, name: string, contactId: string): boolean =>
  portal.lists.byName('0-1', name)?.members.has(contactId) ?? false;

/** Lead records created from `sinceMs` on (the run's start) and what became of them. */
export function leadObjectMetrics(portal: Portal, sinceMs: number): LeadObjectMetrics {
  const leads = portal.leads().filter((l) => l.createdAt >= sinceMs);
  const returned = portal.contacts().filter((c) =>
    portal
      .leadsOfContact(c.id)
      .filter((l) => l.createdAt >= sinceMs)
      .some((l) => {
        const list = listForDisqualification(portal, l);
        return list !== undefined && inList(portal, list, c.id);
      }),
  );
  return {
    leadObjects: leads.length,
    leadObjectsDisqualified: leads.filter((l) => everDisqualified(portal, l)).length,
    leadObjectReturnsRecycled: returned.length,
  };
}
