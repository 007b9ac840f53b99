// A connected app (or External Client App): the OAuth client Baton installs through. Salesforce's consumer
// keys start with 3MVG9; PKCE is required (AppExchange partners must enable it) unless switched off.

export interface ConnectedApp {
  name: string;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** OAuth scopes the app may be granted: api, refresh_token, offline_access, id, openid, web, full. */
  scopes: string[];
  requirePkce: boolean;
  /** "Require Secret for Refresh Token Flow" (on by default). */
  requireSecretForRefresh: boolean;
}

export const DEFAULT_APP_SCOPES = ['api', 'refresh_token', 'offline_access', 'id', 'openid'];
