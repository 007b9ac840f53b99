// Reading Leads with SOQL: by id, and every lead modified in a window (backfill and polling). Each lead comes with
// its last touch from Task and Event rows (LastActivityDate is a date only), and leads seen converted are noted.
import { z } from 'zod';
import type { CrmLead } from '../port.ts';
import { chunks, COLLECTION_LIMIT } from './collections.ts';
import { LEAD_FIELDS, leadRecordSchema, toCrmLead } from './leadMapping.ts';
import type { SalesforceConnection } from './salesforceConnection.ts';
import { plain, soqlDate, soqlIn, soqlPages, soqlQuery } from './soql.ts';

/** What reading leads needs: the org, the clock (past events are touches), and the set of converted leads. */
export interface LeadReading {
  readonly sf: SalesforceConnection;
  readonly now: () => Date;
  /** Filled as leads are read converted. */
  readonly converted: Set<string>;
}

/** The latest completed call/email task or past event per lead: a touch, to the minute. */
async function lastTouches(reading: LeadReading, ids: readonly string[]): Promise<Map<string, Date>> {
  const touches = new Map<string, Date>();
  const keep = (id: string | null | undefined, at: string | null | undefined) => {
    if (!id || !at) return;
    const d = new Date(at);
    const seen = touches.get(id);
    if (!seen || d > seen) touches.set(id, d);
  };
  for (const chunk of chunks(ids, COLLECTION_LIMIT)) {
    const tasks = await soqlQuery(
      reading.sf,
      'tasks.query',
      `SELECT WhoId, CompletedDateTime, CreatedDate FROM Task WHERE WhoId IN ${soqlIn(chunk)} AND IsClosed = true`,
      z.object({
        WhoId: z.string().nullable(),
        CompletedDateTime: z.string().nullable().optional(),
        CreatedDate: z.string(),
      }),
      chunk,
    );
    for (const t of tasks.records) keep(t.WhoId, t.CompletedDateTime ?? t.CreatedDate);
    const events = await soqlQuery(
      reading.sf,
      'events.query',
      `SELECT WhoId, StartDateTime FROM Event WHERE WhoId IN ${soqlIn(chunk)} AND StartDateTime <= ${soqlDate(reading.now())}`,
      z.object({ WhoId: z.string().nullable(), StartDateTime: z.string().nullable() }),
      chunk,
    );
    for (const e of events.records) keep(e.WhoId, e.StartDateTime);
  }
  return touches;
}

async function withTouches(
  reading: LeadReading,
  records: ReadonlyArray<z.infer<typeof leadRecordSchema>>,
): Promise<CrmLead[]> {
  const ids = records.map((r) => r.Id);
  const touches = await lastTouches(reading, ids);
  for (const r of records) if (r.IsConverted) reading.converted.add(r.Id);
  return records.map((r) => toCrmLead(r, touches.get(r.Id) ?? null));
}

export async function readLeads(reading: LeadReading, ids: readonly string[]): Promise<CrmLead[]> {
  const leads: CrmLead[] = [];
  for (const chunk of chunks([...new Set(ids)], COLLECTION_LIMIT)) {
    const found = await soqlQuery(
      reading.sf,
      'leads.query',
      `SELECT ${LEAD_FIELDS.join(', ')} FROM Lead WHERE Id IN ${soqlIn(chunk)}`,
      leadRecordSchema,
      chunk,
    );
    leads.push(...(await withTouches(reading, found.records)));
  }
  return leads;
}

/** The window's condition on SystemModstamp, [from, to). */
const modifiedIn = (from: Date, to: Date) =>
  `SystemModstamp >= ${soqlDate(from)} AND SystemModstamp < ${soqlDate(to)}`;

export async function* leadsModifiedBetween(
  reading: LeadReading,
  from: Date,
  to: Date,
): AsyncIterable<CrmLead[]> {
  const seen = new Set<string>();
  for await (const records of soqlPages(
    reading.sf,
    'leads.modified',
    `SELECT ${LEAD_FIELDS.join(', ')} FROM Lead WHERE ${modifiedIn(from, to)} ORDER BY SystemModstamp ASC`,
    leadRecordSchema,
  )) {
    for (const r of records) seen.add(r.Id);
    for (const page of chunks(records, COLLECTION_LIMIT)) yield await withTouches(reading, page);
  }
  // Logging a call or meeting does not touch the lead's SystemModstamp: leads whose activities changed in
  // the window are read too, so the poll alone sees every touch the SLA depends on.
  const touched = await leadsWithActivityBetween(reading.sf, from, to, seen);
  for (const ids of chunks([...touched], COLLECTION_LIMIT)) yield await readLeads(reading, ids);
}

/** Leads (other than `seen`) whose tasks or events were modified in [from, to). */
async function leadsWithActivityBetween(
  sf: SalesforceConnection,
  from: Date,
  to: Date,
  seen: ReadonlySet<string>,
): Promise<Set<string>> {
  const touched = new Set<string>();
  for (const entity of ['Task', 'Event'] as const) {
    const activities = await soqlQuery(
      sf,
      `${entity.toLowerCase()}s.modified`,
      `SELECT WhoId FROM ${entity} WHERE ${modifiedIn(from, to)} AND WhoId != null`,
      z.object({ WhoId: z.string().nullable() }),
    );
    // LIKE is refused on reference fields: lead ids (prefix 00Q) are told from contact ids here.
    for (const a of activities.records)
      if (a.WhoId?.startsWith('00Q') && !seen.has(a.WhoId)) touched.add(a.WhoId);
  }
  return touched;
}

export async function countLeadsModifiedBetween(
  sf: SalesforceConnection,
  from: Date,
  to: Date,
): Promise<number> {
  const found = await sf.call('leads.count', [], async (c) =>
    c.query(`SELECT COUNT() FROM Lead WHERE ${modifiedIn(from, to)}`),
  );
  return z.object({ totalSize: z.number().int().nonnegative() }).parse(plain(found)).totalSize;
}
