// Calls to the ops API from the console, with the browser's session cookie. A lapsed session goes back to the
// login form; other errors carry the API's message. Changes carry the session's CSRF token (the page's
// <meta name="baton-csrf">) in X-Baton-CSRF: the server refuses a session's change without it.

export class ApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

const errorBody = (body: unknown): string | null => {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const error = body.error;
  if (typeof error !== 'object' || error === null || !('message' in error)) return null;
  return typeof error.message === 'string' ? error.message : null;
};

const csrfToken = (): string =>
  document.querySelector<HTMLMetaElement>('meta[name="baton-csrf"]')?.content ?? '';

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, {
    ...init,
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...init.headers },
  });
  if (res.status === 401) {
    location.assign(`/ops/login?next=${encodeURIComponent(location.pathname + location.search)}`);
    throw new ApiError(401, 'Your session has ended: sign in again.');
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, errorBody(body) ?? `The ops API answered ${res.status}`);
  return body as T;
}

/** /ops/api/<path>?<params>, leaving out empty parameters. */
export function apiUrl(
  path: string,
  params: Readonly<Record<string, string | number | null | undefined>> = {},
) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== null && v !== undefined && v !== '') query.set(k, String(v));
  const qs = query.toString();
  return `/ops/api/${path}${qs ? `?${qs}` : ''}`;
}

export const getJson = <T>(url: string): Promise<T> => call<T>(url);

export const postJson = <T>(url: string, body: unknown): Promise<T> =>
  call<T>(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-baton-csrf': csrfToken() },
    body: JSON.stringify(body),
  });
