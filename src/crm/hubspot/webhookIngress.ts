// HubSpot's webhooks as Baton's web process receives them: the v3 signature checked over the exact bytes (5-minute
// window, future timestamps refused, constant-time compare), then the JSON array of events read with zod and each
// event normalised into the inbox's change type — or into nothing, when it is Baton's own write coming back.
// https://developers.hubspot.com/docs/api/webhooks (payload), …/webhooks/validating-requests (signature v3)
import type { WebhookIngress, WebhookReading } from '../provider.ts';
import {
  MAX_AGE_MS,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  verifyV3,
  type SignatureVerdict,
} from './requestSignature.ts';
import { dedupeKeyOf, toInboundChange, webhookBodySchema } from './webhookEvents.ts';

export const HUBSPOT_WEBHOOK_PATH = '/webhooks/hubspot';

/** HubSpot batches stay under 100 events; 1 MB leaves room and refuses anything absurd. */
export const WEBHOOK_BODY_LIMIT = '1mb';

const WHY: Record<Exclude<SignatureVerdict, { valid: true }>['why'], string> = {
  missing_signature: 'The X-HubSpot-Signature-v3 header is missing',
  missing_timestamp: 'The X-HubSpot-Request-Timestamp header is missing or not a number',
  stale: 'The request timestamp is older than 5 minutes',
  future: 'The request timestamp is in the future',
  mismatch: 'The signature does not match',
};

function parsedJson(body: Buffer): { ok: true; json: unknown } | { ok: false } {
  try {
    return { ok: true, json: JSON.parse(body.toString('utf8')) };
  } catch {
    return { ok: false };
  }
}

export function hubspotWebhookIngress(app: { clientSecret: string; appId: string | null }): WebhookIngress {
  return {
    path: HUBSPOT_WEBHOOK_PATH,
    bodyLimit: WEBHOOK_BODY_LIMIT,
    read(delivery): WebhookReading {
      const signature = delivery.header(SIGNATURE_HEADER);
      const verdict = verifyV3({
        secret: app.clientSecret,
        method: delivery.method,
        uri: delivery.url,
        body: delivery.body,
        signature,
        timestamp: delivery.header(TIMESTAMP_HEADER),
        nowMs: delivery.now.getTime(),
      });
      if (!verdict.valid) return { ok: false, problem: 'unauthenticated', message: WHY[verdict.why] };
      const json = parsedJson(delivery.body);
      if (!json.ok) return { ok: false, problem: 'invalid_input', message: 'The body is not valid JSON' };
      const events = webhookBodySchema.safeParse(json.json);
      if (!events.success) {
        return {
          ok: false,
          problem: 'invalid_input',
          message: 'The request does not have the expected shape',
          problems: events.error.issues.map((i) => ({
            field: i.path.map(String).join('.') || '(body)',
            message: i.message,
          })),
        };
      }
      return {
        ok: true,
        batch: {
          source: 'hubspot.webhook',
          items: events.data.map((e) => ({
            account: e.portalId,
            dedupeKey: dedupeKeyOf(e),
            change: toInboundChange(e, app.appId),
          })),
        },
        // The exact same signed request again is a replay; it could verify for this long.
        delivery: { key: signature ?? '', until: new Date(delivery.now.getTime() + MAX_AGE_MS) },
      };
    },
  };
}
