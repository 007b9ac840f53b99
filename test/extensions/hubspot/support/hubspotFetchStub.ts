// A stand-in for HubSpot's fetch proxy: routes "METHOD /path" (below /api/hubspot) to handlers and records calls.
import { hubspot } from '@hubspot/ui-extensions';
import { vi } from 'vitest';

export interface StubCall {
  url: URL;
  method: string;
  /** "GET /leads/123/passport" */
  route: string;
  body: Record<string, unknown> | undefined;
  timeout: number | undefined;
}

export type RouteHandler = (call: StubCall) => Response | Promise<Response>;

export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** A response the test releases when it wants (to hold a request in flight). */
export function heldResponse(): { promise: Promise<Response>; release: (response: Response) => void } {
  let release: (response: Response) => void = () => undefined;
  const promise = new Promise<Response>((resolve) => {
    release = resolve;
  });
  return { promise, release };
}

export function stubHubSpotFetch(routes: Record<string, RouteHandler>) {
  const calls: StubCall[] = [];
  const spy = vi.spyOn(hubspot, 'fetch').mockImplementation(async (input, options) => {
    const url = new URL(String(input));
    const method = options?.method ?? 'GET';
    const route = `${method} ${url.pathname.replace(/^\/api\/hubspot/, '')}`;
    const call: StubCall = { url, method, route, body: options?.body, timeout: options?.timeout };
    calls.push(call);
    const handler = routes[route];
    if (!handler)
      return jsonResponse(404, { error: { code: 'not_found', message: `No route for ${route}` } });
    return handler(call);
  });
  return {
    spy,
    calls,
    callsTo: (route: string) => calls.filter((c) => c.route === route),
  };
}
