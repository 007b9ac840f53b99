// The contact properties Baton owns in a HubSpot portal (group "baton"), and how BatonFields map onto them.
import type { BatonFields } from '../../domain/decide/effect.ts';
import type { Policy } from '../../domain/policy/schema.ts';
import { STAGES } from '../../domain/stages.ts';

export const PROPERTY_GROUP = { name: 'baton', label: 'Baton', displayOrder: -1 } as const;

export interface PropertyDefinition {
  name: string;
  label: string;
  type: 'string' | 'number' | 'datetime' | 'enumeration';
  fieldType: 'text' | 'textarea' | 'number' | 'date' | 'select';
  description: string;
  options?: Array<{ label: string; value: string; displayOrder: number; hidden: boolean }>;
}

const options = (values: ReadonlyArray<{ value: string; label: string }>) =>
  values.map((v, i) => ({ label: v.label, value: v.value, displayOrder: i, hidden: false }));

const label = (code: string) => code.replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase());

const SLA_STATUSES = ['on_time', 'due_soon', 'breached', 'met', 'missed'] as const;

/**
 * Property names, one place. No `returnRefusal`: a HubSpot rep returns a lead through the card, which Baton answers
 * at once; no record field carries a request for Baton to refuse later.
 */
export const P = {
  stage: 'baton_stage',
  slaDueAt: 'baton_sla_due_at',
  slaStatus: 'baton_sla_status',
  fit: 'baton_fit_score',
  engagement: 'baton_engagement_score',
  grade: 'baton_grade',
  scoreReasons: 'baton_score_reasons',
  recycleCount: 'baton_recycle_count',
  lastReason: 'baton_last_reason',
  lastNote: 'baton_last_note',
  returnedAt: 'baton_returned_at',
} as const satisfies Record<Exclude<keyof BatonFields, 'lifecycle' | 'returnRefusal'>, string>;

/** Where the lead is: its Baton stage and its first-touch SLA. */
function funnelDefinitions(): PropertyDefinition[] {
  return [
    {
      name: P.stage,
      label: 'Baton stage',
      type: 'enumeration',
      fieldType: 'select',
      description: 'Where the lead is in the funnel, as Baton tracks it.',
      options: options(STAGES.map((s) => ({ value: s, label: label(s) }))),
    },
    {
      name: P.slaDueAt,
      label: 'Baton SLA due',
      type: 'datetime',
      fieldType: 'date',
      description: 'When the first touch is due.',
    },
    {
      name: P.slaStatus,
      label: 'Baton SLA status',
      type: 'enumeration',
      fieldType: 'select',
      description: 'First-touch SLA: on time, due soon, breached, met or missed.',
      options: options(SLA_STATUSES.map((s) => ({ value: s, label: label(s) }))),
    },
  ];
}

/** The scores Baton computes, and the reasons behind them. */
function scoreDefinitions(): PropertyDefinition[] {
  return [
    {
      name: P.fit,
      label: 'Baton fit score',
      type: 'number',
      fieldType: 'number',
      description: 'Who they are, 0–100.',
    },
    {
      name: P.engagement,
      label: 'Baton engagement score',
      type: 'number',
      fieldType: 'number',
      description: 'What they do, 0–100, decaying with time.',
    },
    {
      name: P.grade,
      label: 'Baton grade',
      type: 'string',
      fieldType: 'text',
      description: 'Fit A–D × engagement 1–4, e.g. A1.',
    },
    {
      name: P.scoreReasons,
      label: 'Baton score reasons',
      type: 'string',
      fieldType: 'textarea',
      description: 'The strongest reasons behind the scores, in words.',
    },
  ];
}

/** The way back to marketing: returns, disqualifications and recycles (the reasons come from the policy). */
function returnDefinitions(policy: Policy): PropertyDefinition[] {
  return [
    {
      name: P.recycleCount,
      label: 'Baton recycle count',
      type: 'number',
      fieldType: 'number',
      description: 'How many times the lead went back to nurture.',
    },
    {
      name: P.lastReason,
      label: 'Baton last reason',
      type: 'enumeration',
      fieldType: 'select',
      description: 'Why the lead last left sales (return, disqualification or recycle).',
      options: options(policy.reasons.map((r) => ({ value: r.code, label: r.label }))),
    },
    {
      name: P.lastNote,
      label: 'Baton last note',
      type: 'string',
      fieldType: 'textarea',
      description: "The rep's note on the last return.",
    },
    {
      name: P.returnedAt,
      label: 'Baton returned at',
      type: 'datetime',
      fieldType: 'date',
      description: 'When a rep last returned the lead to marketing.',
    },
  ];
}

export function batonPropertyDefinitions(policy: Policy): PropertyDefinition[] {
  return [...funnelDefinitions(), ...scoreDefinitions(), ...returnDefinitions(policy)];
}

const asDate = (d: Date | null) => (d ? String(d.getTime()) : '');

/** BatonFields → HubSpot property values (strings; '' clears a property). */
export function toProperties(fields: BatonFields): Record<string, string> {
  const out: Record<string, string> = {};
  if (fields.stage !== undefined) out[P.stage] = fields.stage;
  if (fields.slaDueAt !== undefined) out[P.slaDueAt] = asDate(fields.slaDueAt);
  if (fields.slaStatus !== undefined) out[P.slaStatus] = fields.slaStatus ?? '';
  if (fields.fit !== undefined) out[P.fit] = String(fields.fit);
  if (fields.engagement !== undefined) out[P.engagement] = String(fields.engagement);
  if (fields.grade !== undefined) out[P.grade] = fields.grade;
  if (fields.scoreReasons !== undefined) out[P.scoreReasons] = fields.scoreReasons;
  if (fields.recycleCount !== undefined) out[P.recycleCount] = String(fields.recycleCount);
  if (fields.lastReason !== undefined) out[P.lastReason] = fields.lastReason ?? '';
  if (fields.lastNote !== undefined) out[P.lastNote] = fields.lastNote ?? '';
  if (fields.returnedAt !== undefined) out[P.returnedAt] = asDate(fields.returnedAt);
  return out;
}

export const BATON_PROPERTY_NAMES: readonly string[] = Object.values(P);
