// The inbox contract: a change a CRM told Baton about (webhook, change event), normalised by its provider before
// it is stored, and read back by the drain. The one place that says what an inbox payload is.
import { z } from 'zod';

export type InboundChange =
  | { kind: 'changed'; leadId: string; occurredAt: Date; properties: string[] }
  | { kind: 'deleted'; leadId: string; occurredAt: Date; privacy: boolean }
  | { kind: 'merged'; leadId: string; mergedIds: string[]; occurredAt: Date }
  /**
   * A record about the lead changed, not the lead itself (HubSpot's Lead object, worked in the prospecting
   * workspace, belongs to a contact): the drain finds whose record it is and re-reads that lead. `leadId` is the
   * record's id until then (the inbox keys rows by it).
   */
  | { kind: 'related'; objectType: RelatedObjectType; leadId: string; occurredAt: Date; deleted: boolean };

/** Records Baton follows for a lead besides the lead itself. */
export const RELATED_OBJECT_TYPES = ['lead_record'] as const;
export type RelatedObjectType = (typeof RELATED_OBJECT_TYPES)[number];

const date = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

/** An inbox payload as stored (dates as ISO text), parsed back into a change. */
export const inboundChangeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('changed'),
    leadId: z.string(),
    occurredAt: date,
    properties: z.array(z.string()),
  }),
  z.object({ kind: z.literal('deleted'), leadId: z.string(), occurredAt: date, privacy: z.boolean() }),
  z.object({
    kind: z.literal('merged'),
    leadId: z.string(),
    mergedIds: z.array(z.string()),
    occurredAt: date,
  }),
  z.object({
    kind: z.literal('related'),
    objectType: z.enum(RELATED_OBJECT_TYPES),
    leadId: z.string(),
    occurredAt: date,
    deleted: z.boolean(),
  }),
]);

/** The payload stored in the inbox for a change (what `inboundChangeSchema` reads back). */
export const storedChange = (change: InboundChange): Record<string, unknown> => ({
  ...change,
  occurredAt: change.occurredAt.toISOString(),
});

/** One notification as a provider read it: whose account, what makes a redelivery a duplicate, what changed. */
export interface InboundItem {
  /** The CRM's id of the account (HubSpot portal id, Salesforce org id). */
  account: string;
  /** Same notification, same key: HubSpot's retries and Salesforce's redeliveries are stored once. */
  dedupeKey: string;
  /** Null when it is not news for Baton (its own write coming back, an event it does not use). */
  change: InboundChange | null;
}

/** What one delivery (a webhook request, a change event) brought. */
export interface InboundBatch {
  /** Where it came from, kept with each inbox row ('hubspot.webhook', 'salesforce.cdc'). */
  source: string;
  items: InboundItem[];
}
