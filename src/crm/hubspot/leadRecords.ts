// Reading a portal's Lead records (objectTypeId 0-136) for Baton's contacts: the contacts' leads through the
// associations API, then the leads in batches with the history of their stage; the portal's lead pipelines once per
// connection. A portal without the Leads object (no Sales Hub Professional, or the optional scopes not granted)
// answers 403/400/404: Baton then reads contacts alone and asks again an hour later, rather than failing the reads.
// Paths: PublicApiSpecs/CRM/Leads/Rollouts/424/2026-03/leads.json (POST /crm/objects/2026-03/leads/batch/read,
// scope crm.objects.leads.read, tier sales PROFESSIONAL), PublicApiSpecs/CRM/Pipelines/Rollouts/145896/2026-03/
// pipelines.json (GET /crm/pipelines/2026-03/{objectType}).
import { z } from 'zod';
import { mappedReason } from '../../domain/policy/leadObjects.ts';
import type { Policy } from '../../domain/policy/schema.ts';
import { CrmError, type CrmLead, type ProvisioningProblem } from '../port.ts';
import { hubspotRequest } from './apiRequest.ts';
import { associatedIds } from './associations.ts';
import { chunks } from './batching.ts';
import type { HubSpotConnection } from './hubspotConnection.ts';
import {
  DEFAULT_LEAD_PIPELINES,
  LEAD_READ_PROPERTIES,
  LEAD_STAGE_HISTORY,
  leadRecordFacts,
  leadRecordSchema,
  stageKindOf,
  withLeadFacts,
  type LeadPipelines,
  type LeadRecord,
  type LeadStageKind,
} from './leadRecordMapping.ts';

/**
 * Reads with property history: HubSpot caps history reads at 50 records per request for the list endpoint
 * (the objects guide); the batch read's cap with history is not published, so the same 50 is used.
 */
const HISTORY_BATCH = 50;
/** How long a portal that answered "no Leads object" is read without leads before Baton asks again. */
const RECHECK_MS = 60 * 60_000;

const batchReadResponse = z.object({ results: z.array(leadRecordSchema) });

const pipelinesResponse = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      archived: z.boolean().optional(),
      stages: z.array(
        z.object({
          id: z.string(),
          label: z.string(),
          displayOrder: z.number(),
          archived: z.boolean().optional(),
        }),
      ),
    }),
  ),
});

/** Answers that mean the portal has no Leads object Baton may read (tier, scopes), not a passing failure. */
const unavailable = (error: unknown) =>
  error instanceof CrmError &&
  error.status !== null &&
  (error.kind === 'permanent' || error.kind === 'not_found' || error.status === 403);

/** A portal's lead pipelines, each stage with what it means to Baton. */
export function pipelinesOf(json: unknown): LeadPipelines {
  const pipelines = new Map<string, ReadonlyMap<string, LeadStageKind>>(DEFAULT_LEAD_PIPELINES);
  for (const p of pipelinesResponse.parse(json).results) {
    if (p.archived) continue;
    const lowest = Math.min(...p.stages.map((s) => s.displayOrder));
    const known = DEFAULT_LEAD_PIPELINES.get(p.id);
    pipelines.set(
      p.id,
      new Map(p.stages.map((s) => [s.id, known?.get(s.id) ?? stageKindOf(s.label, s.displayOrder, lowest)])),
    );
  }
  return pipelines;
}

const reasonProperty = z.object({
  options: z.array(z.object({ value: z.string(), label: z.string(), hidden: z.boolean().optional() })),
});

/** What Baton needs to know of a portal's Leads set-up: its pipelines and its disqualification reason options. */
export interface LeadSetup {
  pipelines: LeadPipelines;
  reasonOptions: Array<{ value: string; label: string }>;
  /** Option value → label. */
  reasonLabels: ReadonlyMap<string, string>;
}

const EMPTY_SETUP: LeadSetup = {
  pipelines: DEFAULT_LEAD_PIPELINES,
  reasonOptions: [],
  reasonLabels: new Map(),
};

export class LeadRecordReader {
  private readonly hs: HubSpotConnection;
  private setup: Promise<LeadSetup> | null = null;
  /** Until when the portal is read without leads (it answered that it has none). */
  private unavailableUntil = 0;

  constructor(hs: HubSpotConnection) {
    this.hs = hs;
  }

  /** Contact id → its Lead records; empty when the portal has no Leads object Baton may read. */
  async ofContacts(contactIds: readonly string[]): Promise<Map<string, LeadRecord[]>> {
    const byContact = new Map<string, LeadRecord[]>();
    if (contactIds.length === 0 || !this.available()) return byContact;
    try {
      const pairs = await associatedIds(
        this.hs,
        { from: 'contacts', to: 'leads' },
        'contacts.leads.associations.read',
        contactIds,
      );
      const contactOf = new Map(pairs.map((p) => [p.to, p.from]));
      for (const record of await this.read([...contactOf.keys()])) {
        const contactId = contactOf.get(record.id);
        if (contactId) byContact.set(contactId, [...(byContact.get(contactId) ?? []), record]);
      }
      return byContact;
    } catch (error) {
      if (!unavailable(error)) throw error;
      this.unavailableUntil = Date.now() + RECHECK_MS;
      return byContact;
    }
  }

  /** False while the portal is read without leads (it answered that it has none Baton may read). */
  available(): boolean {
    return Date.now() >= this.unavailableUntil;
  }

  /** Contacts as leads with what their Lead records add (contacts without leads are returned as they are). */
  async addTo(leads: CrmLead[]): Promise<CrmLead[]> {
    if (!this.available()) return leads;
    const byContact = await this.ofContacts(leads.map((l) => l.id));
    if (!this.available()) return leads;
    const setup = byContact.size > 0 ? await this.leadSetup() : EMPTY_SETUP;
    return leads.map((l) =>
      withLeadFacts(l, leadRecordFacts(byContact.get(l.id) ?? [], setup.pipelines), setup.reasonLabels),
    );
  }

  /** Lead record id → its contact (the record's associations), for records Baton has not met yet. */
  async contactsOf(recordIds: readonly string[]): Promise<Map<string, string>> {
    if (recordIds.length === 0) return new Map();
    const pairs = await associatedIds(
      this.hs,
      { from: 'leads', to: 'contacts' },
      'leads.contacts.associations.read',
      recordIds,
    );
    // A lead has one primary contact (the Leads guide): its first association is the one.
    const contactOf = new Map<string, string>();
    for (const p of pairs) if (!contactOf.has(p.from)) contactOf.set(p.from, p.to);
    return contactOf;
  }

  /** The portal's lead pipelines and reason options, read once per connection (a failed read: again next time). */
  leadSetup(): Promise<LeadSetup> {
    if (!this.setup) {
      const reading = this.readSetup();
      this.setup = reading;
      reading.catch((error: unknown) => {
        if (this.setup === reading) this.setup = null;
        if (unavailable(error)) this.unavailableUntil = Date.now() + RECHECK_MS;
      });
    }
    return this.setup;
  }

  private async readSetup(): Promise<LeadSetup> {
    const pipelines = pipelinesOf(
      await hubspotRequest(this.hs, 'pipelines.leads.read', [], {
        method: 'GET',
        path: '/crm/pipelines/2026-03/leads',
      }),
    );
    const property = reasonProperty.parse(
      await hubspotRequest(this.hs, 'properties.leads.reason.get', [], {
        method: 'GET',
        path: '/crm/properties/2026-03/leads/hs_lead_disqualification_reason',
      }),
    );
    const reasonOptions = property.options
      .filter((o) => !o.hidden)
      .map(({ value, label }) => ({ value, label }));
    return {
      pipelines,
      reasonOptions,
      reasonLabels: new Map(property.options.map((o) => [o.value, o.label])),
    };
  }

  private async read(recordIds: readonly string[]): Promise<LeadRecord[]> {
    const records: LeadRecord[] = [];
    for (const chunk of chunks(recordIds, HISTORY_BATCH)) {
      const response = await hubspotRequest(this.hs, 'leads.batch.read', chunk, {
        method: 'POST',
        path: '/crm/objects/2026-03/leads/batch/read',
        body: {
          inputs: chunk.map((id) => ({ id })),
          properties: [...LEAD_READ_PROPERTIES],
          propertiesWithHistory: [LEAD_STAGE_HISTORY],
        },
      });
      // Ids HubSpot no longer knows (deleted leads) come back as errors in a 207: simply not returned.
      records.push(...batchReadResponse.parse(response).results);
    }
    return records;
  }
}

/**
 * What an admin must settle for Baton to act on the portal's Lead records: reason options the policy does not map
 * (shown, not guessed). A portal without the Leads object has nothing to settle: Baton follows contacts alone.
 */
export async function leadObjectProblems(
  reader: LeadRecordReader,
  policy: Policy,
): Promise<ProvisioningProblem[]> {
  let setup: LeadSetup;
  try {
    setup = await reader.leadSetup();
  } catch (error) {
    if (unavailable(error)) return [];
    throw error;
  }
  const codes = policy.reasons.filter((r) => r.repSelectable).map((r) => r.code);
  return setup.reasonOptions
    .filter((o) => !mappedReason(policy.leadObjects, o))
    .map((o) => ({
      what: `Lead disqualification reason "${o.label}" has no Baton reason: disqualifications with it are held`,
      fix: `Map it in the policy: leadObjects.reasonMap["${o.label}"] = one of ${codes.join(', ')}`,
    }));
}
