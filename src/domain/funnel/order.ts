// A stable order for breakdown rows with equal counts, so reports and their CSVs do not reshuffle.

/** Alphabetical, the missing value (null) last. */
export function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
