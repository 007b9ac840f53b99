// zod schemas of every request body and query the sandbox accepts, in the shapes jsforce 3 sends. Lenient
// where Salesforce is (unknown keys of an sObject go to field validation, not here), strict where it is not.
import { z } from 'zod';

const text = z.string().optional();

export const authorizeQuery = z.object({
  response_type: text,
  client_id: text,
  redirect_uri: text,
  scope: text,
  state: text,
  code_challenge: text,
  code_challenge_method: text,
  prompt: text,
  login_hint: text,
});

export const tokenForm = z.object({
  grant_type: text,
  code: text,
  redirect_uri: text,
  client_id: text,
  client_secret: text,
  code_verifier: text,
  refresh_token: text,
  format: text,
});

export const revokeForm = z.object({ token: text });

/** One sObject's fields as JSON. */
export const sobjectBody = z.record(z.string(), z.unknown());

const collectionRecord = z
  .object({ attributes: z.object({ type: z.string().min(1) }).passthrough() })
  .catchall(z.unknown());

export const collectionBody = z.object({
  allOrNone: z.boolean().optional(),
  records: z.array(collectionRecord),
});

export const retrieveManyBody = z.object({
  ids: z.array(z.string()),
  fields: z.array(z.string()).min(1),
});

/** PATCH /ui-api/records/{id}: what lightning/uiRecordApi updateRecord sends. */
export const uiRecordBody = z.object({
  fields: z.record(z.string(), z.unknown()),
  apiName: z.string().optional(),
  allowSaveOnDuplicate: z.boolean().optional(),
});

export const replicationQuery = z.object({ start: z.string(), end: z.string() });
