// The what-if over a quarter: a deterministic synthetic ledger of 100,000 leads (~1M rows: MQL, hand-over, touch,
// returns, recycles, re-MQLs, opportunities) replayed under the default policy and a stricter proposal. Times the
// whole what-if (both replays and the comparison), as `npm run whatif` runs it, without the database read.
import type { LedgerEntry } from '../../src/domain/ledger.ts';
import type { Stage } from '../../src/domain/stages.ts';
import { defaultPolicy, type Policy } from '../../src/domain/policy/schema.ts';
import { whatIf } from '../../src/domain/whatIf/whatIf.ts';
import type { WhatIfReport } from '../../src/domain/whatIf/whatIfReport.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const QUARTER = { from: new Date('2026-07-01T00:00:00Z'), to: new Date('2026-10-01T00:00:00Z') };

/** A small deterministic generator (mulberry32): the same ledger every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function syntheticQuarter(leads: number, reps = 120): LedgerEntry[] {
  const rnd = random(17);
  const rows: LedgerEntry[] = [];
  const span = QUARTER.to.getTime() - QUARTER.from.getTime();
  const system = { kind: 'system' } as const;
  for (let i = 0; i < leads; i++) {
    const leadId = String(100_000_000 + i);
    const ownerId = `rep-${Math.floor(rnd() * reps)}`;
    const context = { fit: Math.floor(rnd() * 100), engagement: Math.floor(rnd() * 100), source: 'organic' };
    let at = QUARTER.from.getTime() - 20 * DAY + rnd() * (span + 10 * DAY);
    let from: Stage | null = 'inquiry';
    const add = (to: Stage, cause: LedgerEntry['cause'], extra: Partial<LedgerEntry> = {}) => {
      if (at >= QUARTER.to.getTime()) return false;
      rows.push({ leadId, at: new Date(at), from, to, cause, actor: system, ownerId, context, ...extra });
      from = to;
      return true;
    };
    const later = (hours: number) => (at += rnd() * hours * HOUR + 60_000);
    add('inquiry', 'created', { from: null });
    for (let cycle = 0; cycle < 4; cycle++) {
      later(cycle === 0 ? 48 : 40 * 24);
      if (!add('mql', cycle === 0 ? (rnd() < 0.2 ? 'hand_raise' : 'score_qualified') : 're_engaged')) break;
      later(2);
      if (!add('assigned', 'assigned')) break;
      const wait = rnd() < 0.8 ? 30 : 120;
      later(wait / 2);
      add('assigned', 'sla_reminder');
      if (rnd() < 0.3) add('assigned', 'sla_breach');
      if (rnd() < 0.1) add('assigned', 'reassigned', { ownerId: `rep-${Math.floor(rnd() * reps)}` });
      later(wait / 2);
      if (!add('accepted', 'first_touch', { context: { ...context, slaMet: rnd() < 0.7 } })) break;
      later(48);
      const fate = rnd();
      if (fate < 0.12) {
        add('returned', 'rep_returned', { reason: rnd() < 0.5 ? 'wrong_owner' : 'not_ready' });
        add('recycled', 'rep_returned', { reason: 'not_ready' });
      } else if (fate < 0.4) {
        add('qualified', 'opportunity');
        later(24 * 20);
        add(rnd() < 0.3 ? 'won' : 'lost', rnd() < 0.3 ? 'closed_won' : 'closed_lost');
        break;
      } else if (fate < 0.6) {
        later(24 * 30);
        if (!add('recycled', 'went_dark', { reason: 'went_dark' })) break;
      } else break;
    }
  }
  return rows.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** A proposal that moves every figure: a shorter SLA, a stricter MQL rule, a longer cooldown, fewer recycles. */
export function stricterPolicy(base: Policy): Policy {
  return {
    ...base,
    sla: { ...base.sla, firstTouchHours: 8, autoRecycleHours: 40 },
    mql: { ...base.mql, minFitGrade: 'A' },
    recycle: { ...base.recycle, cooldownDays: 45, maxRecycles: 2 },
    capacity: { openLeadsPerRep: 25 },
    holidays: ['2026-07-03', '2026-09-07'],
  };
}

export interface WhatIfFigures {
  leads: number;
  rows: number;
  whatIfQuarterMs: number;
  changed: number;
}

export function benchWhatIf(leads: number): WhatIfFigures {
  const rows = syntheticQuarter(leads);
  const baseline = defaultPolicy();
  const proposed = stricterPolicy(baseline);
  // One warm-up run on a slice (JIT), then the measured one.
  whatIf({ rows: rows.slice(0, 20_000), window: QUARTER, baseline, proposed });
  const started = performance.now();
  const report: WhatIfReport = whatIf({ rows, window: QUARTER, baseline, proposed });
  const whatIfQuarterMs = performance.now() - started;
  return { leads: report.leads, rows: report.rows, whatIfQuarterMs, changed: report.changed.count };
}
