// The public paths HubSpot calls (the app's webhook target, the cards' API): one place for the app, the
// HubSpot project generator and sandbox mode.
export const WEBHOOK_PATH = '/webhooks/hubspot';
export const CARD_API_PATH = '/api/hubspot';
