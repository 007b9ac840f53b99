// Salesforce's limits: no per-second cap on short API calls (Baton still spaces them: 20 / s per org), but a
// rolling 24-hour allocation per org, reported after every call in the Sforce-Limit-Info header
// (api-usage=used/max). Baton slows down as it nears the allocation instead of running out.
// https://developer.salesforce.com/docs/atlas.en-us.salesforce_app_limits_cheatsheet.meta/salesforce_app_limits_cheatsheet/salesforce_app_limits_platform_api.htm
import type { LimitProfile } from '../rateLimits.ts';

export const SALESFORCE_LIMITS: LimitProfile = {
  general: { perWindow: 20, windowMs: 1_000, maxConcurrent: 10 },
};

/** The org's API usage in its rolling 24 hours, as Sforce-Limit-Info said. */
export interface ApiBudget {
  used: number;
  max: number;
}

/** Spacing between calls as the day's allocation is used up: normal, careful, nearly out. */
export function spacingFor(budget: ApiBudget): number {
  const used = budget.used / budget.max;
  if (used >= 0.98) return 60_000;
  if (used >= 0.9) return 2_000;
  return Math.ceil(1000 / 20);
}
