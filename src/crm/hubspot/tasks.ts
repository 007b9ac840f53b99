// Reminder tasks on contacts: created in batches (associated to their contact), and found again by lead, owner
// and subject so a retried create whose answer was lost makes no second task.
import { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/objects/tasks/index.js';
import { z } from 'zod';
import { CrmError, type CrmTask, taskIdentity, type RecordResult } from '../port.ts';
import { associatedIds } from './associations.ts';
import { BATCH_LIMIT, chunks } from './batching.ts';
import type { HubSpotConnection } from './hubspotConnection.ts';
import { plain } from './sdkData.ts';

/** HubSpot's association type id for task → contact. */
const TASK_TO_CONTACT = 204;

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

/** The leads' tasks (date-versioned association read, then a batch read of the tasks), matched on owner and subject. */
export async function findTasks(hs: HubSpotConnection, tasks: readonly CrmTask[]): Promise<boolean[]> {
  const pairs = await associatedIds(
    hs,
    { from: 'contacts', to: 'tasks' },
    'contacts.tasks.associations.read',
    tasks.map((t) => t.leadId),
  );
  const taskIds = new Map(pairs.map((p) => [p.to, p.from]));
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
