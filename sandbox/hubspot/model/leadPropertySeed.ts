// Seeded properties of the Leads object (0-136). Names from HubSpot's Leads guide
// (https://developers.hubspot.com/docs/api-reference/crm-leads-v3/guide: hs_lead_name, hs_lead_type, hs_lead_label,
// hs_pipeline, hs_pipeline_stage) and from public code reading real portals (hs_lead_disqualification_reason,
// hs_lead_disqualification_note, hs_lead_first_outreach_date), which the guide does not list. Option values the docs
// do not publish are marked as ours.
import type { PropertyGroup } from './propertyDefinition.ts';
import { group, seed, type SeedProperty } from './propertySeed.ts';

const RO = { readOnlyValue: true } as const;
const GROUP = 'lead_information'; // group name not published; ours

/**
 * Disqualification reasons: the labels are the ones public code shows for HubSpot's default options. Internal
 * values are UPPER_SNAKE of the labels; only NOT_A_GOOD_FIT is seen in public notes about a real portal, the
 * others are NOT verified.
 */
export const DISQUALIFICATION_REASONS = [
  ['BAD_TIMING', 'Bad Timing'],
  ['BUDGET_CONSTRAINTS', 'Budget Constraints'],
  ['NO_DECISION_MAKING_POWER', 'No Decision-making Power'],
  ['COMPETITOR_PREFERENCE', 'Competitor Preference'],
  ['NOT_A_GOOD_FIT', 'Not a Good Fit'],
  ['NO_COMMERCIAL_INTEREST', 'No Commercial Interest'],
  ['PRIOR_NEGATIVE_EXPERIENCE', 'Prior Negative Experience'],
  ['TECHNICAL_LIMITATIONS', 'Technical Limitations'],
  ['WRONG_DATA', 'Wrong Data'],
  ['NO_RESPONSE', 'No Response'],
] as const;

// Labels from a HubSpot customer's lead-handling guide (New business, Upsell, Re-attempting) and the Leads guide
// (Hot, Warm, Cold); internal values are ours.
const LEAD_TYPES = [
  ['NEW_BUSINESS', 'New business'],
  ['UPSELL', 'Upsell'],
  ['RE_ATTEMPTING', 'Re-attempting'],
] as const;
const LEAD_LABELS = [
  ['HOT', 'Hot'],
  ['WARM', 'Warm'],
  ['COLD', 'Cold'],
] as const;

type Options = ReadonlyArray<readonly [value: string, label: string]>;

/** The lead properties; hs_pipeline and hs_pipeline_stage take their options from the portal's pipelines. */
export function leadProperties(pipelines: Options, stages: Options): SeedProperty[] {
  return [
    seed('hs_lead_name', 'Lead name', 'string', GROUP),
    seed('hs_pipeline', 'Pipeline', 'enumeration', GROUP, { options: pipelines }),
    seed('hs_pipeline_stage', 'Lead stage', 'enumeration', GROUP, { options: stages }),
    seed('hs_lead_type', 'Lead type', 'enumeration', GROUP, { options: LEAD_TYPES }),
    seed('hs_lead_label', 'Lead label', 'enumeration', GROUP, { options: LEAD_LABELS }),
    seed('hs_lead_disqualification_reason', 'Disqualification reason', 'enumeration', GROUP, {
      options: DISQUALIFICATION_REASONS,
    }),
    seed('hs_lead_disqualification_note', 'Disqualification note', 'string', GROUP, {
      fieldType: 'textarea',
    }),
    seed('hs_lead_first_outreach_date', 'First outreach date', 'datetime', GROUP, RO),
    seed('hubspot_owner_id', 'Lead owner', 'enumeration', GROUP, { referencedObjectType: 'OWNER' }),
    // Set when the owner changes, as on contacts (recordWrites.ts).
    seed('hubspot_owner_assigneddate', 'Owner assigned date', 'datetime', GROUP, RO),
    seed('hs_createdate', 'Create date', 'datetime', GROUP, RO),
    seed('hs_lastmodifieddate', 'Last modified date', 'datetime', GROUP, RO),
    seed('hs_object_id', 'Record ID', 'number', GROUP, RO),
  ];
}

export const LEAD_GROUPS: PropertyGroup[] = [group(GROUP, 'Lead information', 0)];
