// Optional routing by Baton: round robin over the policy's reps, skipping reps who are away, reps at capacity
// and reps who already returned this lead. A skipped rep keeps their place in the rotation. Transparent: it says
// why it picked nobody.

export interface RoutableRep {
  id: string;
  capacity?: number | undefined;
  /** Out of office: skipped, and back in the rotation at the same place. */
  away?: boolean | undefined;
}

export type RoutingPick =
  { ownerId: string } | { ownerId: null; why: 'no_reps' | 'all_excluded' | 'all_away' | 'all_over_capacity' };

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
  if (eligible.every((r) => r.away)) return { ownerId: null, why: 'all_away' };
  const start = input.lastAssigned ? reps.findIndex((r) => r.id === input.lastAssigned) + 1 : 0;
  for (let i = 0; i < reps.length; i++) {
    const rep = reps[(start + i) % reps.length];
    if (!rep || rep.away || input.exclude.includes(rep.id)) continue;
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
