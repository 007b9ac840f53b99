// A rep's "Return to marketing" as the HubSpot card sends it: signed with the app secret (v3), as HubSpot signs
// hubspot.fetch requests.
import { signV3 } from '../../src/crm/hubspot/requestSignature.ts';
import type { BatonHarness } from './batonHarness.ts';

export async function returnLead(
  h: BatonHarness,
  contactId: string,
  userId: number,
  body: Record<string, unknown>,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const t = await h.tenant();
  const base = h.running.config.publicUrl;
  const path = `/api/hubspot/leads/${contactId}/return?portalId=${t.externalId}&userId=${userId}`;
  const raw = JSON.stringify(body);
  const timestamp = h.now().getTime();
  const secret = h.running.sandbox?.app.clientSecret ?? '';
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-hubspot-request-timestamp': String(timestamp),
      'x-hubspot-signature-v3': signV3({
        secret,
        method: 'POST',
        uri: `${base}${path}`,
        body: raw,
        timestamp,
      }),
    },
    body: raw,
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}
