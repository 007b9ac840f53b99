// HubSpot's failures in Baton's closed set of kinds. The SDK throws ApiException {code, body, headers} for an
// HTTP error and fetch's TypeError when nothing answered. A 429 names its policy in the body: the rolling
// ten-second window and the search API's per-second limit pass (Retry-After, else the window), the daily limit does
// not. https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines (rate limits, 429 bodies)
import { httpFailure, type CallFailure } from '../retryPolicy.ts';

/** What HubSpot answered, when it answered: status, headers (lower-case names), body. */
export interface HubSpotResponse {
  status: number;
  headers: Readonly<Record<string, string>>;
  body: unknown;
}

const headersOf = (value: unknown): Record<string, string> => {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(
    Object.entries(value).flatMap(([k, v]) => (typeof v === 'string' ? [[k.toLowerCase(), v]] : [])),
  );
};

const field = (body: unknown, name: string): string | undefined => {
  if (typeof body !== 'object' || body === null || !(name in body)) return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
};

/** The HTTP answer inside what the SDK threw; null when it is not an HTTP error. */
export function hubspotResponse(error: unknown): HubSpotResponse | null {
  if (typeof error !== 'object' || error === null || !('code' in error) || typeof error.code !== 'number')
    return null;
  return {
    status: error.code,
    headers: headersOf('headers' in error ? error.headers : undefined),
    body: 'body' in error ? error.body : undefined,
  };
}

/** True when nothing answered (connection refused or reset, DNS, socket). */
export const noAnswer = (error: unknown): boolean =>
  error instanceof TypeError ||
  (error instanceof Error && /ECONNRE|ETIMEDOUT|socket|fetch failed/i.test(error.message));

/** Retry-After in seconds or as an HTTP date, in ms from `nowMs`. */
export function retryAfterMs(header: string | undefined, nowMs: number): number | null {
  if (!header) return null;
  if (/^\d+(\.\d+)?$/.test(header.trim())) return Math.round(Number(header) * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

function rateLimited(r: HubSpotResponse, nowMs: number): CallFailure {
  const policy = field(r.body, 'policyName');
  if (policy === 'DAILY')
    return { kind: 'rate_limited', status: 429, reason: 'daily API limit reached', exhausted: true };
  const secondly = /secondly limit/i.test(field(r.body, 'message') ?? '');
  const interval = Number(r.headers['x-hubspot-ratelimit-interval-milliseconds']) || 10_000;
  return {
    kind: 'rate_limited',
    status: 429,
    reason: `HTTP 429 ${policy ?? (secondly ? 'SECONDLY' : 'rate limit')}`,
    waitMs: retryAfterMs(r.headers['retry-after'], nowMs) ?? (secondly ? 1_000 : interval),
  };
}

/** A failed HubSpot call as Baton's retry policy and error kinds see it; null when it was not a failed call. */
export function hubspotFailure(error: unknown, nowMs: number = Date.now()): CallFailure | null {
  const response = hubspotResponse(error);
  if (response) {
    if (response.status === 429) return rateLimited(response, nowMs);
    return httpFailure(response.status, field(response.body, 'message'));
  }
  return noAnswer(error) ? httpFailure(null) : null;
}
