// One form-encoded POST to HubSpot's date-versioned OAuth endpoints, and what its failures mean. The published
// error body is HubSpot's Error schema { category, correlationId, message, subCategory?, context?, errors? } (spec
// Auth/Oauth/Rollouts/279897/2026-03/oauth.json, components.schemas.Error); third-party captures of the newer OAuth
// endpoints also show RFC 6749's { error: 'invalid_grant', error_description }, and the v1 endpoints answered
// { status: 'BAD_REFRESH_TOKEN' }. A code or refresh token that is no good any more is an auth failure whichever
// spelling says so: the tenant must reconnect, retrying cannot help.
import { z } from 'zod';
import { CrmError } from '../port.ts';

export const OAUTH_VERSION_PATH = '/oauth/2026-03';
const TIMEOUT_MS = 20_000;

const errorBody = z
  .object({
    category: z.string(),
    subCategory: z.string(),
    message: z.string(),
    error: z.string(),
    error_description: z.string(),
    status: z.string(),
  })
  .partial();

/** The grant, code or client is no good: reconnecting is the only way on. */
const GONE =
  /invalid_grant|invalid_client|unauthorized_client|BAD_(REFRESH_TOKEN|AUTH_CODE|GRANT|CLIENT)|INVALID_(TOKEN|GRANT|CODE)|expired|revoked/i;

export function oauthFailure(operation: string, status: number, body: unknown): CrmError {
  const e = errorBody.safeParse(body);
  const said = e.success
    ? [
        e.data.error,
        e.data.subCategory,
        e.data.status,
        e.data.category,
        e.data.error_description ?? e.data.message,
      ]
        .filter(Boolean)
        .join(': ')
    : '';
  const detail = `${operation}: HTTP ${status}${said ? ` ${said}` : ''}`;
  if (status === 429 || status >= 500) return new CrmError('retryable', detail, { status });
  if (status === 401 || (status === 400 && GONE.test(said)))
    return new CrmError('auth_invalid', detail, { status });
  return new CrmError('permanent', detail, { status });
}

function parsedBody(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** POSTs `form` to `/oauth/2026-03{path}`; answers the parsed JSON body, or throws a classified CrmError. */
export async function oauthPost(
  apiBaseUrl: string,
  path: string,
  form: Readonly<Record<string, string>>,
  operation: string,
): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(`${apiBaseUrl}${OAUTH_VERSION_PATH}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new CrmError('retryable', `${operation}: no response`, { status: null, cause: error });
  }
  const body = parsedBody(await res.text());
  if (!res.ok) throw oauthFailure(operation, res.status, body);
  return body;
}
