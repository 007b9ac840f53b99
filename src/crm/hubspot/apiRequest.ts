// Calls to HubSpot's date-versioned paths (/crm/associations/2026-03/…), which @hubspot/api-client 14 has no
// wrappers for: client.apiRequest through the portal's connection (limiter, retries, timeout, call log). apiRequest
// answers every status without throwing, so an HTTP error is thrown here in the shape the SDK's own ApiException
// has ({ code, body, headers }): callFailure classifies both alike (429 policies, 5xx, a refused token).
import type { HubSpotConnection } from './hubspotConnection.ts';

/** A non-2xx answer to an apiRequest call, shaped like the SDK's ApiException. */
export class HubSpotHttpError extends Error {
  readonly code: number;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;
  constructor(code: number, body: unknown, headers: Readonly<Record<string, string>>) {
    super(`HTTP ${code}`);
    this.code = code;
    this.body = body;
    this.headers = headers;
  }
}

/** JSON when the body is JSON, the text otherwise, null when empty. */
async function bodyOf(res: Response): Promise<unknown> {
  const text = await res.text();
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export interface HubSpotRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
}

/** One request through the connection; answers the parsed body for zod, throws HubSpotHttpError otherwise. */
export function hubspotRequest(
  hs: HubSpotConnection,
  operation: string,
  recordIds: readonly string[],
  request: HubSpotRequest,
): Promise<unknown> {
  return hs.call(operation, recordIds, 'general', async (client) => {
    const res = await client.apiRequest({
      method: request.method,
      path: request.path,
      ...(request.body !== undefined && { body: request.body }),
    });
    const body = await bodyOf(res);
    if (!res.ok) throw new HubSpotHttpError(res.status, body, Object.fromEntries(res.headers.entries()));
    return body;
  });
}
