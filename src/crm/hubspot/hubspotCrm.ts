// The CRM port on HubSpot: batched reads and writes within HubSpot's caps, lists v3 for nurture, tasks for
// reminders, and the two-step lifecycle move HubSpot requires to go backwards.
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/contacts/index.js';
import { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/objects/tasks/index.js';
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
import { toProperties } from './batonProperties.ts';
import { contactSchema, READ_PROPERTIES, toCrmLead } from './contactMapping.ts';
import type { HubSpotConnection } from './hubspotConnection.ts';
import { provisionHubSpot } from './provisioning.ts';

/** HubSpot's batch cap for CRM objects. */
export const BATCH_LIMIT = 100;
/** Search returns at most 10,000 results per query; windows are split below it. */
export const SEARCH_CAP = 10_000;
const SEARCH_PAGE = 200;
/** Lists v3 documents no cap for membership changes; chunks keep each request small. */
export const LIST_CHUNK = 1_000;
/** HubSpot's association type id for task → contact. */
const TASK_TO_CONTACT = 204;

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const batchResponse = z.object({
  results: z.array(z.object({ id: z.string() }).passthrough()).default([]),
  errors: z
    .array(
      z.object({
        status: z.string().optional(),
        category: z.string().optional(),
        message: z.string().optional(),
        context: z.record(z.string(), z.array(z.string())).optional(),
      }),
    )
    .default([]),
});

const searchResponse = z.object({
  total: z.number(),
  results: z.array(contactSchema),
  paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
});

const membershipResponse = z.object({
  recordsIdsAdded: z.array(z.string()).optional(),
  recordIdsRemoved: z.array(z.string()).optional(),
  recordIdsMissing: z.array(z.string()).optional(),
});

const associationsResponse = z.object({
  results: z.array(
    z.object({
      // The SDK's model names the source `_from` (`from` is reserved in its generator).
      _from: z.object({ id: z.string() }),
      to: z.array(z.object({ toObjectId: z.union([z.string(), z.number()]) })),
    }),
  ),
});

const taskResponse = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      properties: z.object({
        hs_task_subject: z.string().nullable().optional(),
        hubspot_owner_id: z.string().nullable().optional(),
      }),
    }),
  ),
});

/** Plain data from the SDK's model classes, for zod. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const ownersPage = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      userId: z.number().int().nullable().optional(),
      email: z.string().nullable().optional(),
      firstName: z.string().nullable().optional(),
      lastName: z.string().nullable().optional(),
    }),
  ),
  paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
});

const BACKWARD_LIFECYCLE: Record<
  NonNullable<BatonFields['lifecycle']>,
  { value: string; backward: boolean }
> = {
  lead: { value: 'lead', backward: true },
  mql: { value: 'marketingqualifiedlead', backward: false },
};

export class HubSpotCrm implements CrmPort {
  private readonly hs: HubSpotConnection;

  constructor(connection: HubSpotConnection) {
    this.hs = connection;
  }

  async readLeads(ids: readonly string[]): Promise<CrmLead[]> {
    const leads: CrmLead[] = [];
    for (const chunk of chunks([...new Set(ids)], BATCH_LIMIT)) {
      const response = await this.hs.call('contacts.batch.read', chunk, 'general', (c) =>
        c.crm.contacts.batchApi.read({
          inputs: chunk.map((id) => ({ id })),
          properties: [...READ_PROPERTIES],
          propertiesWithHistory: [],
        }),
      );
      // Ids HubSpot does not know (deleted, merged) come back as errors: they are simply not returned.
      const parsed = z.object({ results: z.array(contactSchema) }).parse(plain(response));
      leads.push(...parsed.results.map(toCrmLead));
    }
    return leads;
  }

  private search(lo: number, hi: number, limit: number, after?: string) {
    return this.hs
      .call('contacts.search', [], 'search', (c) =>
        c.crm.contacts.searchApi.doSearch({
          filterGroups: [
            {
              filters: [
                { propertyName: 'lastmodifieddate', operator: FilterOperatorEnum.Gte, value: String(lo) },
                { propertyName: 'lastmodifieddate', operator: FilterOperatorEnum.Lt, value: String(hi) },
              ],
            },
          ],
          sorts: ['lastmodifieddate'],
          properties: [...READ_PROPERTIES],
          limit,
          ...(after !== undefined && { after }),
        }),
      )
      .then((r) => searchResponse.parse(plain(r)));
  }

  async countLeadsModifiedBetween(from: Date, to: Date): Promise<number> {
    return (await this.search(from.getTime(), to.getTime(), 1)).total;
  }

  async *leadsModifiedBetween(from: Date, to: Date): AsyncIterable<CrmLead[]> {
    const windows: Array<[number, number]> = [[from.getTime(), to.getTime()]];
    while (windows.length > 0) {
      const [lo, hi] = windows.shift() ?? [0, 0];
      let after: string | undefined;
      for (let page = 0; ; page++) {
        const response = await this.search(lo, hi, SEARCH_PAGE, after);
        // Too many results for one query: split the window in two and search each half instead.
        if (page === 0 && response.total > SEARCH_CAP && hi - lo > 1) {
          const mid = lo + Math.floor((hi - lo) / 2);
          windows.unshift([lo, mid], [mid, hi]);
          break;
        }
        if (response.results.length > 0) yield response.results.map(toCrmLead);
        after = response.paging?.next?.after;
        if (!after) break;
      }
    }
  }

  async writeFields(
    updates: ReadonlyArray<{ leadId: string; fields: BatonFields }>,
  ): Promise<RecordResult[]> {
    // One lead's several updates become one input (HubSpot refuses duplicate ids in a batch).
    const merged = new Map<string, BatonFields>();
    for (const u of updates) merged.set(u.leadId, { ...merged.get(u.leadId), ...u.fields });
    const backward = [...merged].filter(([, f]) => f.lifecycle && BACKWARD_LIFECYCLE[f.lifecycle].backward);
    const first = [...merged].map(([id, f]) => {
      const properties = toProperties(f);
      const lifecycle = f.lifecycle ? BACKWARD_LIFECYCLE[f.lifecycle] : null;
      // Backwards: clear now, set in a second request (HubSpot only moves a set stage forward).
      if (lifecycle) properties['lifecyclestage'] = lifecycle.backward ? '' : lifecycle.value;
      return { id, properties };
    });
    const results = await this.batchUpdate('contacts.batch.update', first);
    const cleared = new Set(results.filter((r) => r.ok).map((r) => r.id));
    const second = backward
      .filter(([id]) => cleared.has(id))
      .map(([id, f]) => ({
        id,
        properties: { lifecyclestage: f.lifecycle ? BACKWARD_LIFECYCLE[f.lifecycle].value : '' },
      }));
    if (second.length === 0) return results;
    const secondResults = new Map(
      (await this.batchUpdate('contacts.lifecycle.set', second)).map((r) => [r.id, r]),
    );
    return results.map((r) => secondResults.get(r.id) ?? r);
  }

  setOwners(updates: ReadonlyArray<{ leadId: string; ownerId: string | null }>): Promise<RecordResult[]> {
    return this.batchUpdate(
      'contacts.owner.update',
      updates.map((u) => ({ id: u.leadId, properties: { hubspot_owner_id: u.ownerId ?? '' } })),
    );
  }

  /**
   * Batch update in chunks of 100. A batch HubSpot rejects as a whole (one invalid value fails all of them) is
   * split in halves until the bad records stand alone, so one bad lead never blocks the others.
   */
  private async batchUpdate(
    operation: string,
    inputs: ReadonlyArray<{ id: string; properties: Record<string, string> }>,
  ): Promise<RecordResult[]> {
    // All chunks at once: the portal's limiter spaces them, so a backlog goes out at the rate HubSpot allows
    // instead of one round trip at a time.
    const results = await Promise.all(
      chunks(inputs, BATCH_LIMIT).map((chunk) => this.updateChunk(operation, chunk)),
    );
    return results.flat();
  }

  private async updateChunk(
    operation: string,
    chunk: ReadonlyArray<{ id: string; properties: Record<string, string> }>,
  ): Promise<RecordResult[]> {
    const ids = chunk.map((c) => c.id);
    try {
      const response = batchResponse.parse(
        plain(
          await this.hs.call(operation, ids, 'general', (c) =>
            c.crm.contacts.batchApi.update({ inputs: [...chunk] }),
          ),
        ),
      );
      return resultsFor(ids, response);
    } catch (error) {
      if (!(error instanceof CrmError)) throw error;
      const splittable = (error.kind === 'permanent' || error.kind === 'not_found') && chunk.length > 1;
      if (!splittable) return ids.map((id) => ({ id, ok: false as const, error }));
      const half = Math.ceil(chunk.length / 2);
      return [
        ...(await this.updateChunk(operation, chunk.slice(0, half))),
        ...(await this.updateChunk(operation, chunk.slice(half))),
      ];
    }
  }

  addToList(listId: string, leadIds: readonly string[]): Promise<RecordResult[]> {
    return this.changeList('lists.memberships.add', listId, leadIds, (c, ids) =>
      c.crm.lists.membershipsApi.add(listId, ids),
    );
  }

  removeFromList(listId: string, leadIds: readonly string[]): Promise<RecordResult[]> {
    return this.changeList('lists.memberships.remove', listId, leadIds, (c, ids) =>
      c.crm.lists.membershipsApi.remove(listId, ids),
    );
  }

  private async changeList(
    operation: string,
    listId: string,
    leadIds: readonly string[],
    fn: (c: Parameters<Parameters<HubSpotConnection['call']>[3]>[0], ids: string[]) => Promise<unknown>,
  ): Promise<RecordResult[]> {
    const results: RecordResult[] = [];
    for (const chunk of chunks([...new Set(leadIds)], LIST_CHUNK)) {
      try {
        const response = membershipResponse.parse(
          plain(await this.hs.call(`${operation} ${listId}`, chunk, 'general', (c) => fn(c, chunk))),
        );
        const missing = new Set(response.recordIdsMissing ?? []);
        // Already a member (or already gone) is success: the list is as Baton wants it.
        for (const id of chunk) {
          results.push(
            missing.has(id)
              ? {
                  id,
                  ok: false,
                  error: new CrmError('not_found', `contact ${id} does not exist`, { status: 404 }),
                }
              : { id, ok: true },
          );
        }
      } catch (error) {
        if (!(error instanceof CrmError)) throw error;
        results.push(...chunk.map((id) => ({ id, ok: false as const, error })));
      }
    }
    return results;
  }

  /** Owners carry both ids Baton meets: the owner id (contact owner) and the user id (signed card requests). */
  async userNames(ids: readonly string[]): Promise<Map<string, string>> {
    const wanted = new Set(ids);
    const names = new Map<string, string>();
    let after: string | undefined;
    do {
      const page = ownersPage.parse(
        plain(
          await this.hs.call('owners.list', [], 'general', (c) =>
            c.crm.owners.ownersApi.getPage(undefined, after, 500, false),
          ),
        ),
      );
      for (const o of page.results) {
        const name = [o.firstName, o.lastName].filter(Boolean).join(' ') || o.email || null;
        if (!name) continue;
        if (wanted.has(o.id)) names.set(o.id, name);
        if (o.userId !== null && o.userId !== undefined && wanted.has(String(o.userId)))
          names.set(String(o.userId), name);
      }
      after = page.paging?.next?.after;
    } while (after && names.size < wanted.size);
    return names;
  }

  async createTasks(tasks: readonly CrmTask[]): Promise<RecordResult[]> {
    const results: RecordResult[] = [];
    for (const chunk of chunks(tasks, BATCH_LIMIT)) {
      const ids = chunk.map((t) => t.leadId);
      try {
        await this.hs.call('tasks.batch.create', ids, 'general', (c) =>
          c.crm.objects.tasks.batchApi.create({
            inputs: chunk.map((t) => ({
              properties: {
                hs_task_subject: t.subject,
                hs_task_body: t.body,
                hs_timestamp: String(t.dueAt.getTime()),
                hubspot_owner_id: t.ownerId,
                hs_task_status: 'NOT_STARTED',
                hs_task_priority: 'HIGH',
                hs_task_type: 'TODO',
              },
              associations: [
                {
                  to: { id: t.leadId },
                  types: [
                    {
                      associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined,
                      associationTypeId: TASK_TO_CONTACT,
                    },
                  ],
                },
              ],
            })),
          }),
        );
        results.push(...ids.map((id) => ({ id, ok: true as const })));
      } catch (error) {
        if (!(error instanceof CrmError)) throw error;
        results.push(...ids.map((id) => ({ id, ok: false as const, error })));
      }
    }
    return results;
  }

  /** The leads' tasks (v4 association read, then a batch read of the tasks), matched on owner and subject. */
  async findTasks(tasks: readonly CrmTask[]): Promise<boolean[]> {
    const leadIds = [...new Set(tasks.map((t) => t.leadId))];
    const taskIds = new Map<string, string>(); // task id → lead id
    for (const chunk of chunks(leadIds, BATCH_LIMIT)) {
      const response = await this.hs.call('contacts.tasks.associations.read', chunk, 'general', (c) =>
        c.crm.associations.v4.batchApi.getPage('contacts', 'tasks', { inputs: chunk.map((id) => ({ id })) }),
      );
      // A lead HubSpot no longer knows comes back as an error: it has no tasks to find.
      for (const r of associationsResponse.parse(plain(response)).results)
        for (const to of r.to) taskIds.set(String(to.toObjectId), r._from.id);
    }
    const existing = new Set<string>();
    for (const chunk of chunks([...taskIds.keys()], BATCH_LIMIT)) {
      const response = await this.hs.call('tasks.batch.read', chunk, 'general', (c) =>
        c.crm.objects.tasks.batchApi.read({
          inputs: chunk.map((id) => ({ id })),
          properties: ['hs_task_subject', 'hubspot_owner_id'],
          propertiesWithHistory: [],
        }),
      );
      for (const t of taskResponse.parse(plain(response)).results) {
        const p = t.properties;
        existing.add(
          taskIdentity(taskIds.get(t.id) ?? '', p.hubspot_owner_id ?? '', p.hs_task_subject ?? ''),
        );
      }
    }
    return tasks.map((t) => existing.has(taskIdentity(t.leadId, t.ownerId, t.subject)));
  }

  provision(policy: Policy): Promise<ProvisioningReport> {
    return provisionHubSpot(this.hs, policy);
  }
}

function resultsFor(ids: readonly string[], response: z.infer<typeof batchResponse>): RecordResult[] {
  const failed = new Map<string, CrmError>();
  for (const e of response.errors) {
    const kind = e.category === 'OBJECT_NOT_FOUND' || e.status === '404' ? 'not_found' : 'permanent';
    for (const id of Object.values(e.context ?? {}).flat()) {
      failed.set(id, new CrmError(kind, e.message ?? 'HubSpot refused this record'));
    }
  }
  const ok = new Set(response.results.map((r) => r.id));
  return ids.map((id) => {
    const error = failed.get(id);
    if (error) return { id, ok: false, error };
    if (ok.has(id)) return { id, ok: true };
    return { id, ok: false, error: new CrmError('permanent', 'HubSpot returned no result for this record') };
  });
}
