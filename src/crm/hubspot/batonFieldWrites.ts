// Writing BatonFields onto contacts: one input per lead (HubSpot refuses duplicate ids in a batch), the lifecycle
// meaning written as this portal's stage, and the two-step move HubSpot requires to go backwards (it only moves a
// set stage forward in the portal's order).
import type { BatonFields } from '../../domain/decide/effect.ts';
import type { RecordResult } from '../port.ts';
import { toProperties } from './batonProperties.ts';
import { updateContacts } from './contactUpdates.ts';
import type { HubSpotConnection } from './hubspotConnection.ts';
import { setsInTwoSteps, type LifecycleStages } from './lifecycleStages.ts';

interface Planned {
  id: string;
  properties: Record<string, string>;
  /** The stage to set in a second request, after the first one cleared it. */
  thenStage: string | null;
}

/** One lead's write: its lifecycle meaning as the portal's stage, cleared first when that may be a move back. */
function plan(id: string, fields: BatonFields, stages: LifecycleStages | null): Planned {
  const properties = toProperties(fields);
  // A portal without a stage for this meaning keeps its stage (provisioning reported the gap and its fix).
  const stage = fields.lifecycle ? stages?.valueOf[fields.lifecycle] : undefined;
  if (stage === undefined || stages === null) return { id, properties, thenStage: null };
  const twoSteps = setsInTwoSteps(stages, stage);
  properties['lifecyclestage'] = twoSteps ? '' : stage;
  return { id, properties, thenStage: twoSteps ? stage : null };
}

export async function writeBatonFields(
  hs: HubSpotConnection,
  updates: ReadonlyArray<{ leadId: string; fields: BatonFields }>,
  lifecycleStages: () => Promise<LifecycleStages>,
): Promise<RecordResult[]> {
  // One lead's several updates become one input (HubSpot refuses duplicate ids in a batch).
  const merged = new Map<string, BatonFields>();
  for (const u of updates) merged.set(u.leadId, { ...merged.get(u.leadId), ...u.fields });
  // The portal's stages are read only when a write sets one.
  const stages = [...merged.values()].some((f) => f.lifecycle) ? await lifecycleStages() : null;
  const planned = [...merged].map(([id, f]) => plan(id, f, stages));
  const toSend = planned.filter((p) => Object.keys(p.properties).length > 0);
  const sent = await updateContacts(
    hs,
    'contacts.batch.update',
    toSend.map(({ id, properties }) => ({ id, properties })),
  );
  const byId = new Map(sent.map((r) => [r.id, r]));
  // Only a lifecycle the portal has no stage for: nothing to send, and nothing Baton can do until it is mapped.
  const results = planned.map(
    (p): RecordResult =>
      byId.get(p.id) ?? { id: p.id, ok: true, leftAlone: 'this portal has no lifecycle stage for it' },
  );
  const cleared = new Set(results.filter((r) => r.ok).map((r) => r.id));
  const second = planned.flatMap((p) =>
    p.thenStage !== null && cleared.has(p.id)
      ? [{ id: p.id, properties: { lifecyclestage: p.thenStage } }]
      : [],
  );
  if (second.length === 0) return results;
  const secondResults = new Map(
    (await updateContacts(hs, 'contacts.lifecycle.set', second)).map((r) => [r.id, r]),
  );
  return results.map((r) => secondResults.get(r.id) ?? r);
}
