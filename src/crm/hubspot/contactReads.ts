// Contacts by id: batch reads of Baton's properties, 100 ids per call.
import { z } from 'zod';
import type { CrmLead } from '../port.ts';
import { BATCH_LIMIT, chunks } from './batching.ts';
import { contactSchema, contactToLead, READ_PROPERTIES } from './contactMapping.ts';
import type { LifecycleStages } from './lifecycleStages.ts';
import type { HubSpotConnection } from './hubspotConnection.ts';
import { plain } from './sdkData.ts';

const batchReadResponse = z.object({ results: z.array(contactSchema) });

export async function readContacts(
  hs: HubSpotConnection,
  ids: readonly string[],
  stages: LifecycleStages,
): Promise<CrmLead[]> {
  const leads: CrmLead[] = [];
  for (const chunk of chunks([...new Set(ids)], BATCH_LIMIT)) {
    const response = await hs.call('contacts.batch.read', chunk, 'general', (c) =>
      c.crm.contacts.batchApi.read({
        inputs: chunk.map((id) => ({ id })),
        properties: [...READ_PROPERTIES],
        propertiesWithHistory: [],
      }),
    );
    // Ids HubSpot does not know (deleted, merged) come back as errors: they are simply not returned.
    const parsed = batchReadResponse.parse(plain(response));
    leads.push(...parsed.results.map((c) => contactToLead(c, stages)));
  }
  return leads;
}
