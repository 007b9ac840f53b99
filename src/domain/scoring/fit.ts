// Fit: who the lead is. Each matching rule adds its points (negative points subtract); 0–100.
import { matches, type Condition } from './conditions.ts';
import { clampScore, type Contribution } from './contribution.ts';
import type { LeadProfile } from './profile.ts';

export interface FitRule {
  id: string;
  label: string;
  points: number;
  when: Condition;
}

export function scoreFit(
  profile: LeadProfile,
  rules: readonly FitRule[],
): { score: number; contributions: Contribution[] } {
  const contributions = rules
    .filter((rule) => matches(profile, rule.when))
    .map((rule) => ({ label: rule.label, points: rule.points }));
  return { score: clampScore(contributions.reduce((sum, c) => sum + c.points, 0)), contributions };
}
