// Writing BatonFields onto contacts: one input per lead (HubSpot refuses duplicate ids in a batch), and the
// two-step lifecycle move HubSpot requires to go backwards (it only moves a set stage forward).
import type { BatonFields } from '../../domain/decide/effect.ts';
import type { RecordResult } from '../port.ts';
import { toProperties } from './batonProperties.ts';
import { updateContacts } from './contactUpdates.ts';
import type { HubSpotConnection } from './hubspotConnection.ts';

const BACKWARD_LIFECYCLE: Record<
  NonNullable<BatonFields['lifecycle']>,
  { value: string; backward: boolean }
> = {
  lead: { value: 'lead', backward: true },
  mql: { value: 'marketingqualifiedlead', backward: false },
};

export async function writeBatonFields(
  hs: HubSpotConnection,
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
  const results = await updateContacts(hs, 'contacts.batch.update', first);
  const cleared = new Set(results.filter((r) => r.ok).map((r) => r.id));
  const second = backward
    .filter(([id]) => cleared.has(id))
    .map(([id, f]) => ({
      id,
      properties: { lifecyclestage: f.lifecycle ? BACKWARD_LIFECYCLE[f.lifecycle].value : '' },
    }));
  if (second.length === 0) return results;
  const secondResults = new Map(
    (await updateContacts(hs, 'contacts.lifecycle.set', second)).map((r) => [r.id, r]),
  );
  return results.map((r) => secondResults.get(r.id) ?? r);
}
