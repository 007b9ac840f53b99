// The one clock Baton, the sandbox portal and the simulated people share. Sandbox mode runs it accelerated;
// the demo steps it: real time between steps (so rate-limit windows and signed requests behave as they do in
// production) and a jump forward at each step, taken only once Baton has settled.

export interface SimClock {
  now(): Date;
}

export interface SteppedClock extends SimClock {
  /** Jumps to `atMs` (never backwards) and runs on in real time from there. */
  advanceTo(atMs: number): void;
}

export function createSteppedClock(startMs: number, realNow: () => number = Date.now): SteppedClock {
  let base = startMs;
  let realBase = realNow();
  const current = () => base + (realNow() - realBase);
  return {
    now: () => new Date(current()),
    advanceTo: (atMs) => {
      base = Math.max(atMs, current());
      realBase = realNow();
    },
  };
}
