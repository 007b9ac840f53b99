// A developer app (OAuth client) and its webhook settings, as configured in a HubSpot developer project.

export const SUBSCRIPTION_TYPES = [
  'contact.creation',
  'contact.deletion',
  'contact.privacyDeletion',
  'contact.propertyChange',
  'contact.merge',
  'contact.restore',
  'object.creation',
  'object.deletion',
  'object.propertyChange',
  'object.merge',
  'object.restore',
] as const;
export type SubscriptionType = (typeof SUBSCRIPTION_TYPES)[number];

export interface WebhookSubscription {
  id: number;
  subscriptionType: SubscriptionType;
  /** Required for propertyChange subscriptions. */
  propertyName?: string;
  /** For object.* subscriptions: which object type ('0-1' contacts by default). */
  objectTypeId?: string;
  active: boolean;
}

export interface DeveloperApp {
  appId: number;
  name: string;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** Scopes the app may request (required + optional). */
  scopes: string[];
  /** Private (static-token) apps have no OAuth flow. */
  kind: 'public' | 'private';
  webhooks: { targetUrl?: string; maxConcurrentRequests: number; subscriptions: WebhookSubscription[] };
}

/**
 * Everything Baton needs; a new app may request these unless it lists its own. The leads scopes are among them so
 * an install may ask for them (Baton asks as optional scopes: a portal without the Leads object grants the rest,
 * see SandboxState.grantFor).
 */
export const DEFAULT_APP_SCOPES = [
  'oauth',
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.schemas.contacts.read',
  'crm.schemas.contacts.write',
  'crm.lists.read',
  'crm.lists.write',
  'crm.objects.owners.read',
  'crm.objects.leads.read',
  'crm.objects.leads.write',
];

/** Scopes an account only has with the Leads object (Sales Hub Professional+). */
export const LEAD_OBJECT_SCOPES: readonly string[] = ['crm.objects.leads.read', 'crm.objects.leads.write'];
