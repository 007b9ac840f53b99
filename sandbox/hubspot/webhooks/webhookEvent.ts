// Webhook notifications as HubSpot sends them (a JSON array of these per request), and which
// subscriptions a change in a portal notifies. Fields follow reference/hubspot-platform.md §3.
import { OBJECT_TYPE_INFO } from '../model/objectTypes.ts';
import type { ChangeEvent } from '../state/changeEvents.ts';
import type { DeveloperApp, WebhookSubscription } from '../state/developerApp.ts';

export interface WebhookEvent {
  eventId: number;
  subscriptionId: number;
  portalId: number;
  appId: number;
  occurredAt: number;
  subscriptionType: string;
  attemptNumber: number;
  objectId: number;
  changeSource: string;
  sourceId?: string;
  propertyName?: string;
  propertyValue?: string;
  changeFlag?: string;
  objectTypeId?: string;
  isSensitive?: boolean;
  primaryObjectId?: number;
  mergedObjectIds?: number[];
  newObjectId?: number;
  numberOfPropertiesMoved?: number;
}

export interface WebhookDelivery {
  id: number;
  appId: number;
  targetUrl: string;
  attemptNumber: number;
  events: WebhookEvent[];
  /** Sandbox-clock time of the attempt. */
  at: number;
  outcome: 'delivered' | 'failed' | 'dropped';
  status?: number;
  error?: string;
  durationMs: number;
  willRetry: boolean;
}

function matches(sub: WebhookSubscription, change: ChangeEvent): boolean {
  if (!sub.active) return false;
  const [scope, action] = sub.subscriptionType.split('.') as [string, string];
  if (action !== change.kind) return false;
  if (change.kind === 'propertyChange' && sub.propertyName !== change.propertyName) return false;
  const objectTypeId = OBJECT_TYPE_INFO[change.objectType].objectTypeId;
  if (scope === 'contact') return change.objectType === 'contacts';
  return action !== 'privacyDeletion' && (sub.objectTypeId ?? '0-1') === objectTypeId;
}

/** The notifications one change produces for one app (one per matching subscription). */
export function notificationsFor(
  change: ChangeEvent,
  app: DeveloperApp,
  nextEventId: () => number,
): WebhookEvent[] {
  return app.webhooks.subscriptions
    .filter((s) => matches(s, change))
    .map((s) => {
      const generic = s.subscriptionType.startsWith('object.');
      const event: WebhookEvent = {
        eventId: nextEventId(),
        subscriptionId: s.id,
        portalId: change.portalId,
        appId: app.appId,
        occurredAt: change.occurredAt,
        subscriptionType: s.subscriptionType,
        attemptNumber: 0,
        objectId: Number(change.objectId),
        changeSource: change.source.changeSource,
        ...(change.source.sourceId !== undefined && { sourceId: change.source.sourceId }),
        ...(generic && {
          objectTypeId: OBJECT_TYPE_INFO[change.objectType].objectTypeId,
          isSensitive: false,
        }),
      };
      switch (change.kind) {
        case 'propertyChange':
          return { ...event, propertyName: change.propertyName, propertyValue: change.propertyValue };
        case 'creation':
          return { ...event, changeFlag: 'NEW' };
        case 'deletion':
        case 'privacyDeletion':
          return { ...event, changeFlag: 'DELETED' };
        case 'merge':
          return {
            ...event,
            primaryObjectId: Number(change.primaryObjectId),
            mergedObjectIds: change.mergedObjectIds.map(Number),
            newObjectId: Number(change.newObjectId),
            numberOfPropertiesMoved: change.numberOfPropertiesMoved,
          };
        case 'restore':
          return event;
      }
    });
}
