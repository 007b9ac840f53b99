// Pub/Sub API failures as gRPC statuses. "The Pub/Sub API adds a custom error code in the Trailers section of the
// exception" and "the exception contains an RPC ID that the Pub/Sub API appends to the error message after the
// 'rpcId: ' prefix. The RPC ID is also included in the Trailers" (Pub/Sub API guide, handling-errors). The trailer
// keys error-code and rpc-id are those Salesforce's examples read (handling-errors; client-trace-id: "the rpc-id
// field in the exception trailer").
import * as grpc from '@grpc/grpc-js';
import { randomUUID } from 'node:crypto';

export interface PubSubStatus {
  code: grpc.status;
  details: string;
  metadata: grpc.Metadata;
}

export const newRpcId = (): string => randomUUID();

/** A status the Pub/Sub service itself raises: details end with the rpcId, trailers carry it (and the code). */
export function pubSubError(
  code: grpc.status,
  message: string,
  errorCode: string | undefined,
  rpcId: string = newRpcId(),
): PubSubStatus {
  const metadata = new grpc.Metadata();
  if (errorCode !== undefined) metadata.set('error-code', errorCode);
  metadata.set('rpc-id', rpcId);
  return { code, details: `${message} rpcId: ${rpcId}`, metadata };
}

/** Documented codes (handling-errors, cdc_allocations). */
export const ERROR_CODES = {
  auth: 'sfdc.platform.eventbus.grpc.service.auth.error',
  replayIdCorrupted: 'sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted',
  limitExceeded: 'sfdc.platform.eventbus.grpc.subscription.limit.exceeded',
} as const;

/** An authentication failure: UNAUTHENTICATED with sfdc.platform.eventbus.grpc.service.auth.error (handling-errors). */
export const unauthenticated = (): PubSubStatus =>
  // The message wording is the sandbox's; the guide gives the status and the code.
  pubSubError(grpc.status.UNAUTHENTICATED, 'Authentication failed.', ERROR_CODES.auth);

/** No such topic or schema. The docs found give no error-code string for this, so none is sent. */
export const notFound = (what: string): PubSubStatus => pubSubError(grpc.status.NOT_FOUND, what, undefined);

export const invalidArgument = (message: string, errorCode?: string): PubSubStatus =>
  pubSubError(grpc.status.INVALID_ARGUMENT, message, errorCode);

/**
 * A reset stream, as infrastructure between client and service closes it: "UNAVAILABLE: RST_STREAM closed stream …
 * Retry the Subscribe RPC call" (handling-errors). Errors that do not come from the service carry no RPC ID
 * (client-trace-id), so no trailers.
 */
export const streamReset = (): PubSubStatus => ({
  code: grpc.status.UNAVAILABLE,
  details: 'RST_STREAM closed stream. HTTP/2 error code: NO_ERROR',
  metadata: new grpc.Metadata(),
});
