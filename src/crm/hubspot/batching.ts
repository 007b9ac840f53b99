// HubSpot caps how many records one batch call carries; every batched read and write splits its ids with this.

/** HubSpot's batch cap for CRM objects. */
export const BATCH_LIMIT = 100;

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
