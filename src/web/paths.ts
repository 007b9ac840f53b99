// The public paths HubSpot calls (the app's webhook target, the cards' API): one place for the app, the
// HubSpot project generator and sandbox mode.
import { HUBSPOT_WEBHOOK_PATH } from '../crm/hubspot/webhooks.ts';

export const WEBHOOK_PATH = HUBSPOT_WEBHOOK_PATH;
export const CARD_API_PATH = '/api/hubspot';
