// What changed in a portal, who changed it, and when: the raw material of webhook notifications.
import type { ObjectTypeName } from '../model/objectTypes.ts';

/** HubSpot's changeSource values the sandbox produces. */
export type ChangeSource =
  | 'CRM_UI' // a user in HubSpot
  | 'INTEGRATION' // an app writing through the API (sourceId = app id)
  | 'API'
  | 'CALCULATED' // roll-ups HubSpot computes (activity dates, counts, owner assigned date)
  | 'ANALYTICS'
  | 'FORM'
  | 'EMAIL'
  | 'MERGE'
  | 'GDPR';

export interface WriteSource {
  changeSource: ChangeSource;
  sourceId?: string;
}

interface EventBase {
  portalId: number;
  objectType: ObjectTypeName;
  objectId: string;
  occurredAt: number;
  source: WriteSource;
}

export type ChangeEvent =
  | (EventBase & { kind: 'creation' })
  | (EventBase & { kind: 'propertyChange'; propertyName: string; propertyValue: string })
  | (EventBase & { kind: 'deletion' })
  | (EventBase & { kind: 'privacyDeletion' })
  | (EventBase & { kind: 'restore' })
  | (EventBase & {
      kind: 'merge';
      primaryObjectId: string;
      mergedObjectIds: string[];
      newObjectId: string;
      numberOfPropertiesMoved: number;
    });

export type ChangeListener = (events: readonly ChangeEvent[]) => void;

export const uiSource = (userId: number | string): WriteSource => ({
  changeSource: 'CRM_UI',
  sourceId: `userId:${userId}`,
});
export const appSource = (appId: number): WriteSource => ({
  changeSource: 'INTEGRATION',
  sourceId: String(appId),
});
export const CALCULATED: WriteSource = { changeSource: 'CALCULATED' };
