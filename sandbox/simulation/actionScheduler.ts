// Timed actions on simulated time: what people in the portal will do and when. The driver (stepped in the
// demo, real timers in sandbox mode) decides when due actions run; actions may schedule further actions.

/**
 * 'work': what contacts and reps do; it runs stamped with the time it happened, even when applied a little
 * later. 'assign': owner changes by the assignment workflow and marketing ops; they run as soon as their
 * step comes and are stamped with the time they run (they start Baton's SLA clock).
 */
export type ActionKind = 'work' | 'assign';

export interface TimedAction {
  at: number;
  kind: ActionKind;
  label: string;
  /** `stampAt` is the time the action is recorded with in the portal. */
  run: (stampAt: number) => void | Promise<void>;
  /** False for extras the scenario need not wait for (follow-ups after a hand-off already has its outcome). */
  essential?: boolean;
}

interface Queued extends TimedAction {
  seq: number;
}

export class ActionScheduler {
  private readonly queue: Queued[] = [];
  private seq = 0;

  schedule(action: TimedAction): void {
    const item = { ...action, seq: ++this.seq };
    // Sorted by time, then by scheduling order: equal times run in the order they were planned.
    let lo = 0;
    let hi = this.queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const m = this.queue[mid];
      if (m && (m.at < item.at || (m.at === item.at && m.seq < item.seq))) lo = mid + 1;
      else hi = mid;
    }
    this.queue.splice(lo, 0, item);
  }

  /** The earliest pending action of these kinds, or null. */
  nextAt(kinds: readonly ActionKind[]): number | null {
    return this.queue.find((a) => kinds.includes(a.kind))?.at ?? null;
  }

  /** Removes and returns the next action of these kinds due at or before `until`. */
  takeNext(until: number, kinds: readonly ActionKind[]): TimedAction | null {
    const i = this.queue.findIndex((a) => kinds.includes(a.kind));
    const item = this.queue[i];
    if (!item || item.at > until) return null;
    this.queue.splice(i, 1);
    return item;
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Pending actions the scenario must wait for. */
  get pendingEssential(): number {
    return this.queue.filter((a) => a.essential !== false).length;
  }

  /** The latest planned action (how far the plan reaches). */
  lastAt(): number | null {
    return this.queue.at(-1)?.at ?? null;
  }
}

/**
 * Runs the actions of these kinds due at or before `untilMs`, in time order (including ones they plan), all in
 * one go so Baton never reads a half-applied step. Requests the actions send go out as they come and are awaited
 * together. A 'work' action is stamped with when it happened; an 'assign' one with when it runs.
 */
export async function runDueActions(
  o: { scheduler: ActionScheduler; now: () => number; errors: string[] },
  untilMs: number,
  kinds: readonly ActionKind[],
): Promise<number> {
  const requests: Array<Promise<void>> = [];
  const failed = (label: string) => (error: unknown) => {
    o.errors.push(`${label}: ${error instanceof Error ? error.message : String(error)}`);
  };
  let ran = 0;
  for (let a = o.scheduler.takeNext(untilMs, kinds); a; a = o.scheduler.takeNext(untilMs, kinds)) {
    const now = o.now();
    try {
      const pending = a.run(a.kind === 'assign' ? now : Math.min(a.at, now));
      if (pending) requests.push(pending.catch(failed(a.label)));
    } catch (error) {
      failed(a.label)(error);
    }
    ran++;
  }
  await Promise.all(requests);
  return ran;
}
