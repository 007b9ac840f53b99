// HubSpot's published limits for public (OAuth) apps, per installed portal: 110 requests / 10 s, and the CRM
// search API separately at 5 requests / s. https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines
import type { LimitProfile } from '../rateLimits.ts';

export const HUBSPOT_LIMITS: LimitProfile = {
  general: { perWindow: 110, windowMs: 10_000, maxConcurrent: 10 },
  search: { perWindow: 5, windowMs: 1_000, maxConcurrent: 2 },
};
