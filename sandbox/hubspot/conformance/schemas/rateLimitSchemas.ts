// HubSpot's 429: body and headers. The OpenAPI files give a 429 no schema of its own, so its body is the
// spec's `Error` (see errorSchemas.ts) plus what HubSpot's usage guidelines and changelog add; the headers
// are in no OpenAPI file at all, only in the usage guidelines and changelog.
import { z } from 'zod';
import { hubspotError } from './errorSchemas.ts';

export const POLICY_NAMES = ['TEN_SECONDLY_ROLLING', 'SECONDLY', 'DAILY'] as const;

/** The message of each policy (usage guidelines' example; "secondly" is the one api-client's retry matches). */
export const POLICY_MESSAGES: Record<(typeof POLICY_NAMES)[number], string> = {
  TEN_SECONDLY_ROLLING: 'You have reached your ten_secondly_rolling limit.',
  SECONDLY: 'You have reached your secondly limit.',
  DAILY: 'You have reached your daily limit.',
};

/**
 * Spec `Error` (objects.json) with: `category` "RATE_LIMITS" (changelog "Upcoming: Changes to error
 * responses", which names that value for rate limits); `errorType` "RATE_LIMIT" and `policyName` (usage
 * guidelines' 429 example); `requestId` (same example and third-party captures, but that changelog announced
 * its removal in January 2020, so it is optional here).
 */
export const rateLimitError = hubspotError.extend({
  status: z.literal('error'),
  category: z.literal('RATE_LIMITS'),
  errorType: z.literal('RATE_LIMIT'),
  policyName: z.enum(POLICY_NAMES),
  requestId: z.string().min(1).optional(),
});

const count = z.string().regex(/^\d+$/, 'a whole number');

/**
 * Headers on answers counted against the rolling ten-second window (usage guidelines; changelog "Rate limit
 * headers will now appear for OAuth authenticated calls"). Header names are compared lower-cased.
 */
export const tenSecondlyHeaders = z.looseObject({
  'x-hubspot-ratelimit-max': count,
  'x-hubspot-ratelimit-remaining': count,
  'x-hubspot-ratelimit-interval-milliseconds': count,
});

/** Daily headers: only where a daily limit applies (private apps); OAuth calls carry none (same changelog). */
export const dailyHeaders = z.looseObject({
  'x-hubspot-ratelimit-daily': count,
  'x-hubspot-ratelimit-daily-remaining': count,
});

/** Retry-After, when HubSpot sends it at all (not every 429 has it): delay-seconds as in RFC 9110. */
export const retryAfterHeader = z.looseObject({ 'retry-after': count });
