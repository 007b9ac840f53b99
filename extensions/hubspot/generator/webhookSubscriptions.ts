// The webhook subscriptions of Baton's HubSpot app, from the one list in src/crm/hubspot/webhookEvents.ts:
// exactly the contact events the worker turns into changes. The legacy `contact.*` spelling
// is the one sandbox mode subscribes with (src/sandboxPortal.ts), so production and sandbox send the same events.
import { LEAD_OBJECT_TYPE_ID } from '../../../src/crm/hubspot/leadRecordMapping.ts';
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

/**
 * Generic `object.*` subscriptions (HubSpot changelog "public beta generic webhook subscriptions": LEAD supported
 * since 2024-08). The developer platform names the object with `objectType` (configure-webhooks doc, whose example
 * says "contact"); that it accepts "lead" for the Leads object is not stated anywhere we could read —
 * `hs project validate` on a real account is the check (README, "Against a real HubSpot portal").
 */
export interface CrmObjectSubscription {
  subscriptionType: 'object.creation' | 'object.deletion' | 'object.propertyChange';
  objectType: 'lead';
  propertyName?: string;
  active: true;
}

export interface WebhookSubscriptions {
  crmObjects: CrmObjectSubscription[];
  legacyCrmObjects: LegacyContactSubscription[];
  /** HubSpot files the GDPR deletion under hub events; the marketplace requires apps to honour it. */
  hubEvents: HubEventSubscription[];
}

const OBJECT_TYPE_NAMES: Record<string, CrmObjectSubscription['objectType']> = {
  [LEAD_OBJECT_TYPE_ID]: 'lead',
};

export function webhookSubscriptions(): WebhookSubscriptions {
  const legacy = HUBSPOT_WEBHOOK_EVENTS.filter(
    (e): e is { subscriptionType: LegacyContactSubscription['subscriptionType']; propertyName?: string } =>
      e.subscriptionType.startsWith('contact.') && e.subscriptionType !== 'contact.privacyDeletion',
  );
  const generic = HUBSPOT_WEBHOOK_EVENTS.flatMap((e) => {
    const objectType = OBJECT_TYPE_NAMES[e.objectTypeId ?? ''];
    if (!objectType || !e.subscriptionType.startsWith('object.')) return [];
    const subscriptionType = e.subscriptionType as CrmObjectSubscription['subscriptionType'];
    return [
      {
        subscriptionType,
        objectType,
        ...(e.propertyName && { propertyName: e.propertyName }),
        active: true as const,
      },
    ];
  });
  return {
    crmObjects: generic,
    legacyCrmObjects: legacy.map((e) => ({ ...e, active: true as const })),
    hubEvents: [{ subscriptionType: 'contact.privacyDeletion', active: true }],
  };
}
