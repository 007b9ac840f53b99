// Optional routing by Baton: round robin over the policy's reps, skipping reps over capacity and reps who
// already returned this lead. Transparent: it says why it picked nobody.

export interface RoutableRep {
  id: string;
  capacity?: number | undefined;
}

export type RoutingPick =
  { ownerId: string } | { ownerId: null; why: 'no_reps' | 'all_excluded' | 'all_over_capacity' };

export function pickRep(input: {
  reps: readonly RoutableRep[];
  openLeads: Readonly<Record<string, number>>;
  defaultCapacity: number;
  exclude: readonly string[];
  /** The rep who got the previous lead; the next one after it is tried first. */
  lastAssigned: string | null;
}): RoutingPick {
  const { reps } = input;
  if (reps.length === 0) return { ownerId: null, why: 'no_reps' };
  const eligible = reps.filter((r) => !input.exclude.includes(r.id));
  if (eligible.length === 0) return { ownerId: null, why: 'all_excluded' };
  const start = input.lastAssigned ? reps.findIndex((r) => r.id === input.lastAssigned) + 1 : 0;
  for (let i = 0; i < reps.length; i++) {
    const rep = reps[(start + i) % reps.length];
    if (!rep || input.exclude.includes(rep.id)) continue;
    if ((input.openLeads[rep.id] ?? 0) < (rep.capacity ?? input.defaultCapacity)) return { ownerId: rep.id };
  }
  return { ownerId: null, why: 'all_over_capacity' };
}

/** Reps with more open assigned leads than their capacity (shown in ops; skipped by routing). */
export function repsOverCapacity(
  openLeads: Readonly<Record<string, number>>,
  capacityOf: (repId: string) => number,
): Array<{ repId: string; open: number; capacity: number }> {
  return Object.entries(openLeads)
    .filter(([repId, open]) => open > capacityOf(repId))
    .map(([repId, open]) => ({ repId, open, capacity: capacityOf(repId) }));
}
