// What the sandbox knows about a request besides express's fields, kept beside it (not in res.locals, which
// is untyped): the caller's session, the instance URL it reached us on, the API version, and notes for the log.
import type { Request } from 'express';
import { sessionExpired } from '../salesforceErrors.ts';
import type { Org } from '../state/org.ts';
import type { AccessToken } from '../state/tokenStore.ts';

export interface AuthContext {
  org: Org;
  token: AccessToken;
}

const auths = new WeakMap<Request, AuthContext>();
export const setAuth = (req: Request, ctx: AuthContext): void => void auths.set(req, ctx);
export const findAuth = (req: Request): AuthContext | undefined => auths.get(req);
export function authOf(req: Request): AuthContext {
  const ctx = auths.get(req);
  if (!ctx) throw sessionExpired();
  return ctx;
}

/** The URL the sandbox is served at for this request (origin + mount path): Salesforce's instance_url. */
const instanceUrls = new WeakMap<Request, string>();
export const setInstanceUrl = (req: Request, url: string): void => void instanceUrls.set(req, url);
export const instanceUrlOf = (req: Request): string =>
  instanceUrls.get(req) ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;

const versions = new WeakMap<Request, string>();
export const setApiVersion = (req: Request, version: string): void => void versions.set(req, version);
export const apiVersionOf = (req: Request): string => versions.get(req) ?? '62.0';
/** The version root as Salesforce writes it in URLs it returns: /services/data/v62.0. */
export const versionBase = (req: Request): string => `/services/data/v${apiVersionOf(req)}`;

const notes = new WeakMap<Request, string>();
export const noteRequest = (req: Request, note: string): void => void notes.set(req, note);
export const requestNote = (req: Request): string | undefined => notes.get(req);
