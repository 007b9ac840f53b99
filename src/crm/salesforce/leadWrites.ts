// Writing to Leads through sObject Collections, with assignment rules off: Baton's fields, and any update of a
// lead. A converted lead is frozen in Salesforce and belongs to sales now, so a write to it is done without a call.
import type { BatonFields } from '../../domain/decide/effect.ts';
import type { RecordResult } from '../port.ts';
import { SF_FIELDS, SF_RETURN_REFUSAL, SF_RETURN_REQUEST } from './batonFields.ts';
import { chunks, COLLECTION_LIMIT, eachFailed, recordResults } from './collections.ts';
import type { SalesforceConnection } from './salesforceConnection.ts';

const NO_AUTO_ASSIGN = { 'Sforce-Auto-Assign': 'FALSE' };
export const LEFT_ALONE_CONVERTED = 'converted in Salesforce: the lead belongs to sales now';

export type LeadUpdate = { Id: string } & Record<string, unknown>;

function toSalesforceFields(fields: BatonFields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  if (fields.stage !== undefined) out[SF_FIELDS.stage] = fields.stage;
  if (fields.slaDueAt !== undefined) out[SF_FIELDS.slaDueAt] = iso(fields.slaDueAt);
  if (fields.slaStatus !== undefined) out[SF_FIELDS.slaStatus] = fields.slaStatus;
  if (fields.fit !== undefined) out[SF_FIELDS.fit] = fields.fit;
  if (fields.engagement !== undefined) out[SF_FIELDS.engagement] = fields.engagement;
  if (fields.grade !== undefined) out[SF_FIELDS.grade] = fields.grade;
  if (fields.scoreReasons !== undefined) out[SF_FIELDS.scoreReasons] = fields.scoreReasons;
  if (fields.recycleCount !== undefined) out[SF_FIELDS.recycleCount] = fields.recycleCount;
  if (fields.lastReason !== undefined) out[SF_FIELDS.lastReason] = fields.lastReason;
  if (fields.lastNote !== undefined) out[SF_FIELDS.lastNote] = fields.lastNote;
  if (fields.returnedAt !== undefined) out[SF_FIELDS.returnedAt] = iso(fields.returnedAt);
  if (fields.returnRefusal !== undefined) out[SF_RETURN_REFUSAL] = fields.returnRefusal;
  // A handled return is acknowledged in the write that carries its effect (or its refusal): the request fields are
  // cleared, so the quick action (which waits while a request is pending) lets the rep return the lead again later.
  if (fields.returnedAt || fields.returnRefusal) {
    for (const field of Object.values(SF_RETURN_REQUEST)) out[field] = null;
  }
  // A return Baton acted on answers any earlier refusal.
  if (fields.returnedAt) out[SF_RETURN_REFUSAL] = null;
  // `lifecycle` has no Salesforce counterpart: Lead Status values differ per org, Baton_Stage__c carries it.
  return out;
}

/** Updates leads, 200 per call; `converted` holds the leads seen converted and learns of newly converted ones. */
export async function updateLeads(
  sf: SalesforceConnection,
  converted: Set<string>,
  operation: string,
  records: readonly LeadUpdate[],
): Promise<RecordResult[]> {
  // A converted lead is frozen and belongs to sales now: Baton leaves it alone (done, nothing to send).
  const frozen: RecordResult[] = records
    .filter((r) => converted.has(r.Id))
    .map((r) => ({ id: r.Id, ok: true, leftAlone: LEFT_ALONE_CONVERTED }));
  const open = records.filter((r) => !converted.has(r.Id));
  // All chunks at once: the org's limiter spaces them.
  const out = await Promise.all(
    chunks(open, COLLECTION_LIMIT).map(async (chunk): Promise<RecordResult[]> => {
      const ids = chunk.map((r) => r.Id);
      try {
        const raw = await sf.call(operation, ids, (c) =>
          c.sobject('Lead').update([...chunk], { allOrNone: false, headers: NO_AUTO_ASSIGN }),
        );
        // Converted since Baton last read it: remembered, and done as above.
        return recordResults(ids, raw).map((r) => {
          if (r.ok || !r.error.message.startsWith('CANNOT_UPDATE_CONVERTED_LEAD')) return r;
          converted.add(r.id);
          return { id: r.id, ok: true as const, leftAlone: LEFT_ALONE_CONVERTED };
        });
      } catch (error) {
        return eachFailed(ids, error);
      }
    }),
  );
  return [...frozen, ...out.flat()];
}

/**
 * Fields of a newer package version an org may not have yet (installed before it): written while the org has them,
 * left out once it answers INVALID_FIELD for one (provisioning tells the admin to upgrade the package).
 */
const OPTIONAL_FIELDS: readonly string[] = [SF_RETURN_REFUSAL];

const without = (r: LeadUpdate, fields: ReadonlySet<string>): LeadUpdate =>
  Object.fromEntries(Object.entries(r).filter(([k]) => !fields.has(k))) as LeadUpdate;

const missingFieldOf = (r: RecordResult): string | undefined =>
  r.ok || !r.error.message.includes('INVALID_FIELD')
    ? undefined
    : OPTIONAL_FIELDS.find((f) => r.error.message.includes(f));

/** Updates leads; a record refused for an optional field the org lacks is sent again without it, once. */
async function updateLeadsLearning(
  sf: SalesforceConnection,
  converted: Set<string>,
  lacking: Set<string>,
  records: readonly LeadUpdate[],
): Promise<RecordResult[]> {
  const results = await updateLeads(
    sf,
    converted,
    'leads.update',
    records.map((r) => without(r, lacking)),
  );
  const learnt = results.map(missingFieldOf).filter((f): f is string => f !== undefined);
  if (learnt.length === 0) return results;
  for (const f of learnt) lacking.add(f);
  const again = new Set(results.filter((r) => missingFieldOf(r) !== undefined).map((r) => r.id));
  const retried = await updateLeads(
    sf,
    converted,
    'leads.update',
    records.filter((r) => again.has(r.Id)).map((r) => without(r, lacking)),
  );
  const byId = new Map(retried.map((r) => [r.id, r]));
  return results.map((r) => byId.get(r.id) ?? r);
}

/** Baton's fields, merged per lead; a write with nothing Salesforce stores is done without a call. */
export async function writeFields(
  sf: SalesforceConnection,
  converted: Set<string>,
  updates: ReadonlyArray<{ leadId: string; fields: BatonFields }>,
  lacking: Set<string> = new Set(),
): Promise<RecordResult[]> {
  const merged = new Map<string, BatonFields>();
  for (const u of updates) merged.set(u.leadId, { ...merged.get(u.leadId), ...u.fields });
  const records = [...merged]
    .map(([Id, f]) => ({ Id, ...toSalesforceFields(f) }))
    .filter((r) => Object.keys(r).length > 1);
  const written = await updateLeadsLearning(sf, converted, lacking, records);
  // A write with nothing Salesforce stores (only the lifecycle) is done as far as Baton is concerned.
  const skipped = [...merged.keys()].filter((id) => !records.some((r) => r.Id === id));
  return [...written, ...skipped.map((id) => ({ id, ok: true as const }))];
}
