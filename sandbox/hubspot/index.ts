// The HubSpot sandbox: a local, faithful HubSpot API for sandbox mode, end-to-end tests and benchmarks.
export { createHubSpotSandbox, type HubSpotSandbox, type RunningSandbox } from './createHubSpotSandbox.ts';
export type { HubSpotSandboxOptions } from './options.ts';
export {
  createAcceleratedClock,
  createManualClock,
  systemClock,
  type Clock,
  type ManualClock,
} from './clock.ts';
export { bootstrapPortal, type BootstrapInput, type BootstrappedPortal } from './bootstrap.ts';
export type { SandboxState } from './state/sandboxState.ts';
export type { Portal } from './state/portal.ts';
export type { WebhookDelivery, WebhookEvent } from './webhooks/webhookEvent.ts';
export type { LoggedRequest } from './state/requestLog.ts';
