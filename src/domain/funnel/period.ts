// The span a report covers. Half-open [from, to) so that consecutive periods never count a row twice.

export interface Period {
  from: Date;
  to: Date;
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export function inPeriod(at: Date, period: Period): boolean {
  const t = at.getTime();
  return t >= period.from.getTime() && t < period.to.getTime();
}

/** What is known at `instant` includes rows stamped exactly then, as a snapshot taken at that instant would. */
export function knownAt(at: Date, instant: Date): boolean {
  return at.getTime() <= instant.getTime();
}
