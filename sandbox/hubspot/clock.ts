// The sandbox's sense of time. Everything HubSpot timestamps (createdate, token expiry, rate-limit windows,
// webhook occurredAt) reads this clock, so tests and demos can run it fixed or accelerated.
// Timers that only pace the sandbox itself (webhook batching, retries, injected latency) use real time.

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export interface ManualClock extends Clock {
  set(ms: number): void;
  advance(ms: number): void;
}

/** A clock that moves only when told: rate-limit windows and token expiry without waiting. */
export function createManualClock(startMs = Date.parse('2026-10-01T09:00:00.000Z')): ManualClock {
  let current = startMs;
  return {
    now: () => current,
    set: (ms) => {
      current = ms;
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

/** A clock running `factor` times faster than real time from `startMs` (a day of SLA in minutes). */
export function createAcceleratedClock(factor: number, startMs = Date.now()): Clock {
  const realStart = Date.now();
  return { now: () => Math.round(startMs + (Date.now() - realStart) * factor) };
}
