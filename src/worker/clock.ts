// Where the worker reads the time: the system clock, or an accelerated one for the demo and end-to-end tests.

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Runs `factor` times faster than real time from `start` (the demo compresses days into minutes). */
export function acceleratedClock(start: Date, factor: number, realNow: () => number = Date.now): Clock {
  const realStart = realNow();
  return { now: () => new Date(start.getTime() + (realNow() - realStart) * factor) };
}
