// Where each HubSpot rep works the leads handed to them. Portals with the Leads object split: some reps work Lead
// records in the prospecting workspace (and never open Baton's card), the rest work the contact with Baton's card.
// About a third work Lead records, chosen from the seed so a run is the same every time.
import { dice } from './randomness.ts';

/** Baton's card on the contact record, or Lead records (0-136) in HubSpot's prospecting workspace. */
export type RepWorkspace = 'card' | 'leads';

export const LEAD_WORKSPACE_SHARE = 1 / 3;

/**
 * The indexes (in the portal's owner order) of the reps who work Lead records: round(count / 3), at least one
 * where there are two reps or more (a lone rep stays on the card, so card figures keep a rep), none without the
 * Leads object.
 */
export function leadWorkspaceReps(count: number, seed: number, leadsObject: boolean): ReadonlySet<number> {
  if (!leadsObject || count < 2) return new Set();
  const d = dice(seed, 'lead-workspace');
  const order = Array.from({ length: count }, (_, i) => i);
  // Fisher–Yates on the seeded stream.
  for (let i = count - 1; i > 0; i--) {
    const j = d.int(0, i);
    [order[i], order[j]] = [order[j] ?? j, order[i] ?? i];
  }
  return new Set(order.slice(0, Math.max(1, Math.round(count * LEAD_WORKSPACE_SHARE))));
}
