// Scopes by the object type a path names: the leads APIs need crm.objects.leads.read|write (security of
// PublicApiSpecs/CRM/Leads/Rollouts/424/2026-03/leads.json, and the leads scopes listed on the properties, pipelines
// and associations specs), everything else the scopes it needed before. A portal without the Leads object answers
// lead calls with 403 MISSING_SCOPES (why: see `leadsRefusal`).
import type { Request, RequestHandler } from 'express';
import { missingScopes } from '../hubspotErrors.ts';
import { resolveObjectType, type ObjectTypeName } from '../model/objectTypes.ts';
import { authOf } from './requestContext.ts';

export type ScopePair = readonly [read: string, write: string];

export const CONTACT_SCOPES: ScopePair = ['crm.objects.contacts.read', 'crm.objects.contacts.write'];
export const SCHEMA_SCOPES: ScopePair = ['crm.schemas.contacts.read', 'crm.schemas.contacts.write'];
export const LEAD_SCOPES: ScopePair = ['crm.objects.leads.read', 'crm.objects.leads.write'];

const READS = /\/(search|batch\/read)$/;
const isRead = (req: Request): boolean => req.method === 'GET' || READS.test(req.path);

/** Which path segments (of req.path split on "/") name object types, per API mount. */
export const TYPES_IN_PATH = {
  /** /{objectType}/… (objects, properties, pipelines, dated associations' first type). */
  first: (s: readonly string[]) => [s[1]],
  /** /{fromObjectType}/{toObjectType}/batch/read (2026-03 associations). */
  pair: (s: readonly string[]) => [s[1], s[2]],
  /** v4: /objects/{type}/{id}/associations/{toType}/… and /associations/{from}/{to}/batch/…. */
  v4: (s: readonly string[]) => (s[1] === 'objects' ? [s[2], s[5]] : [s[2], s[3]]),
} as const;

/**
 * HubSpot grants no scope of a product the account lacks (changelog 2018-02-01 "Integration Permission Error":
 * users "will no longer be able to approve scopes if they don't have access to the relevant scopes"; optional scopes
 * are granted only if "available to the user in the selected account", changelog "additional details returned when
 * generating OAuth access tokens"). What a lead call on such an account answers is not published (silent): the
 * sandbox answers what a token lacking the scope gets, 403 MISSING_SCOPES, since no token there can hold it.
 */
function leadsRefusal(req: Request, needed: string): void {
  if (!authOf(req).portal.leadsObject) throw missingScopes([needed]);
}

/**
 * Requires, for each object type the path names, the read or write scope of `pairOf(type)` (GET, search and batch
 * read are reads). Unknown types fall back to `pairOf(undefined)`, and the route answers them.
 */
export function requireObjectScopes(
  typesIn: (segments: readonly string[]) => Array<string | undefined>,
  pairOf: (t: ObjectTypeName | undefined) => ScopePair,
): RequestHandler {
  return (req, _res, next) => {
    const types = typesIn(req.path.split('/')).map((s) => (s ? resolveObjectType(s) : undefined));
    const index = isRead(req) ? 0 : 1;
    const granted = authOf(req).token.scopes;
    for (const t of types.length > 0 ? types : [undefined]) {
      const needed = pairOf(t)[index];
      if (t === 'leads') leadsRefusal(req, needed);
      if (!granted.includes(needed)) throw missingScopes([needed]);
    }
    next();
  };
}

/** Leads need the leads scopes; every other type `other`. */
export const leadsOr =
  (other: ScopePair) =>
  (t: ObjectTypeName | undefined): ScopePair =>
    t === 'leads' ? LEAD_SCOPES : other;
