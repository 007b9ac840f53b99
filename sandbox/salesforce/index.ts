// The Salesforce sandbox: a local, faithful Salesforce org for sandbox mode, end-to-end tests and benchmarks.
export {
  createSalesforceSandbox,
  type RunningSalesforceSandbox,
  type SalesforceSandbox,
} from './createSalesforceSandbox.ts';
export type { FaultSettings, SalesforceSandboxOptions } from './options.ts';
export { bootstrapOrg, type BootstrapOrgInput, type BootstrappedOrg } from './bootstrap.ts';
export type { SalesforceState } from './state/salesforceState.ts';
export type { Org, ActOptions, Fields } from './state/org.ts';
export type { SObjectRecord, Values } from './state/recordStore.ts';
export type { LoggedRequest } from './state/requestLog.ts';
export type { AssignmentRule, AssignmentRuleEntry } from './state/assignmentRules.ts';
export type { CdcOptions, PublishedEvent } from './cdc/changeEventBus.ts';
export type { CdcMessage, ChangeEventHeader } from './cdc/changeEventMessage.ts';
export type { RunningPubSubServer } from './pubsub/pubsubServer.ts';
export { changeEventSchema, type ChangeEventSchema } from './pubsub/changeEventSchema.ts';
export { bitmapLayoutOf, fieldBitmaps, type BitmapLayout } from './pubsub/changeEventEncoding.ts';
export { replayIdBytes, replayIdFromBytes } from './pubsub/replayIds.ts';
export { PROTO_FILE as PUBSUB_PROTO_FILE } from './pubsub/pubsubProto.ts';
export { UI_ORIGIN, restOrigin } from './state/changeOrigins.ts';
export {
  createAcceleratedClock,
  createManualClock,
  systemClock,
  type Clock,
  type ManualClock,
} from '../hubspot/clock.ts';
