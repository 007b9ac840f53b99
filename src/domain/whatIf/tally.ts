// The running totals of one replay, and the reps' load as a stream of (+1 / −1, instant) events kept in typed
// arrays: a quarter of 100,000 leads makes ~200,000 of them, and an object each would cost more than the replay.

/** What happened to a lead in the window, one bit each: two replays of a lead differ when their bits do. */
export const OUTCOME = {
  mql: 1,
  dropped: 2,
  handedOver: 4,
  breached: 8,
  autoRecycled: 16,
  rejected: 32,
  reMql: 64,
  reMqlSuppressed: 128,
  exhausted: 256,
  wouldQualify: 512,
} as const;

const WORDS: ReadonlyArray<[number, string]> = [
  [OUTCOME.mql, 'MQL'],
  [OUTCOME.dropped, 'refused by the MQL rule'],
  [OUTCOME.handedOver, 'handed over'],
  [OUTCOME.breached, 'breached'],
  [OUTCOME.autoRecycled, 'auto-recycled'],
  [OUTCOME.rejected, 'rejected'],
  [OUTCOME.reMql, 're-MQL'],
  [OUTCOME.reMqlSuppressed, 're-MQL held back by the cooldown'],
  [OUTCOME.exhausted, 'exhausted'],
  [OUTCOME.wouldQualify, 'would qualify (no MQL row)'],
];

export function outcomeWords(flags: number): string {
  const words = WORDS.filter(([bit]) => (flags & bit) !== 0).map(([, word]) => word);
  return words.length > 0 ? words.join(' · ') : 'nothing in the window';
}

export class Tally {
  mqls = 0;
  droppedByMqlRule = 0;
  unjudged = 0;
  /** Leads with no MQL row in their history: no rule's verdict on them can be replayed. */
  neverMql = 0;
  wouldQualifyUnseen = 0;
  handedOver = 0;
  breaches = 0;
  autoRecycles = 0;
  reMqls = 0;
  reMqlsSuppressed = 0;
  exhausted = 0;
  rejects = 0;
  holdMs = 0;
  holds = 0;
  readonly repIds: string[] = [];
  private readonly repIndex = new Map<string, number>();
  private times = new Float64Array(4096);
  private reps = new Int32Array(4096);
  private deltas = new Int8Array(4096);
  private n = 0;

  rep(ownerId: string): number {
    let i = this.repIndex.get(ownerId);
    if (i === undefined) {
      i = this.repIds.length;
      this.repIds.push(ownerId);
      this.repIndex.set(ownerId, i);
    }
    return i;
  }

  load(at: number, rep: number, delta: 1 | -1): void {
    if (this.n === this.times.length) {
      const size = this.n * 2;
      this.times = copyInto(new Float64Array(size), this.times);
      this.reps = copyInto(new Int32Array(size), this.reps);
      this.deltas = copyInto(new Int8Array(size), this.deltas);
    }
    this.times[this.n] = at;
    this.reps[this.n] = rep;
    this.deltas[this.n] = delta;
    this.n += 1;
  }

  /** Each rep's most open leads at once in [from, to), and how many at `to`. */
  loads(from: number, to: number): Array<{ peak: number; end: number }> {
    const order = new Uint32Array(this.n);
    for (let i = 0; i < this.n; i++) order[i] = i;
    // In time order; at one instant releases first, so a hand-over between reps is not a peak for both.
    const { times, deltas, reps } = this;
    order.sort((a, b) => (times[a] ?? 0) - (times[b] ?? 0) || (deltas[a] ?? 0) - (deltas[b] ?? 0));
    const open = new Int32Array(this.repIds.length);
    const peak = new Int32Array(this.repIds.length);
    let started = false;
    for (const i of order) {
      const t = times[i] ?? 0;
      if (t >= to) break;
      if (!started && t >= from) {
        started = true;
        peak.set(open);
      }
      const r = reps[i] ?? 0;
      open[r] = (open[r] ?? 0) + (deltas[i] ?? 0);
      if (started && (open[r] ?? 0) > (peak[r] ?? 0)) peak[r] = open[r] ?? 0;
    }
    if (!started) peak.set(open);
    return this.repIds.map((_, r) => ({ peak: peak[r] ?? 0, end: open[r] ?? 0 }));
  }
}

function copyInto<T extends Float64Array | Int32Array | Int8Array>(to: T, from: T): T {
  to.set(from);
  return to;
}
