// The CRM port on Salesforce: Leads read with SOQL (touches from Task/Event rows, not the date-only
// LastActivityDate), writes through sObject Collections (≤ 200 per call, per-record results, assignment rules
// off), Campaigns as nurture lists (an existing member is success), the marketing queue as the owner back with
// marketing, and converted leads left alone.
import type { Connection } from 'jsforce';
import { z } from 'zod';
import type { BatonFields } from '../../domain/decide/effect.ts';
import type { Policy } from '../../domain/policy/schema.ts';
import {
  CrmError,
  type CrmLead,
  type CrmPort,
  type CrmTask,
  taskIdentity,
  type ProvisioningReport,
  type RecordResult,
} from '../port.ts';
import { SF_FIELDS, SF_FIELD_SPECS, SF_MARKETING_QUEUE } from './batonFields.ts';
import { LEAD_FIELDS, leadRecordSchema, toCrmLead } from './leadMapping.ts';
import type { SalesforceConnection } from './salesforceConnection.ts';

/** sObject Collections take at most 200 records per call. */
export const COLLECTION_LIMIT = 200;
const NO_AUTO_ASSIGN = { 'Sforce-Auto-Assign': 'FALSE' };

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

/** SOQL string literal (ids and names only ever reach SOQL through this). */
const LEFT_ALONE_CONVERTED = 'converted in Salesforce: the lead belongs to sales now';
const soqlString = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const soqlIn = (ids: readonly string[]) => `(${ids.map(soqlString).join(', ')})`;
const soqlDate = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

const saveResult = z.object({
  id: z.string().nullable().optional(),
  success: z.boolean(),
  errors: z.array(z.object({ statusCode: z.string().optional(), message: z.string() })).default([]),
});
const queryResult = <T extends z.ZodType>(record: T) =>
  z.object({ totalSize: z.number(), done: z.boolean().optional(), records: z.array(record) });
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

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
  // `lifecycle` has no Salesforce counterpart: Lead Status values differ per org, Baton_Stage__c carries it.
  return out;
}

function results(ids: readonly string[], raw: unknown): RecordResult[] {
  const parsed = z.array(saveResult).parse(plain(Array.isArray(raw) ? raw : [raw]));
  return ids.map((id, i) => {
    const r = parsed[i];
    if (r?.success) return { id, ok: true };
    const first = r?.errors[0];
    const kind =
      first?.statusCode === 'ENTITY_IS_DELETED' || first?.statusCode === 'INVALID_CROSS_REFERENCE_KEY'
        ? 'not_found'
        : 'permanent';
    return {
      id,
      ok: false,
      error: new CrmError(
        kind,
        `${first?.statusCode ?? 'ERROR'}: ${first?.message ?? 'Salesforce refused this record'}`,
      ),
    };
  });
}

export class SalesforceCrm implements CrmPort {
  private readonly sf: SalesforceConnection;
  private marketingQueueId: string | null = null;

  /** Leads seen converted: frozen in Salesforce, so Baton's writes to them are done without a call. */
  private readonly converted = new Set<string>();
  private readonly now: () => Date;

  constructor(connection: SalesforceConnection, now: () => Date = () => new Date()) {
    this.sf = connection;
    this.now = now;
  }

  private query<T extends z.ZodType>(
    operation: string,
    soql: string,
    record: T,
    ids: readonly string[] = [],
  ) {
    return this.sf
      .call(operation, ids, async (c: Connection) =>
        c.query(soql, { autoFetch: true, maxFetch: 100_000 }).run(),
      )
      .then((r) => queryResult(record).parse(plain(r)));
  }

  /** The latest completed call/email task or past event per lead: a touch, to the minute. */
  private async lastTouches(ids: readonly string[]): Promise<Map<string, Date>> {
    const touches = new Map<string, Date>();
    const keep = (id: string | null | undefined, at: string | null | undefined) => {
      if (!id || !at) return;
      const d = new Date(at);
      const seen = touches.get(id);
      if (!seen || d > seen) touches.set(id, d);
    };
    for (const chunk of chunks(ids, COLLECTION_LIMIT)) {
      const tasks = await this.query(
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
      const events = await this.query(
        'events.query',
        `SELECT WhoId, StartDateTime FROM Event WHERE WhoId IN ${soqlIn(chunk)} AND StartDateTime <= ${soqlDate(this.now())}`,
        z.object({ WhoId: z.string().nullable(), StartDateTime: z.string().nullable() }),
        chunk,
      );
      for (const e of events.records) keep(e.WhoId, e.StartDateTime);
    }
    return touches;
  }

  private async withTouches(records: ReadonlyArray<z.infer<typeof leadRecordSchema>>): Promise<CrmLead[]> {
    const touches = await this.lastTouches(records.map((r) => r.Id));
    for (const r of records) if (r.IsConverted) this.converted.add(r.Id);
    return records.map((r) => toCrmLead(r, touches.get(r.Id) ?? null));
  }

  async readLeads(ids: readonly string[]): Promise<CrmLead[]> {
    const leads: CrmLead[] = [];
    for (const chunk of chunks([...new Set(ids)], COLLECTION_LIMIT)) {
      const found = await this.query(
        'leads.query',
        `SELECT ${LEAD_FIELDS.join(', ')} FROM Lead WHERE Id IN ${soqlIn(chunk)}`,
        leadRecordSchema,
        chunk,
      );
      leads.push(...(await this.withTouches(found.records)));
    }
    return leads;
  }

  /** A query's result pages as Salesforce sends them (2,000 records each), one call per page. */
  private async *pages<T extends z.ZodType>(operation: string, soql: string, record: T) {
    const page = queryResult(record).extend({ nextRecordsUrl: z.string().optional() });
    let next = page.parse(
      plain(await this.sf.call(operation, [], async (c) => c.query(soql, { autoFetch: false }).run())),
    );
    yield next.records;
    while (!next.done && next.nextRecordsUrl) {
      const url = next.nextRecordsUrl;
      next = page.parse(plain(await this.sf.call(`${operation}.more`, [], async (c) => c.queryMore(url))));
      yield next.records;
    }
  }

  async *leadsModifiedBetween(from: Date, to: Date): AsyncIterable<CrmLead[]> {
    const seen = new Set<string>();
    for await (const records of this.pages(
      'leads.modified',
      `SELECT ${LEAD_FIELDS.join(', ')} FROM Lead WHERE SystemModstamp >= ${soqlDate(from)} AND SystemModstamp < ${soqlDate(to)} ORDER BY SystemModstamp ASC`,
      leadRecordSchema,
    )) {
      for (const r of records) seen.add(r.Id);
      for (const page of chunks(records, COLLECTION_LIMIT)) yield await this.withTouches(page);
    }
    // Logging a call or meeting does not touch the lead's SystemModstamp: leads whose activities changed in
    // the window are read too, so the poll alone sees every touch the SLA depends on.
    const touched = new Set<string>();
    for (const entity of ['Task', 'Event'] as const) {
      const activities = await this.query(
        `${entity.toLowerCase()}s.modified`,
        `SELECT WhoId FROM ${entity} WHERE SystemModstamp >= ${soqlDate(from)} AND SystemModstamp < ${soqlDate(to)} AND WhoId != null`,
        z.object({ WhoId: z.string().nullable() }),
      );
      // LIKE is refused on reference fields: lead ids (prefix 00Q) are told from contact ids here.
      for (const a of activities.records)
        if (a.WhoId?.startsWith('00Q') && !seen.has(a.WhoId)) touched.add(a.WhoId);
    }
    for (const ids of chunks([...touched], COLLECTION_LIMIT)) yield await this.readLeads(ids);
  }

  async countLeadsModifiedBetween(from: Date, to: Date): Promise<number> {
    const found = await this.sf.call('leads.count', [], async (c) =>
      c.query(
        `SELECT COUNT() FROM Lead WHERE SystemModstamp >= ${soqlDate(from)} AND SystemModstamp < ${soqlDate(to)}`,
      ),
    );
    return z.object({ totalSize: z.number().int().nonnegative() }).parse(plain(found)).totalSize;
  }

  private async update(
    operation: string,
    records: ReadonlyArray<{ Id: string } & Record<string, unknown>>,
  ): Promise<RecordResult[]> {
    // A converted lead is frozen and belongs to sales now: Baton leaves it alone (done, nothing to send).
    const frozen: RecordResult[] = records
      .filter((r) => this.converted.has(r.Id))
      .map((r) => ({ id: r.Id, ok: true, leftAlone: LEFT_ALONE_CONVERTED }));
    const open = records.filter((r) => !this.converted.has(r.Id));
    // All chunks at once: the org's limiter spaces them.
    const out = await Promise.all(
      chunks(open, COLLECTION_LIMIT).map(async (chunk): Promise<RecordResult[]> => {
        const ids = chunk.map((r) => r.Id);
        try {
          const raw = await this.sf.call(operation, ids, (c) =>
            c.sobject('Lead').update([...chunk], { allOrNone: false, headers: NO_AUTO_ASSIGN }),
          );
          // Converted since Baton last read it: remembered, and done as above.
          return results(ids, raw).map((r) => {
            if (r.ok || !r.error.message.startsWith('CANNOT_UPDATE_CONVERTED_LEAD')) return r;
            this.converted.add(r.id);
            return { id: r.id, ok: true as const, leftAlone: LEFT_ALONE_CONVERTED };
          });
        } catch (error) {
          if (!(error instanceof CrmError)) throw error;
          return ids.map((id) => ({ id, ok: false as const, error }));
        }
      }),
    );
    return [...frozen, ...out.flat()];
  }

  async writeFields(
    updates: ReadonlyArray<{ leadId: string; fields: BatonFields }>,
  ): Promise<RecordResult[]> {
    const merged = new Map<string, BatonFields>();
    for (const u of updates) merged.set(u.leadId, { ...merged.get(u.leadId), ...u.fields });
    const records = [...merged]
      .map(([Id, f]) => ({ Id, ...toSalesforceFields(f) }))
      .filter((r) => Object.keys(r).length > 1);
    const written = await this.update('leads.update', records);
    // A write with nothing Salesforce stores (only the lifecycle) is done as far as Baton is concerned.
    const skipped = [...merged.keys()].filter((id) => !records.some((r) => r.Id === id));
    return [...written, ...skipped.map((id) => ({ id, ok: true as const }))];
  }

  /** The marketing queue's id (the owner of leads back with marketing). */
  marketingQueue(): Promise<string> {
    return this.queueId();
  }

  private async queueId(): Promise<string> {
    if (this.marketingQueueId) return this.marketingQueueId;
    const found = await this.query(
      'queue.query',
      `SELECT Id FROM Group WHERE Type = 'Queue' AND DeveloperName = ${soqlString(SF_MARKETING_QUEUE)}`,
      z.object({ Id: z.string() }),
    );
    const id = found.records[0]?.Id;
    if (!id)
      throw new CrmError('permanent', `Queue ${SF_MARKETING_QUEUE} is missing: install Baton's package`);
    this.marketingQueueId = id;
    return id;
  }

  async setOwners(
    updates: ReadonlyArray<{ leadId: string; ownerId: string | null }>,
  ): Promise<RecordResult[]> {
    // A Lead always has an owner: "back to marketing" means the marketing queue.
    const needsQueue = updates.some((u) => u.ownerId === null);
    const queue = needsQueue ? await this.queueId() : null;
    return this.update(
      'leads.owner',
      updates.map((u) => ({ Id: u.leadId, OwnerId: u.ownerId ?? queue })),
    );
  }

  async addToList(campaignId: string, leadIds: readonly string[]): Promise<RecordResult[]> {
    const out: RecordResult[] = [];
    for (const chunk of chunks([...new Set(leadIds)], COLLECTION_LIMIT)) {
      try {
        const raw = await this.sf.call(`campaign.members.add ${campaignId}`, chunk, (c) =>
          c.sobject('CampaignMember').create(
            chunk.map((LeadId) => ({ CampaignId: campaignId, LeadId })),
            { allOrNone: false },
          ),
        );
        // Already a member is the state Baton wants.
        out.push(
          ...results(chunk, raw).map((r) =>
            !r.ok && r.error.message.startsWith('DUPLICATE_VALUE') ? { id: r.id, ok: true as const } : r,
          ),
        );
      } catch (error) {
        if (!(error instanceof CrmError)) throw error;
        out.push(...chunk.map((id) => ({ id, ok: false as const, error })));
      }
    }
    return out;
  }

  async removeFromList(campaignId: string, leadIds: readonly string[]): Promise<RecordResult[]> {
    const out: RecordResult[] = [];
    for (const chunk of chunks([...new Set(leadIds)], COLLECTION_LIMIT)) {
      try {
        const members = await this.query(
          'campaign.members.query',
          `SELECT Id, LeadId FROM CampaignMember WHERE CampaignId = ${soqlString(campaignId)} AND LeadId IN ${soqlIn(chunk)}`,
          z.object({ Id: z.string(), LeadId: z.string().nullable() }),
          chunk,
        );
        if (members.records.length > 0) {
          await this.sf.call(`campaign.members.remove ${campaignId}`, chunk, (c) =>
            c.sobject('CampaignMember').destroy(
              members.records.map((m) => m.Id),
              { allOrNone: false },
            ),
          );
        }
        // Not a member any more (or never was) is the state Baton wants.
        out.push(...chunk.map((id) => ({ id, ok: true as const })));
      } catch (error) {
        if (!(error instanceof CrmError)) throw error;
        out.push(...chunk.map((id) => ({ id, ok: false as const, error })));
      }
    }
    return out;
  }

  /** Users (005…) and queues (00G…) by id. */
  async userNames(ids: readonly string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    const of = (prefix: string) => [...new Set(ids)].filter((id) => id.startsWith(prefix));
    for (const [entity, found] of [
      ['User', of('005')],
      ['Group', of('00G')],
    ] as const) {
      for (const chunk of chunks(found, COLLECTION_LIMIT)) {
        const rows = await this.query(
          `${entity.toLowerCase()}s.names`,
          `SELECT Id, Name FROM ${entity} WHERE Id IN ${soqlIn(chunk)}`,
          z.object({ Id: z.string(), Name: z.string().nullable() }),
          chunk,
        );
        for (const r of rows.records) if (r.Name) names.set(r.Id, r.Name);
      }
    }
    return names;
  }

  async createTasks(tasks: readonly CrmTask[]): Promise<RecordResult[]> {
    const out: RecordResult[] = [];
    for (const chunk of chunks(tasks, COLLECTION_LIMIT)) {
      const ids = chunk.map((t) => t.leadId);
      try {
        const raw = await this.sf.call('tasks.create', ids, (c) =>
          c.sobject('Task').create(
            chunk.map((t) => ({
              WhoId: t.leadId,
              OwnerId: t.ownerId,
              Subject: t.subject.slice(0, 255),
              Description: t.body,
              ActivityDate: t.dueAt.toISOString().slice(0, 10),
              Status: 'Not Started',
              Priority: 'High',
            })),
            { allOrNone: false },
          ),
        );
        out.push(...results(ids, raw));
      } catch (error) {
        if (!(error instanceof CrmError)) throw error;
        out.push(...ids.map((id) => ({ id, ok: false as const, error })));
      }
    }
    return out;
  }

  /** The leads' Baton tasks (SOQL on WhoId and Subject), matched on owner and subject. */
  async findTasks(tasks: readonly CrmTask[]): Promise<boolean[]> {
    const existing = new Set<string>();
    const subject = (t: CrmTask) => t.subject.slice(0, 255);
    for (const chunk of chunks(tasks, COLLECTION_LIMIT)) {
      const ids = [...new Set(chunk.map((t) => t.leadId))];
      const rows = await this.query(
        'tasks.find',
        `SELECT WhoId, OwnerId, Subject FROM Task WHERE WhoId IN ${soqlIn(ids)} AND Subject IN ${soqlIn([...new Set(chunk.map(subject))])}`,
        z.object({
          WhoId: z.string().nullable(),
          OwnerId: z.string().nullable(),
          Subject: z.string().nullable(),
        }),
        ids,
      );
      for (const r of rows.records) existing.add(taskIdentity(r.WhoId, r.OwnerId, r.Subject));
    }
    return tasks.map((t) => existing.has(taskIdentity(t.leadId, t.ownerId, subject(t))));
  }

  /** Checks the package's fields and queue, and finds or creates one Campaign per nurture list. */
  async provision(policy: Policy): Promise<ProvisioningReport> {
    const report: ProvisioningReport = { created: [], unchanged: [], problems: [], lists: {} };
    const describe = z
      .object({ fields: z.array(z.object({ name: z.string() })) })
      .parse(plain(await this.sf.call('lead.describe', [], (c) => c.sobject('Lead').describe())));
    const present = new Set(describe.fields.map((f) => f.name));
    for (const spec of SF_FIELD_SPECS) {
      if (present.has(spec.name)) report.unchanged.push(`field ${spec.name}`);
      else {
        report.problems.push({
          what: `Lead field ${spec.name} is missing.`,
          fix: "Install Baton's package (extensions/salesforce) in the org and assign the Baton permission set.",
        });
      }
    }
    try {
      await this.queueId();
      report.unchanged.push(`queue ${SF_MARKETING_QUEUE}`);
    } catch (error) {
      // Only "not there" is a missing queue; a failed call (limit, outage) fails provisioning, to be retried.
      if (!(error instanceof CrmError) || error.kind !== 'permanent') throw error;
      report.problems.push({
        what: `Queue ${SF_MARKETING_QUEUE} for leads is missing.`,
        fix: `Create a queue named ${SF_MARKETING_QUEUE} with Lead as a supported object, or install Baton's package.`,
      });
    }
    for (const list of policy.nurtureLists) {
      const found = await this.query(
        'campaign.query',
        `SELECT Id FROM Campaign WHERE Name = ${soqlString(list.name)}`,
        z.object({ Id: z.string() }),
      );
      const existing = found.records[0]?.Id;
      if (existing) {
        report.lists[list.key] = existing;
        report.unchanged.push(`campaign ${list.name}`);
        continue;
      }
      // A single-record create answers a refusal with HTTP 400, not with success: false.
      const created = await this.sf
        .call('campaign.create', [], (c) =>
          c.sobject('Campaign').create({ Name: list.name, IsActive: true, Type: 'Other' }),
        )
        .then(
          (raw) => saveResult.parse(plain(raw)),
          (error: unknown) => {
            if (!(error instanceof CrmError) || error.kind !== 'permanent') throw error;
            return { id: null, success: false, errors: [{ message: error.message }] };
          },
        );
      if (!created.success || !created.id) {
        report.problems.push({
          what: `Campaign "${list.name}" could not be created: ${created.errors[0]?.message ?? 'unknown error'}`,
          fix: 'Give the integration user permission to create campaigns (Marketing User), then reconnect.',
        });
        continue;
      }
      report.lists[list.key] = created.id;
      report.created.push(`campaign ${list.name}`);
    }
    return report;
  }
}
