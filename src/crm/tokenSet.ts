// OAuth tokens as Baton stores them (encrypted) for any CRM; validated when read back.
import { z } from 'zod';

export const tokenSetSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  expiresAt: z.coerce.date(),
  /** Salesforce: the org's API host (it can move between instances). */
  instanceUrl: z.string().url().optional(),
});
export type TokenSet = z.infer<typeof tokenSetSchema>;
