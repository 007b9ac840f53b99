// Change Data Capture messages (Lead, Task, Event), as pubsub/changeEventDecoder.ts reads them from the Pub/Sub API,
// → the CRM-neutral changes the worker consumes. Baton's own
// writes carry `client=Baton` in changeOrigin and are dropped; a task or event names its lead in WhoId; GAP events
// say "re-read": the records they name, or everything recent when they name none; so does a wildcard in recordIds.
import { z } from 'zod';
import type { InboundChange } from '../inboundChange.ts';
import { SF_CLIENT_NAME } from './batonFields.ts';

/** The topics Baton subscribes to, one replay position each. */
export const CHANGE_CHANNELS = [
  '/data/LeadChangeEvent',
  '/data/TaskChangeEvent',
  '/data/EventChangeEvent',
] as const;
export type ChangeChannel = (typeof CHANGE_CHANNELS)[number];

const headerSchema = z.object({
  entityName: z.string().min(1).max(100),
  recordIds: z.array(z.string().min(1).max(40)).max(10_000),
  changeType: z.string().min(1).max(40),
  changeOrigin: z.string().max(1000).default(''),
  transactionKey: z.string().max(200).default(''),
  commitTimestamp: z.number().int().nonnegative(),
  changedFields: z.array(z.string().max(200)).default([]),
});

export const changeEventMessageSchema = z.object({
  payload: z.looseObject({ ChangeEventHeader: headerSchema, WhoId: z.string().nullable().optional() }),
  event: z.object({ replayId: z.string().min(1).max(200) }),
});
export type ChangeEventMessage = z.infer<typeof changeEventMessageSchema>;

export interface MappedChangeEvent {
  /** The event's opaque replay id (base64). */
  replayId: string;
  /** Each change with the key that makes a redelivery (same transaction, same record) a duplicate. */
  changes: Array<{ dedupeKey: string; change: InboundChange }>;
  /** Events were lost upstream or the record is unknown: re-read recently modified leads. */
  reread: boolean;
}

const LEAD_ID_PREFIX = '00Q';
const ownOrigin = new RegExp(`(^|;)client=${SF_CLIENT_NAME}(;|$)`);

/** True when Baton's own API calls made the change (Sforce-Call-Options client=Baton). */
export const isOwnChange = (changeOrigin: string): boolean => ownOrigin.test(changeOrigin);

export function mapChangeEvent(message: ChangeEventMessage): MappedChangeEvent {
  const h = message.payload.ChangeEventHeader;
  const replayId = message.event.replayId;
  const occurredAt = new Date(h.commitTimestamp);
  const gap = h.changeType.startsWith('GAP_');
  const none: MappedChangeEvent = { replayId, changes: [], reread: false };
  if (h.changeType === 'GAP_OVERFLOW') return { ...none, reread: true };
  // A custom field type conversion that loses data: one event for every record, recordIds ["00Q*"] (the key prefix
  // and a wildcard; CDC guide, "Conversions That Generate a Change Event"). Not an id to read: re-read what changed.
  if (h.recordIds.some((id) => id.includes('*'))) return { ...none, reread: true };
  if (!gap && isOwnChange(h.changeOrigin)) return none;
  const key = (recordId: string) =>
    gap || !h.transactionKey
      ? `sf:${h.entityName}:${replayId}:${recordId}`
      : `sf:${h.transactionKey}:${recordId}`;
  const deleted = h.changeType === 'DELETE' || h.changeType === 'GAP_DELETE';

  if (h.entityName === 'Lead') {
    return {
      ...none,
      changes: h.recordIds.map((leadId) => ({
        dedupeKey: key(leadId),
        change: deleted
          ? { kind: 'deleted', leadId, occurredAt, privacy: false }
          : { kind: 'changed', leadId, occurredAt, properties: h.changedFields },
      })),
    };
  }
  if (h.entityName === 'Task' || h.entityName === 'Event') {
    // Creates carry WhoId; updates carry it only when it changed. Without it Baton cannot tell whose activity
    // this is, so the recent leads are re-read (the poll reads leads whose activities changed).
    const whoId = message.payload.WhoId;
    if (deleted) return none;
    if (!whoId) return { ...none, reread: true };
    if (!whoId.startsWith(LEAD_ID_PREFIX)) return none;
    return {
      ...none,
      changes: h.recordIds.map((activityId) => ({
        dedupeKey: key(activityId),
        change: { kind: 'changed', leadId: whoId, occurredAt, properties: [`${h.entityName}.WhoId`] },
      })),
    };
  }
  return none;
}
