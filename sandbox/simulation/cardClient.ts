// What a rep's "Return to marketing" click sends: HubSpot's hubspot.fetch from the card, i.e. a POST to Baton's
// card API with portalId and userId in the URL, signed v3 with the app's client secret (method + URL + body +
// timestamp) exactly as HubSpot signs it.
import {
  hubspotSignatureV3,
  REQUEST_TIMESTAMP_HEADER,
  SIGNATURE_V3_HEADER,
} from '../hubspot/webhooks/signatureV3.ts';
import type { BatonCard } from './simulationContext.ts';

export interface ReturnRequest {
  reason: string;
  note?: string;
  /** YYYY-MM-DD */
  reengageAt?: string;
  requestId: string;
}

export interface CardAnswer {
  status: number;
  body: unknown;
}

export async function postReturn(
  card: BatonCard,
  call: { portalId: number; userId: number; contactId: string; nowMs: number },
  request: ReturnRequest,
): Promise<CardAnswer> {
  const url = `${card.batonUrl}/api/hubspot/leads/${call.contactId}/return?portalId=${call.portalId}&userId=${call.userId}`;
  const body = JSON.stringify(request);
  const timestamp = call.nowMs;
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      // The card's hubspot.fetch goes through HubSpot, which signs it as it signs webhooks.
      [SIGNATURE_V3_HEADER]: hubspotSignatureV3({
        clientSecret: card.clientSecret,
        method: 'POST',
        uri: url,
        body,
        timestampMs: timestamp,
      }),
      [REQUEST_TIMESTAMP_HEADER]: String(timestamp),
    },
    body,
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed };
}
