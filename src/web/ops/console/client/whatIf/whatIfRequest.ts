// POST /ops/api/whatif with the session's CSRF token. Unlike the console's postJson it keeps the API's `problems`
// (each naming its field, e.g. policy.sla.firstTouchHours): the page shows them beside the editor.
import type { WhatIfBody } from '../../../whatIfApi.ts';
import { apiUrl } from '../api.ts';
import type { WhatIfResponse } from '../apiTypes.ts';

export interface Problem {
  field: string;
  message: string;
}

export type WhatIfOutcome =
  { ok: true; report: WhatIfResponse } | { ok: false; status: number; message: string; problems: Problem[] };

const csrfToken = (): string =>
  document.querySelector<HTMLMetaElement>('meta[name="baton-csrf"]')?.content ?? '';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function failure(status: number, body: unknown): WhatIfOutcome {
  const error = isRecord(body) && isRecord(body['error']) ? body['error'] : {};
  const message = typeof error['message'] === 'string' ? error['message'] : `The ops API answered ${status}`;
  const problems = Array.isArray(error['problems'])
    ? error['problems'].filter(
        (p): p is Problem =>
          isRecord(p) && typeof p['field'] === 'string' && typeof p['message'] === 'string',
      )
    : [];
  return { ok: false, status, message, problems };
}

export async function runWhatIf(body: WhatIfBody): Promise<WhatIfOutcome> {
  const res = await fetch(apiUrl('whatif'), {
    method: 'POST',
    credentials: 'same-origin',
    headers: { accept: 'application/json', 'content-type': 'application/json', 'x-baton-csrf': csrfToken() },
    body: JSON.stringify(body),
  });
  if (res.status === 401) {
    location.assign(`/ops/login?next=${encodeURIComponent(location.pathname + location.search)}`);
    return failure(401, { error: { message: 'Your session has ended: sign in again.' } });
  }
  const json: unknown = await res.json().catch(() => null);
  return res.ok ? { ok: true, report: json as WhatIfResponse } : failure(res.status, json);
}
