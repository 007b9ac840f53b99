// HubSpot's webhooks as Baton receives them: the v3 signature checked over the exact bytes (5-minute window, future
// timestamps refused, constant-time compare), then the JSON array of < 100 events — spelled `subscriptionType`
// (real payloads) or `eventType` (docs) — read with zod and normalised into the inbox's change type. Baton's own
// writes are dropped here: changes to its own properties, and changes HubSpot attributes to Baton's app.
// https://developers.hubspot.com/docs/api/webhooks (payload), …/webhooks/validating-requests (signature v3)
import { z } from 'zod';
import type { WebhookIngress, WebhookReading } from '../provider.ts';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyV3, type SignatureVerdict } from './requestSignature.ts';
import { storableText } from '../../domain/storableText.ts';
import type { InboundChange } from '../inboundChange.ts';
import { BATON_PROPERTY_NAMES } from './batonProperties.ts';
import { WATCHED_PROPERTIES } from './contactMapping.ts';
import { LEAD_OBJECT_TYPE_ID, WATCHED_LEAD_PROPERTIES } from './leadRecordMapping.ts';

export interface HubSpotSubscription {
  subscriptionType:
    | 'contact.creation'
    | 'contact.deletion'
    | 'contact.privacyDeletion'
    | 'contact.merge'
    | 'contact.restore'
    | 'contact.propertyChange'
    | 'object.creation'
    | 'object.deletion'
    | 'object.propertyChange';
  propertyName?: string;
  /** For the generic `object.*` subscriptions: which object ('0-136' = HubSpot's Leads object). */
  objectTypeId?: string;
}

/** The Lead object's events: generic `object.*` subscriptions, which cover leads since 2024-08 (HubSpot changelog,
 * "public beta generic webhook subscriptions"). Only properties that start, touch or end a hand-off. */
const LEAD_EVENTS: HubSpotSubscription[] = [
  { subscriptionType: 'object.creation', objectTypeId: LEAD_OBJECT_TYPE_ID },
  { subscriptionType: 'object.deletion', objectTypeId: LEAD_OBJECT_TYPE_ID },
  ...WATCHED_LEAD_PROPERTIES.map((propertyName) => ({
    subscriptionType: 'object.propertyChange' as const,
    objectTypeId: LEAD_OBJECT_TYPE_ID,
    propertyName,
  })),
];

/** What Baton's app subscribes to: exactly the events the worker turns into changes (one list for the HubSpot
 * project, sandbox mode and tests). Restored contacts come back into tracking without waiting for reconciliation. */
export const HUBSPOT_WEBHOOK_EVENTS: readonly HubSpotSubscription[] = [
  { subscriptionType: 'contact.creation' },
  { subscriptionType: 'contact.deletion' },
  { subscriptionType: 'contact.privacyDeletion' },
  { subscriptionType: 'contact.merge' },
  { subscriptionType: 'contact.restore' },
  ...WATCHED_PROPERTIES.map((propertyName) => ({
    subscriptionType: 'contact.propertyChange' as const,
    propertyName,
  })),
  ...LEAD_EVENTS,
];

const id = z.union([z.number().int(), z.string().regex(/^\d{1,20}$/)]).transform(String);

/** The last millisecond of year 9999: later is no time HubSpot sends, nor one every store can hold. */
const LATEST_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export const hubspotEventSchema = z
  .object({
    eventId: id,
    subscriptionId: id.optional(),
    portalId: id,
    appId: id.optional(),
    occurredAt: z
      .number()
      .int()
      .positive()
      .max(LATEST_MS, 'must be a time in milliseconds since 1970, before the year 10000'),
    subscriptionType: storableText().min(1).max(100).optional(),
    eventType: storableText().min(1).max(100).optional(),
    attemptNumber: z.number().int().min(0).optional(),
    objectId: id,
    /** Generic `object.*` events name the object type; contact events do not (read as contacts). */
    objectTypeId: z
      .string()
      .regex(/^\d{1,4}-\d{1,12}$/)
      .optional(),
    propertyName: storableText().max(200).optional(),
    propertyValue: storableText().max(65_536).nullable().optional(),
    changeSource: storableText().max(100).optional(),
    sourceId: storableText().max(200).optional(),
    mergedObjectIds: z.array(id).optional(),
    primaryObjectId: id.optional(),
    newObjectId: id.optional(),
  })
  .refine((e) => e.subscriptionType ?? e.eventType, 'subscriptionType (or eventType) is required')
  .transform((e) => ({ ...e, type: e.subscriptionType ?? e.eventType ?? '' }));

export type HubSpotEvent = z.output<typeof hubspotEventSchema>;

export const webhookBodySchema = z.array(hubspotEventSchema).min(1).max(1000);

const OWN_PROPERTIES = new Set(BATON_PROPERTY_NAMES);

/** A key that identifies the notification, not the delivery: HubSpot's retries of it dedupe to the same key. */
export function dedupeKeyOf(e: HubSpotEvent): string {
  return `hs:${e.type}:${e.objectId}:${e.eventId}:${e.occurredAt}:${e.propertyName ?? ''}`;
}

/** What Baton does with an event; null when it is not news (Baton's own write, an event Baton ignores). */
export function toInboundChange(e: HubSpotEvent, ownAppId: string | null): InboundChange | null {
  const occurredAt = new Date(e.occurredAt);
  if (ownAppId && e.sourceId === ownAppId && e.changeSource !== 'CRM_UI') return null;
  if (e.objectTypeId === LEAD_OBJECT_TYPE_ID) return leadRecordChange(e, occurredAt);
  // Other objects' generic events are not Baton's (it subscribes to none); contacts are '0-1' or unnamed.
  if (e.objectTypeId !== undefined && e.objectTypeId !== '0-1') return null;
  if (e.propertyName && OWN_PROPERTIES.has(e.propertyName)) return null;
  switch (e.type) {
    case 'contact.creation':
    case 'contact.restore':
    case 'object.creation':
    case 'object.restore':
      return { kind: 'changed', leadId: e.objectId, occurredAt, properties: [] };
    case 'contact.propertyChange':
    case 'object.propertyChange':
      return {
        kind: 'changed',
        leadId: e.objectId,
        occurredAt,
        properties: e.propertyName ? [e.propertyName] : [],
      };
    case 'contact.deletion':
    case 'object.deletion':
      return { kind: 'deleted', leadId: e.objectId, occurredAt, privacy: false };
    case 'contact.privacyDeletion':
      return { kind: 'deleted', leadId: e.objectId, occurredAt, privacy: true };
    case 'contact.merge':
    case 'object.merge':
      return {
        kind: 'merged',
        leadId: e.primaryObjectId ?? e.newObjectId ?? e.objectId,
        mergedIds: e.mergedObjectIds ?? [],
        occurredAt,
      };
    default:
      return null;
  }
}

/** A Lead record's creation, change or deletion: news about the contact it belongs to, found by the drain. */
function leadRecordChange(e: HubSpotEvent, occurredAt: Date): InboundChange | null {
  const related = {
    kind: 'related' as const,
    objectType: 'lead_record' as const,
    leadId: e.objectId,
    occurredAt,
  };
  switch (e.type) {
    case 'object.creation':
    case 'object.restore':
    case 'object.propertyChange':
      return { ...related, deleted: false };
    case 'object.deletion':
      return { ...related, deleted: true };
    default:
      return null;
  }
}

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
        // The exact same signed request again is a replay, remembered for as long as its timestamp verifies (a
        // timestamp ahead of our clock verifies longer than receipt + window).
        delivery: { key: signature ?? '', until: new Date(verdict.verifiesUntilMs) },
      };
    },
  };
}
