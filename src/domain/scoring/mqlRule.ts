// When a lead is marketing-qualified: good enough fit and engagement, or a hand-raise (fast track).
import { engagementAtLeast, fitAtLeast, type EngagementLevel, type FitGrade } from './grade.ts';
import type { EngagementEvent, EngagementType } from './profile.ts';

export interface MqlRule {
  minFitGrade: FitGrade;
  minEngagementLevel: EngagementLevel;
  handRaise: {
    events: EngagementType[];
    /** A hand-raise from a poor fit (e.g. a student asking for a demo) does not fast-track. */
    minFitGrade: FitGrade;
    withinDays: number;
  };
}

export type MqlVerdict = { qualified: true; via: 'score' | 'hand_raise' } | { qualified: false };

export function mqlVerdict(
  card: { fitGrade: FitGrade; engagementLevel: EngagementLevel },
  events: readonly EngagementEvent[],
  rule: MqlRule,
  opts: { now: Date; since?: Date | null | undefined },
): MqlVerdict {
  const windowStart = opts.now.getTime() - rule.handRaise.withinDays * 86_400_000;
  const raisedHand =
    fitAtLeast(card.fitGrade, rule.handRaise.minFitGrade) &&
    events.some(
      (e) =>
        rule.handRaise.events.includes(e.type) &&
        e.at.getTime() <= opts.now.getTime() &&
        e.at.getTime() >= windowStart &&
        (!opts.since || e.at.getTime() > opts.since.getTime()),
    );
  if (raisedHand) return { qualified: true, via: 'hand_raise' };
  if (
    fitAtLeast(card.fitGrade, rule.minFitGrade) &&
    engagementAtLeast(card.engagementLevel, rule.minEngagementLevel)
  ) {
    return { qualified: true, via: 'score' };
  }
  return { qualified: false };
}
