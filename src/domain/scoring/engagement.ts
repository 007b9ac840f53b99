// Engagement: what the lead does. Points per event, halved every half-life; negative signals subtract; 0–100.
import { clampScore, type Contribution } from './contribution.ts';
import type { EngagementEvent, EngagementType } from './profile.ts';

export interface EngagementRule {
  id: string;
  label: string;
  event: EngagementType;
  /** Only events whose detail contains this text (case-insensitive), e.g. '/pricing'. */
  detailContains?: string | undefined;
  points: number;
  /** At most this many (most recent) events count for the rule. */
  maxCount?: number | undefined;
}

const DAY = 86_400_000;

export function decayFactor(at: Date, now: Date, halfLifeDays: number): number {
  const ageDays = Math.max(0, (now.getTime() - at.getTime()) / DAY);
  return 0.5 ** (ageDays / halfLifeDays);
}

/**
 * Scores events in (since, now]. `since` is the last engagement reset (a recycle): older activity no
 * longer counts, so a recycled lead must engage anew to come back.
 */
export function scoreEngagement(
  events: readonly EngagementEvent[],
  rules: readonly EngagementRule[],
  opts: { now: Date; halfLifeDays: number; since?: Date | null | undefined },
): { score: number; contributions: Contribution[] } {
  const counted = events
    .filter(
      (e) => e.at.getTime() <= opts.now.getTime() && (!opts.since || e.at.getTime() > opts.since.getTime()),
    )
    .toSorted((a, b) => b.at.getTime() - a.at.getTime());
  const contributions: Contribution[] = [];
  for (const rule of rules) {
    const needle = rule.detailContains?.toLowerCase();
    const hits = counted
      .filter((e) => e.type === rule.event && (!needle || (e.detail ?? '').toLowerCase().includes(needle)))
      .slice(0, rule.maxCount ?? Infinity);
    if (hits.length === 0) continue;
    const points = hits.reduce(
      (sum, e) => sum + rule.points * decayFactor(e.at, opts.now, opts.halfLifeDays),
      0,
    );
    contributions.push({ label: hits.length > 1 ? `${hits.length} × ${rule.label}` : rule.label, points });
  }
  return { score: clampScore(contributions.reduce((sum, c) => sum + c.points, 0)), contributions };
}
