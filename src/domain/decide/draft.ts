// A decision being built: the lead's next state, the ledger rows and the effects, with one place that
// checks stage moves and derives idempotency keys.
import type { Actor, LedgerCause, LedgerContext, LedgerEntry } from '../ledger.ts';
import type { MeasuredCycle } from '../hygiene.ts';
import type { Policy } from '../policy/schema.ts';
import { canMove, type Stage } from '../stages.ts';
import { fieldsDigest, type BatonFields, type Effect } from './effect.ts';
import type { LeadState } from './leadState.ts';

export interface DecisionContext {
  policy: Policy;
  now: Date;
  /** Median days per stage measured for the tenant (pipeline hygiene); empty until measured. */
  measuredCycle: MeasuredCycle;
  /** Needed only when the policy routes (round robin). */
  routing?: { openLeads: Readonly<Record<string, number>>; lastAssigned: string | null };
}

export interface Decision {
  state: LeadState;
  ledger: LedgerEntry[];
  effects: Effect[];
}

type EffectBody = Effect extends infer E ? (E extends Effect ? Omit<E, 'key' | 'leadId'> : never) : never;

export class IllegalMove extends Error {
  constructor(from: Stage, to: Stage) {
    super(`Baton may not move a lead from ${from} to ${to}`);
  }
}

export class Draft {
  readonly state: LeadState;
  readonly ledger: LedgerEntry[] = [];
  private readonly effects: Effect[] = [];
  private fields: BatonFields = {};
  readonly ctx: DecisionContext;
  /** When the decision takes effect (the event's time). Ledger rows and effect keys derive from it. */
  readonly at: Date;

  constructor(previous: LeadState, ctx: DecisionContext, at: Date) {
    this.state = structuredClone(previous);
    this.ctx = ctx;
    this.at = at;
  }

  get policy(): Policy {
    return this.ctx.policy;
  }

  move(
    to: Stage,
    cause: LedgerCause,
    actor: Actor,
    extra: { reason?: string; note?: string; context?: LedgerContext } = {},
  ): void {
    const from = this.state.stage;
    if (!canMove(from, to)) throw new IllegalMove(from, to);
    this.record(to, cause, actor, extra);
    this.state.stage = to;
    this.state.stageEnteredAt = this.at;
    this.write({ stage: to });
  }

  /** A ledger row without a stage change (SLA milestones, reassignment). */
  mark(
    cause: LedgerCause,
    actor: Actor,
    extra: { reason?: string; note?: string; context?: LedgerContext } = {},
  ): void {
    this.record(this.state.stage, cause, actor, extra);
  }

  private record(
    to: Stage,
    cause: LedgerCause,
    actor: Actor,
    extra: { reason?: string; note?: string; context?: LedgerContext },
  ): void {
    const s = this.state;
    this.ledger.push({
      leadId: s.leadId,
      at: this.at,
      from: s.stage,
      to,
      cause,
      actor,
      ownerId: s.ownerId,
      ...(extra.reason !== undefined && { reason: extra.reason }),
      ...(extra.note !== undefined && { note: extra.note }),
      context: {
        source: s.profile.source ?? null,
        campaign: s.profile.campaign ?? null,
        ...(s.scores && { fit: s.scores.fit, engagement: s.scores.engagement, grade: s.scores.grade }),
        ...extra.context,
      },
    });
  }

  write(fields: BatonFields): void {
    this.fields = { ...this.fields, ...fields };
  }

  effect(body: EffectBody, discriminator = ''): void {
    const key = `${this.state.leadId}:${body.kind}:${discriminator}@${this.at.getTime()}`;
    if (this.effects.some((e) => e.key === key)) return;
    this.effects.push({ ...body, key, leadId: this.state.leadId } as Effect);
  }

  finish(): Decision {
    const effects = [...this.effects];
    if (Object.keys(this.fields).length > 0) {
      effects.unshift({
        kind: 'write_fields',
        key: `${this.state.leadId}:write_fields:${fieldsDigest(this.fields)}@${this.at.getTime()}`,
        leadId: this.state.leadId,
        fields: this.fields,
      });
    }
    return { state: this.state, ledger: this.ledger, effects };
  }
}
