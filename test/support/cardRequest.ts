// Requests as HubSpot's cards send them (hubspot.fetch): signed with the app secret (v3), with the portal and the
// viewing user in the query string.
import { signV3 } from '../../src/crm/hubspot/requestSignature.ts';
import type { BatonHarness } from './batonHarness.ts';

export async function cardRequest(
  h: BatonHarness,
  method: 'GET' | 'POST',
  contactPath: string,
  userId: number,
  body?: Record<string, unknown>,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const t = await h.tenant();
  const base = h.running.config.publicUrl;
  const path = `/api/hubspot/leads/${contactPath}?portalId=${t.externalId}&userId=${userId}`;
  const raw = body === undefined ? '' : JSON.stringify(body);
  const timestamp = h.now().getTime();
  const secret = h.running.sandbox?.app.clientSecret ?? '';
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body !== undefined && { 'content-type': 'application/json' }),
      'x-hubspot-request-timestamp': String(timestamp),
      'x-hubspot-signature-v3': signV3({ secret, method, uri: `${base}${path}`, body: raw, timestamp }),
    },
    ...(body !== undefined && { body: raw }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** A rep's "Return to marketing" from the card. */
export function returnLead(
  h: BatonHarness,
  contactId: string,
  userId: number,
  body: Record<string, unknown>,
): Promise<{ status: number; json: Record<string, unknown> }> {
  return cardRequest(h, 'POST', `${contactId}/return`, userId, body);
}
