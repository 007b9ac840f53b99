// The webhook subscriptions of Baton's HubSpot app, from the one list in src/crm/hubspot/webhookEvents.ts:
// exactly the contact events the worker turns into changes. The legacy `contact.*` spelling
// is the one sandbox mode subscribes with (src/sandboxPortal.ts), so production and sandbox send the same events.
import { HUBSPOT_WEBHOOK_EVENTS } from '../../../src/crm/hubspot/webhooks.ts';

export interface LegacyContactSubscription {
  subscriptionType:
    'contact.creation' | 'contact.deletion' | 'contact.merge' | 'contact.restore' | 'contact.propertyChange';
  propertyName?: string;
  active: true;
}

export interface HubEventSubscription {
  subscriptionType: 'contact.privacyDeletion';
  active: true;
}

export interface WebhookSubscriptions {
  legacyCrmObjects: LegacyContactSubscription[];
  /** HubSpot files the GDPR deletion under hub events; the marketplace requires apps to honour it. */
  hubEvents: HubEventSubscription[];
}

export function webhookSubscriptions(): WebhookSubscriptions {
  const legacy = HUBSPOT_WEBHOOK_EVENTS.filter(
    (e): e is { subscriptionType: LegacyContactSubscription['subscriptionType']; propertyName?: string } =>
      e.subscriptionType !== 'contact.privacyDeletion',
  );
  return {
    legacyCrmObjects: legacy.map((e) => ({ ...e, active: true as const })),
    hubEvents: [{ subscriptionType: 'contact.privacyDeletion', active: true }],
  };
}
