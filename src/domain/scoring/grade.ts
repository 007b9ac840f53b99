// The grade matrix: fit A–D (A best) × engagement 1–4 (1 most engaged), e.g. "A1", "C3".

export const FIT_GRADES = ['A', 'B', 'C', 'D'] as const;
export type FitGrade = (typeof FIT_GRADES)[number];
export const ENGAGEMENT_LEVELS = [1, 2, 3, 4] as const;
export type EngagementLevel = (typeof ENGAGEMENT_LEVELS)[number];

/** Minimum score for each band; anything below the last band is D / 4. */
export interface GradeBands {
  fit: { A: number; B: number; C: number };
  engagement: { 1: number; 2: number; 3: number };
}

export function fitGrade(score: number, bands: GradeBands): FitGrade {
  if (score >= bands.fit.A) return 'A';
  if (score >= bands.fit.B) return 'B';
  if (score >= bands.fit.C) return 'C';
  return 'D';
}

export function engagementLevel(score: number, bands: GradeBands): EngagementLevel {
  if (score >= bands.engagement[1]) return 1;
  if (score >= bands.engagement[2]) return 2;
  if (score >= bands.engagement[3]) return 3;
  return 4;
}

/** True when `grade` is at least as good as `minimum` (A beats B). */
export function fitAtLeast(grade: FitGrade, minimum: FitGrade): boolean {
  return FIT_GRADES.indexOf(grade) <= FIT_GRADES.indexOf(minimum);
}

/** True when `level` is at least as engaged as `minimum` (1 beats 2). */
export function engagementAtLeast(level: EngagementLevel, minimum: EngagementLevel): boolean {
  return level <= minimum;
}
