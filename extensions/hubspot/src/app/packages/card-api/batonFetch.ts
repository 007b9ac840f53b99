// One call to Baton's card API through hubspot.fetch: the caller's portal and user in the (signed) query string,
// a 5-second limit, and the answer validated with zod — a typed value or a failure, never a throw.
import { hubspot } from '@hubspot/ui-extensions';
import type { z } from 'zod';
import { failureOf, type ApiFailure } from './apiFailure.ts';
import { BATON_CARD_API_URL } from './batonUrl.ts';

/** Cards should feel instant; HubSpot allows 15 s, but a card that hangs that long is broken anyway. */
export const FETCH_TIMEOUT_MS = 5_000;

/** Who is asking: Baton trusts these only because HubSpot's v3 signature covers the URL. */
export interface Caller {
  portalId: number;
  userId: number;
}

export function callerOf(context: { portal: { id: number }; user: { id: number } }): Caller {
  return { portalId: context.portal.id, userId: context.user.id };
}

export interface BatonRequest<T> {
  method: 'GET' | 'POST' | 'PUT';
  /** Below the card API, e.g. "/leads/123/passport". */
  path: string;
  caller: Caller;
  body?: Record<string, unknown>;
  schema: z.ZodType<T>;
}

export type FetchOutcome<T> = { ok: true; data: T } | { ok: false; failure: ApiFailure };

export function cardApiUrl(path: string, caller: Caller): string {
  const url = new URL(`${BATON_CARD_API_URL}${path}`);
  url.searchParams.set('portalId', String(caller.portalId));
  url.searchParams.set('userId', String(caller.userId));
  return url.toString();
}

class TimedOut extends Error {}

/** hubspot.fetch takes a timeout too; the race makes the limit hold whatever the host does. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new TimedOut()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function jsonOf(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

export async function batonFetch<T>(request: BatonRequest<T>): Promise<FetchOutcome<T>> {
  let response: Response;
  try {
    response = await within(
      hubspot.fetch(cardApiUrl(request.path, request.caller), {
        method: request.method,
        timeout: FETCH_TIMEOUT_MS,
        ...(request.body && { body: request.body }),
      }),
      FETCH_TIMEOUT_MS,
    );
  } catch (error) {
    const failure: ApiFailure =
      error instanceof TimedOut ? { kind: 'timeout', afterMs: FETCH_TIMEOUT_MS } : { kind: 'unreachable' };
    return { ok: false, failure };
  }
  const body = await jsonOf(response);
  if (!response.ok) return { ok: false, failure: failureOf(response.status, body) };
  const parsed = request.schema.safeParse(body);
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, failure: { kind: 'unexpected_response' } };
}
