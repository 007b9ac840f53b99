// The replayed window as inclusive dates (YYYY-MM-DD, UTC), its presets, and the API's instants for it.

export interface WindowDates {
  from: string;
  to: string;
}

const DAY = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

const todayStart = (now: Date): number => Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());

/** The last 90 days, today included. */
export const last90Days = (now = new Date()): WindowDates => ({
  from: iso(todayStart(now) - 89 * DAY),
  to: iso(todayStart(now)),
});

/** The last calendar quarter that has ended. */
export function lastFullQuarter(now = new Date()): WindowDates {
  const q = Math.floor(now.getUTCMonth() / 3);
  const start = Date.UTC(now.getUTCFullYear(), (q - 1) * 3, 1);
  const end = Date.UTC(now.getUTCFullYear(), q * 3, 1) - DAY;
  return { from: iso(start), to: iso(end) };
}

export const isWindow = (w: Partial<WindowDates>): w is WindowDates =>
  DATE.test(w.from ?? '') && DATE.test(w.to ?? '');

/** From the first day's start to the last day's end: the API's `to` is exclusive. */
export function apiWindow(w: WindowDates): { from: string; to: string } {
  const end = new Date(`${w.to}T00:00:00.000Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return { from: `${w.from}T00:00:00.000Z`, to: end.toISOString() };
}
