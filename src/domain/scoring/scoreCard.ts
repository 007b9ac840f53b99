// A lead's scores with their reasons, and whether they differ from what the CRM already has.
import { topReasons } from './contribution.ts';
import { scoreEngagement, type EngagementRule } from './engagement.ts';
import { scoreFit, type FitRule } from './fit.ts';
import { engagementLevel, fitGrade, type EngagementLevel, type FitGrade, type GradeBands } from './grade.ts';
import type { EngagementEvent, LeadProfile } from './profile.ts';

export interface ScoringModel {
  fitRules: FitRule[];
  engagementRules: EngagementRule[];
  halfLifeDays: number;
  bands: GradeBands;
}

export interface ScoreCard {
  fit: number;
  engagement: number;
  fitGrade: FitGrade;
  engagementLevel: EngagementLevel;
  /** e.g. "A1" */
  grade: string;
  fitReasons: string[];
  engagementReasons: string[];
}

export function scoreCard(
  input: {
    profile: LeadProfile;
    events: readonly EngagementEvent[];
    engagementSince?: Date | null | undefined;
  },
  model: ScoringModel,
  now: Date,
): ScoreCard {
  const fit = scoreFit(input.profile, model.fitRules);
  const engagement = scoreEngagement(input.events, model.engagementRules, {
    now,
    halfLifeDays: model.halfLifeDays,
    since: input.engagementSince,
  });
  const fg = fitGrade(fit.score, model.bands);
  const el = engagementLevel(engagement.score, model.bands);
  return {
    fit: fit.score,
    engagement: engagement.score,
    fitGrade: fg,
    engagementLevel: el,
    grade: `${fg}${el}`,
    fitReasons: topReasons(fit.contributions),
    engagementReasons: topReasons(engagement.contributions),
  };
}

/** One line for a CRM text property: "Fit: VP title (+20), … · Engagement: Demo request (+40), …". */
export function reasonsText(card: Pick<ScoreCard, 'fitReasons' | 'engagementReasons'>): string {
  const part = (name: string, reasons: string[]) =>
    `${name}: ${reasons.length ? reasons.join(', ') : 'no signals'}`;
  return `${part('Fit', card.fitReasons)} · ${part('Engagement', card.engagementReasons)}`;
}

/** Scores are written back only when something the CRM shows would change. */
export function scoreCardChanged(previous: ScoreCard | null, next: ScoreCard): boolean {
  if (!previous) return true;
  return (
    previous.fit !== next.fit ||
    previous.engagement !== next.engagement ||
    previous.grade !== next.grade ||
    reasonsText(previous) !== reasonsText(next)
  );
}
