// The proposed policy as the admin writes it: JSON text checked in the browser before anything is sent, and the
// common settings ("knobs") read from and written into that text, so the text stays the one source of truth.

export type Proposal = Record<string, unknown>;

export type DraftReading = { ok: true; proposal: Proposal } | { ok: false; message: string };

export interface Knob {
  /** Dotted path in the policy, as the server names it in a problem (after "policy."). */
  path: string;
  label: string;
  unit: string;
  /** Shown value = policy value × scale (the reject-rate target is a 0–1 share, edited in %). */
  scale: number;
  step: number;
  /** Baton's default (DESIGN.md §2), for orientation: the tenant's value in force may differ. */
  usual: string;
}

export const KNOBS: readonly Knob[] = [
  {
    path: 'sla.firstTouchHours',
    label: 'First touch within',
    unit: 'business h',
    scale: 1,
    step: 1,
    usual: '24',
  },
  {
    path: 'sla.autoRecycleHours',
    label: 'Auto-recycle at',
    unit: 'business h',
    scale: 1,
    step: 1,
    usual: '72',
  },
  { path: 'recycle.cooldownDays', label: 'Re-MQL cooldown', unit: 'days', scale: 1, step: 1, usual: '30' },
  {
    path: 'recycle.maxRecycles',
    label: 'Recycles before exhausted',
    unit: '',
    scale: 1,
    step: 1,
    usual: '3',
  },
  { path: 'rejectRateTarget', label: 'Reject-rate target', unit: '%', scale: 100, step: 1, usual: '10' },
  { path: 'capacity.openLeadsPerRep', label: 'Open leads per rep', unit: '', scale: 1, step: 1, usual: '40' },
];

export const EXAMPLE: Proposal = { sla: { firstTouchHours: 16 } };

export const formatDraft = (p: Proposal): string => JSON.stringify(p, null, 2);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The text as a proposal, or why it is not one (the browser's own JSON message, which names the position). */
export function readDraft(text: string): DraftReading {
  if (text.trim() === '') return { ok: true, proposal: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  if (!isObject(value))
    return {
      ok: false,
      message: 'The proposal must be a JSON object, such as {"sla": {"firstTouchHours": 16}}',
    };
  return { ok: true, proposal: value };
}

export function valueAt(p: Proposal, path: string): unknown {
  let at: unknown = p;
  for (const key of path.split('.')) {
    if (!isObject(at)) return undefined;
    at = at[key];
  }
  return at;
}

/** A copy of `p` with `path` set to `value`, or removed (with objects it leaves empty) when value is undefined. */
export function withValue(p: Proposal, path: string, value: unknown): Proposal {
  const [key, ...rest] = path.split('.');
  if (key === undefined) return p;
  const others = Object.fromEntries(Object.entries(p).filter(([k]) => k !== key));
  if (rest.length === 0) return value === undefined ? others : { ...others, [key]: value };
  const under = p[key];
  const next = withValue(isObject(under) ? under : {}, rest.join('.'), value);
  return Object.keys(next).length === 0 ? others : { ...others, [key]: next };
}

/** A knob's field text for the proposal's value: blank when the proposal leaves the setting as in force. */
export function knobText(knob: Knob, p: Proposal): string {
  const v = valueAt(p, knob.path);
  if (typeof v !== 'number') return v === undefined ? '' : String(v);
  // Rounded so that 0.07 × 100 reads "7", not "7.000000000000001".
  return String(Math.round(v * knob.scale * 1e6) / 1e6);
}

/** The policy value for a knob's field text: undefined (leave as in force) when blank. */
export function knobValue(knob: Knob, text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  if (!Number.isFinite(n)) return undefined;
  return Math.round((n / knob.scale) * 1e6) / 1e6;
}
