// The published shapes of HubSpot's current OAuth answers, written from the spec (not copied from it):
// HubSpot-public-api-spec-collection PublicApiSpecs/Auth/Oauth/Rollouts/279897/2026-03/oauth.json,
// components.schemas. Required fields as the spec lists them; types as it gives them (int32 → integer).
import { z } from 'zod';

/** AccessTokenResponse: required access_token, expires_in, refresh_token, token_type, token_use. */
export const accessTokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().int(),
  refresh_token: z.string().min(1),
  token_type: z.string(),
  token_use: z.literal('access_token'),
  hub_id: z.number().int().optional(),
  id_token: z.string().optional(),
  scopes: z.array(z.string()).optional(),
  user_id: z.number().int().optional(),
});

/** SignedAccessToken: every field required. */
const signedAccessToken = z.object({
  appId: z.number().int(),
  appInstallId: z.string(),
  audience: z.string(),
  expiresAt: z.number().int(),
  hubId: z.number().int(),
  hublet: z.string(),
  installingUserId: z.number().int(),
  isPrivateDistribution: z.boolean(),
  isServiceAccount: z.boolean(),
  isUserLevel: z.boolean(),
  newSignature: z.string(),
  scopeToScopeGroupPks: z.string(),
  scopes: z.string(),
  signature: z.string(),
  trialScopeToScopeGroupPks: z.string(),
  trialScopes: z.string(),
  userId: z.number().int(),
});

/** PublicAccessTokenInfoResponse (introspect, an access token). */
export const accessTokenInfo = z.object({
  active: z.boolean(),
  app_id: z.number().int(),
  client_id: z.string(),
  expires_in: z.number().int(),
  hub_domain: z.string().optional(),
  hub_id: z.number().int(),
  is_private_distribution: z.boolean(),
  scopes: z.array(z.string()),
  signed_access_token: signedAccessToken,
  token: z.string(),
  token_type: z.string(),
  token_use: z.literal('access_token'),
  user: z.string().optional(),
  user_id: z.number().int(),
});

/** PublicRefreshTokenInfoResponse (introspect, a refresh token). */
export const refreshTokenInfo = z.object({
  active: z.boolean(),
  app_id: z.number().int(),
  client_id: z.string(),
  hub_domain: z.string().optional(),
  hub_id: z.number().int(),
  scopes: z.array(z.string()),
  token: z.string(),
  token_type: z.string(),
  token_use: z.literal('refresh_token'),
  user: z.string().optional(),
  user_id: z.number().int(),
});

/** Error: required category, correlationId (uuid), message. */
export const errorBody = z.object({
  category: z.string().min(1),
  correlationId: z.uuid(),
  message: z.string(),
  subCategory: z.string().optional(),
  context: z.record(z.string(), z.array(z.string())).optional(),
  links: z.record(z.string(), z.string()).optional(),
  errors: z
    .array(
      z.object({
        message: z.string(),
        code: z.string().optional(),
        in: z.string().optional(),
        subCategory: z.string().optional(),
        context: z.record(z.string(), z.array(z.string())).optional(),
      }),
    )
    .optional(),
});
