// What reps read inside Salesforce, taken from Baton's own words so both CRMs say the same: the reason buckets, the
// SLA status labels, the reasons reps may pick and why a lead in some stage cannot be returned. The field, component
// and data generators all take their words from here.
import { passportOf } from '../../../src/app/leadPassport.ts';
import { newLeadState } from '../../../src/domain/decide/leadState.ts';
import { defaultPolicy } from '../../../src/domain/policy/schema.ts';
import { DEFAULT_REASONS, type Reason, type ReasonBucket } from '../../../src/domain/reasons.ts';
import type { SlaStatus } from '../../../src/domain/sla/slaClock.ts';
import { STAGES, type Stage } from '../../../src/domain/stages.ts';
// The funnel card shows the same passport as the HubSpot card, in the same words.
import { SLA_STATUS_LABELS } from '../../hubspot/src/app/cards/funnelPassport/businessTime.ts';

/** The buckets as reps read them; the titles are the backend's (the HubSpot card's reason picker shows the same). */
export const BUCKETS: Record<ReasonBucket, { label: string; title: string; consequence: string }> = {
  reject: {
    label: 'Reject',
    title: 'Reject — not right for sales (before contact)',
    consequence: 'Marketing ops reviews it, fixes what is wrong and routes it again.',
  },
  disqualify: {
    label: 'Disqualify',
    title: 'Disqualify — never a customer',
    consequence: 'It leaves the funnel for good: no nurture and no hand-over again.',
  },
  recycle: {
    label: 'Recycle',
    title: 'Recycle — right person, wrong time',
    consequence:
      'It goes back to nurture and returns to sales when it engages again (not before the re-engage date, if you set one).',
  },
};

/** The domain has no runtime list of SLA statuses; the labels' keys are it, checked against the domain's type. */
export const SLA_LABELS: Record<SlaStatus, string> = SLA_STATUS_LABELS;
export const SLA_STATUSES = Object.keys(SLA_LABELS) as SlaStatus[];

/** Why a lead in each stage cannot be returned: the passport's own words (src/app/leadPassport.ts). */
export function notReturnableWhy(): Partial<Record<Stage, string>> {
  const at = new Date(0);
  const policy = defaultPolicy();
  const out: Partial<Record<Stage, string>> = {};
  for (const stage of STAGES) {
    const why = passportOf(newLeadState('x', at, { stage }), [], policy, at).notReturnableWhy;
    if (why !== null) out[stage] = why;
  }
  return out;
}

export const repReasons = (): Reason[] => DEFAULT_REASONS.filter((r) => r.repSelectable);

/** A reason's label; throws for a code the taxonomy lacks (Baton's own rules must have a label to show). */
export function reasonLabel(code: string): string {
  const reason = DEFAULT_REASONS.find((r) => r.code === code);
  if (!reason) throw new Error(`SYSTEM_REASONS.${code} has no entry in DEFAULT_REASONS`);
  return reason.label;
}
