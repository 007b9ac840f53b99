// Who is calling: the portal and app behind the request's bearer token, kept beside the request (not in
// res.locals, which is untyped).
import type { Request } from 'express';
import { invalidAuthentication } from '../hubspotErrors.ts';
import type { DeveloperApp } from '../state/developerApp.ts';
import type { Portal } from '../state/portal.ts';
import type { AccessToken } from '../state/tokenStore.ts';

export interface AuthContext {
  portal: Portal;
  app: DeveloperApp;
  token: AccessToken;
}

const contexts = new WeakMap<Request, AuthContext>();

export function setAuth(req: Request, ctx: AuthContext): void {
  contexts.set(req, ctx);
}

export function findAuth(req: Request): AuthContext | undefined {
  return contexts.get(req);
}

export function authOf(req: Request): AuthContext {
  const ctx = contexts.get(req);
  if (!ctx) throw invalidAuthentication();
  return ctx;
}

/** Notes what the sandbox did to a request (rate limited, fault injected) for the request log. */
const notes = new WeakMap<Request, string>();
export const noteRequest = (req: Request, note: string): void => void notes.set(req, note);
export const requestNote = (req: Request): string | undefined => notes.get(req);
