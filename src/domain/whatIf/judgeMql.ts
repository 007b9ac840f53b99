// Would a policy's MQL rule have let this row's lead through? Judged on the scores the row froze in its context:
// fit and engagement re-graded with the policy's bands when the numbers are there, else the grade as written.
// The engagement events behind the scores are not in the ledger, so a hand-raise is judged by its fit alone
// (any hand-raise event counts while the policy keeps one).
import type { LedgerContext } from '../ledger.ts';
import {
  engagementAtLeast,
  engagementLevel,
  fitAtLeast,
  fitGrade,
  type EngagementLevel,
  type FitGrade,
  type GradeBands,
} from '../scoring/grade.ts';
import type { MqlRule } from '../scoring/mqlRule.ts';

export type Verdict = 'pass' | 'fail' | 'unknown';

const GRADE = /^([A-D])([1-4])$/;

export function gradeOf(
  context: LedgerContext | undefined,
  bands: GradeBands,
): { fit: FitGrade; engagement: EngagementLevel } | null {
  if (!context) return null;
  if (typeof context.fit === 'number' && typeof context.engagement === 'number') {
    return { fit: fitGrade(context.fit, bands), engagement: engagementLevel(context.engagement, bands) };
  }
  const m = context.grade ? GRADE.exec(context.grade) : null;
  if (!m) return null;
  return { fit: m[1] as FitGrade, engagement: Number(m[2]) as EngagementLevel };
}

/** The verdict on an MQL entry row (score_qualified, hand_raise, re_engaged); 'unknown' without scores. */
export function judgeMql(
  context: LedgerContext | undefined,
  handRaise: boolean,
  rule: MqlRule,
  bands: GradeBands,
): Verdict {
  const grade = gradeOf(context, bands);
  if (!grade) return 'unknown';
  if (fitAtLeast(grade.fit, rule.minFitGrade) && engagementAtLeast(grade.engagement, rule.minEngagementLevel))
    return 'pass';
  const fastTrack =
    handRaise && rule.handRaise.events.length > 0 && fitAtLeast(grade.fit, rule.handRaise.minFitGrade);
  return fastTrack ? 'pass' : 'fail';
}
