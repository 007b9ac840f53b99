// Batch updates of contact properties with a result per record: HubSpot's per-record errors become failed
// results, and a batch HubSpot rejects as a whole is halved until the bad records stand alone.
import { z } from 'zod';
import { CrmError, type RecordResult } from '../port.ts';
import { BATCH_LIMIT, chunks } from './batching.ts';
import type { HubSpotConnection } from './hubspotConnection.ts';
import { plain } from './sdkData.ts';

export interface ContactUpdate {
  id: string;
  properties: Record<string, string>;
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

/**
 * Batch update in chunks of 100. A batch HubSpot rejects as a whole (one invalid value fails all of them) is
 * split in halves until the bad records stand alone, so one bad lead never blocks the others.
 */
export async function updateContacts(
  hs: HubSpotConnection,
  operation: string,
  inputs: readonly ContactUpdate[],
): Promise<RecordResult[]> {
  // All chunks at once: the portal's limiter spaces them, so a backlog goes out at the rate HubSpot allows
  // instead of one round trip at a time.
  const results = await Promise.all(
    chunks(inputs, BATCH_LIMIT).map((chunk) => updateChunk(hs, operation, chunk)),
  );
  return results.flat();
}

async function updateChunk(
  hs: HubSpotConnection,
  operation: string,
  chunk: readonly ContactUpdate[],
): Promise<RecordResult[]> {
  const ids = chunk.map((c) => c.id);
  try {
    const response = batchResponse.parse(
      plain(
        await hs.call(operation, ids, 'general', (c) =>
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
      ...(await updateChunk(hs, operation, chunk.slice(0, half))),
      ...(await updateChunk(hs, operation, chunk.slice(half))),
    ];
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
