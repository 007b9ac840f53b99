// Pub/Sub API stream errors in words ops can act on, told apart by the Pub/Sub API's own error code (the
// error-code trailer; Pub/Sub API guide, "Handle Errors") and the gRPC status; and how long to wait before the next
// attempt after failures in a row ("retry the RPC calls with exponential backoff", retry-rpc-calls).
import type { ChangeChannel } from '../changeEvents.ts';
import { grpc, grpcStatusOf, pubSubErrorCode } from './pubSubClient.ts';

/** Error codes of the Pub/Sub API the change stream acts on (Pub/Sub API guide, "Handle Errors"; CDC allocations). */
export const PUBSUB_ERRORS = {
  auth: 'sfdc.platform.eventbus.grpc.service.auth.error',
  replayCorrupted: 'sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted',
  deliveryLimit: 'sfdc.platform.eventbus.grpc.subscription.limit.exceeded',
} as const;

const topicOf = (channel: ChangeChannel): string => channel.replace('/data/', '');

export const cannotSubscribe = (channel: ChangeChannel): string =>
  channel === '/data/LeadChangeEvent'
    ? `the connected user may not subscribe to ${topicOf(channel)} (it needs "View All" on leads)`
    : `the connected user may not subscribe to ${topicOf(channel)} (task and event change events need "View All Data")`;

/** A stream error in words ops can act on. */
export function describeStreamError(channel: ChangeChannel, error: unknown): string {
  const code = pubSubErrorCode(error);
  const status = grpcStatusOf(error);
  const detail = (error as { details?: unknown } | null)?.details;
  const said = typeof detail === 'string' && detail ? ` (${detail})` : '';
  if (code === PUBSUB_ERRORS.deliveryLimit)
    return `Salesforce's event delivery allocation for the org (rolling 24 hours) is used up${said}: subscribing again in an hour; events wait in Salesforce for 72 hours`;
  if (code === PUBSUB_ERRORS.auth || status === grpc.status.UNAUTHENTICATED)
    return 'session refused: refreshing the token and subscribing again';
  if (status === grpc.status.PERMISSION_DENIED) return `${cannotSubscribe(channel)}${said}`;
  if (status === grpc.status.NOT_FOUND)
    return `${topicOf(channel)} is not available: select ${topicOf(channel).replace('ChangeEvent', '')} for Change Data Capture${said}`;
  return `stream failed: ${status === null ? 'no status' : grpc.status[status]}${said}`;
}

/**
 * How long to wait before the `failures`-th subscribe in a row: the base, doubled each time, at most `maxMs` — a
 * topic the org refuses (missing permission, not selected for CDC) is not asked every few seconds forever; the
 * reconciliation poll covers it meanwhile.
 */
export const restartWait = (failures: number, baseMs: number, maxMs: number): number =>
  Math.min(baseMs * 2 ** Math.min(Math.max(failures - 1, 0), 30), maxMs);
