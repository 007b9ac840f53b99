// HubSpot's Lead object (objectTypeId 0-136) → what it tells Baton about the contact it belongs to. Sales Hub
// Professional reps work Lead records in the prospecting workspace: the lead's owner is the rep holding the person,
// a move past the pipeline's first stage (or the first outreach date) is the first touch, and a move to a
// Disqualified stage with a reason is a return to marketing. The contact's newest Lead record is the current one.
// Sources: https://developers.hubspot.com/docs/api-reference/crm-leads-v3/guide (hs_lead_name, pipeline stages),
// knowledge.hubspot.com "Set up leads" (New → Attempting on outreach → Connected → Qualified / Disqualified);
// PublicApiSpecs/CRM/Leads/Rollouts/424/2026-03/leads.json (ValueWithTimestamp: value, timestamp, updatedByUserId).
import { z } from 'zod';
import type { CrmLead } from '../port.ts';
import { parseHubSpotDate } from './contactMapping.ts';

export const LEAD_OBJECT_TYPE_ID = '0-136';

/** Lead properties whose change is news for Baton (webhook subscriptions). */
export const WATCHED_LEAD_PROPERTIES = [
  'hs_pipeline_stage',
  'hs_lead_disqualification_reason',
  'hs_lead_disqualification_note',
  'hubspot_owner_id',
  'hs_lead_first_outreach_date',
] as const;

export const LEAD_READ_PROPERTIES = [
  ...WATCHED_LEAD_PROPERTIES,
  'hs_pipeline',
  'hubspot_owner_assigneddate',
  'hs_createdate',
] as const;

/** Read with its history: when each stage was entered, and by whom. */
export const LEAD_STAGE_HISTORY = 'hs_pipeline_stage';

const historyEntry = z
  .object({
    value: z.string(),
    timestamp: z.coerce.date(),
    sourceId: z.string().optional(),
    updatedByUserId: z.union([z.number(), z.string()]).transform(String).optional(),
  })
  // A UI change names its user in updatedByUserId, and in sourceId as "userId:123" (webhooks spell it the same way).
  .transform(({ sourceId, ...e }) => ({
    ...e,
    updatedByUserId: e.updatedByUserId ?? /^userId:(\d+)$/.exec(sourceId ?? '')?.[1],
  }));

export const leadRecordSchema = z.object({
  id: z.string(),
  properties: z.record(z.string(), z.string().nullable().optional()),
  propertiesWithHistory: z.record(z.string(), z.array(historyEntry)).optional(),
  createdAt: z.coerce.date().optional(),
});
export type LeadRecord = z.infer<typeof leadRecordSchema>;

/** What a stage means to Baton. */
export type LeadStageKind = 'first' | 'working' | 'qualified' | 'disqualified';

/** A portal's lead pipelines: pipeline id → stage id → what it means. */
export type LeadPipelines = ReadonlyMap<string, ReadonlyMap<string, LeadStageKind>>;

/** HubSpot's default lead pipeline (the Leads guide; ids are the same in every portal). */
export const DEFAULT_LEAD_PIPELINES: LeadPipelines = new Map([
  [
    'lead-pipeline-id',
    new Map<string, LeadStageKind>([
      ['new-stage-id', 'first'],
      ['attempting-stage-id', 'working'],
      ['connected-stage-id', 'working'],
      ['qualified-stage-id', 'qualified'],
      ['unqualified-stage-id', 'disqualified'],
    ]),
  ],
]);

/** Stages of a pipeline Baton has not read: HubSpot's default ids, anything else counts as being worked. */
const DEFAULT_STAGE_KINDS: ReadonlyMap<string, LeadStageKind> =
  DEFAULT_LEAD_PIPELINES.get('lead-pipeline-id') ?? new Map();

/**
 * What a stage of a portal's own pipeline means, from its label and place: HubSpot publishes no stage-state field
 * for lead pipelines (the pipelines spec documents metadata only for deals and tickets), and custom pipelines have
 * numeric ids, so "Disqualified" (also Unqualified, Not qualified, Junk, Lost) and "Qualified" are read from the label.
 */
export function stageKindOf(label: string, displayOrder: number, lowestOrder: number): LeadStageKind {
  if (/\b(dis|un)qualif|\bnot\s+qualif|\bjunk\b|\blost\b/i.test(label)) return 'disqualified';
  if (/\bqualif/i.test(label)) return 'qualified';
  return displayOrder === lowestOrder ? 'first' : 'working';
}

/** The rep's disqualification, in the CRM's words (the policy maps the reason onto Baton's). */
export interface LeadDisqualification {
  recordId: string;
  /** The option's internal value, or null when the rep gave none. */
  reason: string | null;
  note: string | null;
  at: Date;
  byUserId: string | null;
}

export interface LeadRecordFacts {
  /** The current Lead record's owner: the rep holding the person (older holders are told apart by assignment time). */
  ownerId: string | null;
  ownerAssignedAt: Date | null;
  /** The first outreach on the current Lead record (or its first move past the first stage). */
  outreachAt: Date | null;
  disqualification: LeadDisqualification | null;
  recordIds: string[];
}

const text = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null);

function createdOf(r: LeadRecord): number {
  return (parseHubSpotDate(r.properties['hs_createdate']) ?? r.createdAt ?? new Date(0)).getTime();
}

/** When the record entered a stage of this kind first (from the stage's history), if it did. */
function firstEntered(r: LeadRecord, kinds: ReadonlyMap<string, LeadStageKind>, want: LeadStageKind[]) {
  const history = r.propertiesWithHistory?.[LEAD_STAGE_HISTORY] ?? [];
  const entries = history.filter((h) => want.includes(kinds.get(h.value) ?? 'working'));
  return entries.reduce<Date | null>((a, h) => (!a || h.timestamp < a ? h.timestamp : a), null);
}

/** The latest history entry: when and by whom the record entered its current stage. */
function currentStageEntry(r: LeadRecord) {
  const history = r.propertiesWithHistory?.[LEAD_STAGE_HISTORY] ?? [];
  return history.reduce<(typeof history)[number] | null>(
    (a, h) => (!a || h.timestamp > a.timestamp ? h : a),
    null,
  );
}

/** What a contact's Lead records say: the newest one is the current hand-off. */
export function leadRecordFacts(records: readonly LeadRecord[], pipelines: LeadPipelines): LeadRecordFacts {
  const recordIds = records.map((r) => r.id);
  const current = records.toSorted((a, b) => createdOf(b) - createdOf(a))[0];
  const none = { ownerId: null, ownerAssignedAt: null, outreachAt: null, disqualification: null, recordIds };
  if (!current) return none;
  const p = current.properties;
  const kinds = pipelines.get(p['hs_pipeline'] ?? '') ?? DEFAULT_STAGE_KINDS;
  const kind = kinds.get(p['hs_pipeline_stage'] ?? '') ?? 'working';
  const outreach = [
    parseHubSpotDate(p['hs_lead_first_outreach_date']),
    firstEntered(current, kinds, ['working', 'qualified']),
  ].reduce<Date | null>((a, b) => (b && (!a || b < a) ? b : a), null);
  const entry = currentStageEntry(current);
  const disqualification: LeadDisqualification | null =
    kind === 'disqualified'
      ? {
          recordId: current.id,
          reason: text(p['hs_lead_disqualification_reason']),
          note: text(p['hs_lead_disqualification_note']),
          at: entry?.timestamp ?? new Date(createdOf(current)),
          byUserId: entry?.updatedByUserId ?? null,
        }
      : null;
  // The record's owner holds the person in every stage: a disqualification hands it back only through the return
  // Baton decides (an owner dropped first would put the lead back in marketing's queue before the return is read).
  const ownerId = text(p['hubspot_owner_id']);
  return {
    ownerId,
    ownerAssignedAt: ownerId
      ? (parseHubSpotDate(p['hubspot_owner_assigneddate']) ?? new Date(createdOf(current)))
      : null,
    outreachAt: outreach,
    disqualification,
    recordIds,
  };
}

/**
 * The newest hand-off names the rep: the Lead record's owner unless the contact was given to someone after it (a
 * re-MQL handed to a rep who works from the contact, while the old record still names who disqualified it).
 */
function recordHoldsThePerson(lead: CrmLead, facts: LeadRecordFacts): boolean {
  if (!facts.ownerId) return false;
  if (!lead.ownerId || !lead.ownerAssignedAt || !facts.ownerAssignedAt) return true;
  return facts.ownerAssignedAt >= lead.ownerAssignedAt;
}

/** A contact as a lead, with what its Lead records add: the record's owner holds it, outreach is a touch. */
export function withLeadFacts(
  lead: CrmLead,
  facts: LeadRecordFacts,
  reasonLabels: ReadonlyMap<string, string>,
): CrmLead {
  // No records (any more): said explicitly, so what Baton kept of deleted ones is forgotten.
  if (facts.recordIds.length === 0) return { ...lead, relatedRecords: [] };
  const touches = [lead.lastTouchAt, facts.outreachAt];
  const d = facts.disqualification;
  return {
    ...lead,
    ...(recordHoldsThePerson(lead, facts) && {
      ownerId: facts.ownerId,
      ownerAssignedAt: facts.ownerAssignedAt,
    }),
    lastTouchAt: touches.reduce<Date | null>((a, b) => (b && (!a || b > a) ? b : a), null),
    crmDisqualification: d && { ...d, reasonLabel: d.reason ? (reasonLabels.get(d.reason) ?? null) : null },
    relatedRecords: facts.recordIds.map((id) => ({ objectType: 'lead_record' as const, id })),
  };
}
