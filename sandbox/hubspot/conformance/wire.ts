// Answers as they come over the wire, unparsed by any model: through the official client's own request path
// (its auth header, base path and JSON handling) or through plain fetch, for what the client cannot send.
import type { Client } from '@hubspot/api-client';

export interface WireAnswer {
  status: number;
  /** Lower-cased names, as fetch and api-client give them. */
  headers: Record<string, string>;
  /** Parsed JSON, or the text when the answer is not JSON. */
  body: unknown;
}

async function answerOf(res: Response): Promise<WireAnswer> {
  const text = await res.text();
  const json = (res.headers.get('content-type') ?? '').includes('json') && text !== '';
  return {
    status: res.status,
    headers: Object.fromEntries(res.headers.entries()),
    body: json ? (JSON.parse(text) as unknown) : text,
  };
}

/** One call through @hubspot/api-client's `apiRequest` (the client's generic path for any endpoint). */
export async function viaClient(
  client: Client,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<WireAnswer> {
  return answerOf(await client.apiRequest({ method, path, ...(body !== undefined && { body }) }));
}

/** One call with plain fetch: no token, another token, or a body that is not JSON. */
export async function viaFetch(
  baseUrl: string,
  method: string,
  path: string,
  init: { token?: string; body?: string } = {},
): Promise<WireAnswer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  return answerOf(
    await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(init.body !== undefined && { body: init.body }),
    }),
  );
}
