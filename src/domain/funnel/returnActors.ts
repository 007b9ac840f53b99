// Who returned leads, next to whose leads they were. The reject rate counts a return against the lead's owner at
// the time (byRep: the lead definition is judged by the leads a rep was handed); this says who clicked, and how
// many of their returns were of a lead someone else owned (the owner's manager, a portal admin).
import type { LedgerEntry } from '../ledger.ts';
import { compareKeys } from './order.ts';

export interface ReturnActorRow {
  /** The acting user as an owner where the CRM keeps the ids apart (HubSpot), else their user id (Salesforce,
   * where a user owns records under their own id); null when the row names no user. */
  key: string | null;
  returns: number;
  rejects: number;
  /** Of these returns, those of a lead another owner held. */
  ofOthersLeads: number;
}

export const actorOf = (row: LedgerEntry): string | null =>
  row.actor.kind === 'user' ? (row.actor.ownerId ?? row.actor.userId) : null;

/** A return made by someone other than the lead's owner at the time (never true when either is unknown). */
export const byOtherThanOwner = (row: LedgerEntry): boolean => {
  const actor = actorOf(row);
  return actor !== null && row.ownerId !== null && row.ownerId !== undefined && actor !== row.ownerId;
};

export function returnActors(
  returns: readonly LedgerEntry[],
  rejects: readonly LedgerEntry[],
): ReturnActorRow[] {
  const rejected = new Set(rejects);
  return [...Map.groupBy(returns, actorOf)]
    .map(([key, rows]) => ({
      key,
      returns: rows.length,
      rejects: rows.filter((r) => rejected.has(r)).length,
      ofOthersLeads: rows.filter(byOtherThanOwner).length,
    }))
    .toSorted((a, b) => b.returns - a.returns || compareKeys(a.key, b.key));
}
