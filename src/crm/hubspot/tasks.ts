// Reminder tasks on contacts: created in batches (associated to their contact), and found again by lead, owner
// and subject so a retried create whose answer was lost makes no second task.
import { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/objects/tasks/index.js';
import { z } from 'zod';
import { CrmError, type CrmTask, taskIdentity, type RecordResult } from '../port.ts';
import { hubspotRequest } from './apiRequest.ts';
import { BATCH_LIMIT, chunks } from './batching.ts';
import type { HubSpotConnection } from './hubspotConnection.ts';
import { plain } from './sdkData.ts';

/** HubSpot's association type id for task → contact. */
const TASK_TO_CONTACT = 204;

/**
 * The date-versioned associations batch read (v4 is unsupported from 2027-03-30). Spec: PublicApiSpecs/CRM/
 * Associations/Rollouts/130902/2026-03/associations.json, POST /crm/associations/2026-03/{fromObjectType}/
 * {toObjectType}/batch/read: inputs [{ id, after? }]; each result { from: { id }, to: [{ toObjectId (string),
 * associationTypes }], paging.next.after } where paging is present only when that record has more pages.
 */
const ASSOCIATIONS_READ = '/crm/associations/2026-03/contacts/tasks/batch/read';

const associationsPage = z.object({
  results: z.array(
    z.object({
      from: z.object({ id: z.string() }),
      // The spec says string; a number is read the same way rather than failing the whole look-up.
      to: z.array(z.object({ toObjectId: z.union([z.string(), z.number()]).transform(String) })),
      paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
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

const taskInput = (t: CrmTask) => ({
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
});

export async function createTasks(hs: HubSpotConnection, tasks: readonly CrmTask[]): Promise<RecordResult[]> {
  const results: RecordResult[] = [];
  for (const chunk of chunks(tasks, BATCH_LIMIT)) {
    const ids = chunk.map((t) => t.leadId);
    try {
      await hs.call('tasks.batch.create', ids, 'general', (c) =>
        c.crm.objects.tasks.batchApi.create({ inputs: chunk.map(taskInput) }),
      );
      results.push(...ids.map((id) => ({ id, ok: true as const })));
    } catch (error) {
      if (!(error instanceof CrmError)) throw error;
      results.push(...ids.map((id) => ({ id, ok: false as const, error })));
    }
  }
  return results;
}

/** Task id → lead id for every task of these leads, following each lead's `paging.next.after` to its end. */
async function tasksOfLeads(hs: HubSpotConnection, leadIds: readonly string[]): Promise<Map<string, string>> {
  const taskIds = new Map<string, string>();
  const followed = new Set<string>();
  let pending: Array<{ id: string; after?: string }> = leadIds.map((id) => ({ id }));
  while (pending.length > 0) {
    const next: Array<{ id: string; after: string }> = [];
    for (const inputs of chunks(pending, BATCH_LIMIT)) {
      const ids = inputs.map((i) => i.id);
      const page = associationsPage.parse(
        await hubspotRequest(hs, 'contacts.tasks.associations.read', ids, {
          method: 'POST',
          path: ASSOCIATIONS_READ,
          body: { inputs },
        }),
      );
      // A lead HubSpot no longer knows comes back as an error (207): it has no tasks to find.
      for (const r of page.results) {
        for (const to of r.to) taskIds.set(to.toObjectId, r.from.id);
        const after = r.paging?.next?.after;
        // A cursor already followed is not followed again: a repeating answer cannot loop forever.
        if (after !== undefined && !followed.has(`${r.from.id} ${after}`)) {
          followed.add(`${r.from.id} ${after}`);
          next.push({ id: r.from.id, after });
        }
      }
    }
    pending = next;
  }
  return taskIds;
}

/** The leads' tasks (date-versioned association read, then a batch read of the tasks), matched on owner and subject. */
export async function findTasks(hs: HubSpotConnection, tasks: readonly CrmTask[]): Promise<boolean[]> {
  const taskIds = await tasksOfLeads(hs, [...new Set(tasks.map((t) => t.leadId))]);
  const existing = new Set<string>();
  for (const chunk of chunks([...taskIds.keys()], BATCH_LIMIT)) {
    const response = await hs.call('tasks.batch.read', chunk, 'general', (c) =>
      c.crm.objects.tasks.batchApi.read({
        inputs: chunk.map((id) => ({ id })),
        properties: ['hs_task_subject', 'hubspot_owner_id'],
        propertiesWithHistory: [],
      }),
    );
    for (const t of taskResponse.parse(plain(response)).results) {
      const p = t.properties;
      existing.add(taskIdentity(taskIds.get(t.id) ?? '', p.hubspot_owner_id ?? '', p.hs_task_subject ?? ''));
    }
  }
  return tasks.map((t) => existing.has(taskIdentity(t.leadId, t.ownerId, t.subject)));
}
