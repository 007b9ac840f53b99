// The figures a what-if compares, each with its sense: whether more of it is good, bad or neither for the funnel.
// Values come from the report as they are; only their wording and the difference between the two sides are made here.
import type { WhatIfResponse } from '../apiTypes.ts';
import { formatCount, formatHours, formatPercent, NONE } from '../format.ts';

export type Side = WhatIfResponse['baseline'];

/** up: more is better; down: less is better; none: a setting or a volume, neither good nor bad by itself. */
export type Sense = 'up' | 'down' | 'none';

export interface Figure {
  key: string;
  label: string;
  hint?: string;
  sense: Sense;
  /** The raw value (booleans as 1/0, so the change reads "now yes"). */
  value: (s: Side) => number | boolean | null;
  format: (v: number) => string;
  /** How a difference is written: counts as counts, shares in percentage points. */
  unit: 'count' | 'points' | 'hours' | 'flag';
}

const count = (v: number) => formatCount(v);
const yesNo = (v: number) => (v ? 'yes' : 'no');

export const FIGURES: readonly Figure[] = [
  {
    key: 'mqls',
    label: 'MQLs',
    hint: 'first MQLs and re-MQLs the policy keeps',
    sense: 'none',
    value: (s) => s.mqls,
    format: count,
    unit: 'count',
  },
  {
    key: 'droppedByMqlRule',
    label: 'Refused by the MQL rule',
    sense: 'none',
    value: (s) => s.droppedByMqlRule,
    format: count,
    unit: 'count',
  },
  {
    key: 'wouldQualifyUnseen',
    label: 'Would-be MQLs',
    hint: 'pass the rule, never reached an MQL row',
    sense: 'none',
    value: (s) => s.wouldQualifyUnseen,
    format: count,
    unit: 'count',
  },
  {
    key: 'handedOver',
    label: 'Handed to sales',
    sense: 'none',
    value: (s) => s.handedOver,
    format: count,
    unit: 'count',
  },
  {
    key: 'breaches',
    label: 'SLA breaches',
    hint: 'first-touch deadlines passed untouched',
    sense: 'down',
    value: (s) => s.breaches,
    format: count,
    unit: 'count',
  },
  {
    key: 'autoRecycles',
    label: 'Auto-recycled untouched',
    sense: 'down',
    value: (s) => s.autoRecycles,
    format: count,
    unit: 'count',
  },
  { key: 'reMqls', label: 'Re-MQLs', sense: 'none', value: (s) => s.reMqls, format: count, unit: 'count' },
  {
    key: 'reMqlsSuppressed',
    label: 'Re-MQLs held back by the cooldown',
    sense: 'none',
    value: (s) => s.reMqlsSuppressed,
    format: count,
    unit: 'count',
  },
  {
    key: 'exhausted',
    label: 'Exhausted (recycle limit)',
    sense: 'down',
    value: (s) => s.exhausted,
    format: count,
    unit: 'count',
  },
  { key: 'rejects', label: 'Rejects', sense: 'down', value: (s) => s.rejects, format: count, unit: 'count' },
  {
    key: 'rejectRate',
    label: 'Reject rate',
    sense: 'down',
    value: (s) => s.rejectRate,
    format: formatPercent,
    unit: 'points',
  },
  {
    key: 'rejectRateTarget',
    label: 'Reject-rate target',
    sense: 'none',
    value: (s) => s.rejectRateTarget,
    format: formatPercent,
    unit: 'points',
  },
  {
    key: 'overTarget',
    label: 'Reject rate over target',
    sense: 'down',
    value: (s) => s.overTarget,
    format: yesNo,
    unit: 'flag',
  },
  {
    key: 'perRep',
    label: 'Capacity per rep',
    hint: 'open leads',
    sense: 'none',
    value: (s) => s.capacity.perRep,
    format: count,
    unit: 'count',
  },
  {
    key: 'reps',
    label: 'Reps who held a lead',
    sense: 'none',
    value: (s) => s.capacity.reps,
    format: count,
    unit: 'count',
  },
  {
    key: 'peakLoad',
    label: 'Peak load of a rep',
    sense: 'down',
    value: (s) => s.capacity.peakLoad,
    format: count,
    unit: 'count',
  },
  {
    key: 'repsOverCapacity',
    label: 'Reps over capacity',
    sense: 'down',
    value: (s) => s.capacity.repsOverCapacity,
    format: count,
    unit: 'count',
  },
  {
    key: 'meanHoldHours',
    label: 'Mean time a lead waits assigned',
    sense: 'none',
    value: (s) => s.capacity.meanHoldHours,
    format: formatHours,
    unit: 'hours',
  },
  {
    key: 'mqlsCapacityAllows',
    label: 'MQLs capacity allows',
    hint: 'reps × capacity × window ÷ mean hold',
    sense: 'none',
    value: (s) => s.capacity.mqlsCapacityAllows,
    format: count,
    unit: 'count',
  },
  {
    key: 'mqlsOverCapacity',
    label: 'MQLs over what capacity allows',
    sense: 'down',
    value: (s) => s.capacity.mqlsOverCapacity,
    format: yesNo,
    unit: 'flag',
  },
];

export const numeric = (v: number | boolean | null): number | null =>
  v === null ? null : typeof v === 'boolean' ? (v ? 1 : 0) : v;

export const shown = (f: Figure, s: Side): string => {
  const v = numeric(f.value(s));
  return v === null ? NONE : f.format(v);
};

export type Tendency = 'good' | 'bad' | 'neutral' | 'same';

export interface Change {
  text: string;
  tendency: Tendency;
}

function amount(f: Figure, delta: number): string {
  const size = Math.abs(delta);
  if (f.unit === 'points') return `${formatCount(Math.round(size * 1000) / 10)} pts`;
  if (f.unit === 'hours') return formatHours(size);
  return formatCount(Math.round(size * 100) / 100);
}

/** The change from baseline to proposed: ▲/▼ with its size, coloured by the figure's sense. */
export function change(f: Figure, baseline: Side, proposed: Side): Change {
  const a = numeric(f.value(baseline));
  const b = numeric(f.value(proposed));
  // One side without a value (no rejects to rate, no hold measured): say what it becomes, uncoloured.
  if (a === null || b === null)
    return a === b
      ? { text: 'no change', tendency: 'same' }
      : { text: `now ${b === null ? NONE : f.format(b)}`, tendency: 'neutral' };
  const delta = b - a;
  if (Math.abs(delta) < 1e-9) return { text: 'no change', tendency: 'same' };
  const tendency: Tendency =
    f.sense === 'none' ? 'neutral' : delta < 0 === (f.sense === 'down') ? 'good' : 'bad';
  if (f.unit === 'flag') return { text: delta > 0 ? '▲ now yes' : '▼ now no', tendency };
  return { text: `${delta > 0 ? '▲' : '▼'} ${amount(f, delta)}`, tendency };
}
