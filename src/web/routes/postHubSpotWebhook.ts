// POST /webhooks/hubspot: verify the v3 signature over the raw bytes, parse, check every portal is installed,
// then store the new events in the inbox and queue their processing, all in one transaction — and answer fast.
// Anything wrong gets a clear 4xx and stores nothing.
import express, { type Request, type RequestHandler, type Router } from 'express';
import {
  MAX_AGE_MS,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  verifyV3,
} from '../../crm/hubspot/requestSignature.ts';
import { dedupeKeyOf, toInboundChange, webhookBodySchema } from '../../crm/hubspot/webhookEvents.ts';
import { BatonError } from '../../errors.ts';
import { WEBHOOK_PATH } from '../paths.ts';
import type { Executor, Tx } from '../../store/executor.ts';
import { acceptManyIntoInbox } from '../../store/inbox.ts';
import { firstTimeSeen, forgetExpiredRequests } from '../../store/seenRequests.ts';
import { recordSync } from '../../store/syncLog.ts';
import { findTenant, type Tenant } from '../../store/tenants.ts';

export interface HubSpotWebhookDeps {
  db: Executor;
  clientSecret: string;
  /** Baton's own app id: changes HubSpot attributes to it are Baton's writes coming back. */
  appId: string | null;
  publicUrl: string;
  now: () => Date;
  /** Queue the tenant's inbox processing inside the same transaction. */
  enqueueDrain: (tx: Tx, tenantId: string) => Promise<void>;
  /** Told how many events were accepted, already seen, or ignored (metrics). */
  onIngest?: (counts: { accepted: number; duplicates: number; ignored: number }) => void;
}

/** HubSpot batches stay under 100 events; 1 MB leaves room and refuses anything absurd. */
export const WEBHOOK_BODY_LIMIT = '1mb';

const WHY: Record<string, string> = {
  missing_signature: 'The X-HubSpot-Signature-v3 header is missing',
  missing_timestamp: 'The X-HubSpot-Request-Timestamp header is missing or not a number',
  stale: 'The request timestamp is older than 5 minutes',
  future: 'The request timestamp is in the future',
  mismatch: 'The signature does not match',
};

function verified(req: Request, deps: HubSpotWebhookDeps): Buffer {
  const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  const verdict = verifyV3({
    secret: deps.clientSecret,
    method: req.method,
    uri: `${deps.publicUrl}${req.originalUrl}`,
    body,
    signature: req.get(SIGNATURE_HEADER),
    timestamp: req.get(TIMESTAMP_HEADER),
    nowMs: deps.now().getTime(),
  });
  if (!verdict.valid) throw new BatonError('unauthenticated', WHY[verdict.why] ?? 'Invalid signature');
  return body;
}

function parsed(body: Buffer) {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new BatonError('invalid_input', 'The body is not valid JSON');
  }
  return webhookBodySchema.parse(json);
}

/** Webhooks come in bursts for the same few portals: their tenant is looked up at most every few seconds. */
const TENANT_CACHE_MS = 5_000;
/** Expired request signatures are forgotten once a minute, not on every request. */
const PURGE_EVERY_MS = 60_000;

export function postHubSpotWebhook(deps: HubSpotWebhookDeps): RequestHandler {
  const cache = new Map<string, { tenant: Tenant | null; until: number }>();
  const tenantOf = async (portalId: string, now: number) => {
    const hit = cache.get(portalId);
    if (hit && hit.until > now) return hit.tenant;
    const tenant = await findTenant(deps.db, 'hubspot', portalId);
    cache.set(portalId, { tenant, until: now + TENANT_CACHE_MS });
    return tenant;
  };
  let purgedAt = 0;
  return async (req, res) => {
    const body = verified(req, deps);
    const events = parsed(body);
    const tenants = new Map<string, string>();
    for (const portalId of new Set(events.map((e) => e.portalId))) {
      const tenant = await tenantOf(portalId, deps.now().getTime());
      if (!tenant || tenant.status === 'disconnected') {
        throw new BatonError('forbidden', `Portal ${portalId} has no active Baton installation`);
      }
      tenants.set(portalId, tenant.id);
    }
    const now = deps.now();
    const items = events.flatMap((e) => {
      const change = toInboundChange(e, deps.appId);
      const tenantId = tenants.get(e.portalId);
      if (!change || !tenantId) return [];
      return [
        {
          tenantId,
          source: 'hubspot.webhook',
          dedupeKey: dedupeKeyOf(e),
          leadId: change.leadId,
          payload: change,
          receivedAt: now,
        },
      ];
    });
    const signature = req.get(SIGNATURE_HEADER) ?? '';
    const outcome = await deps.db.transaction().execute(async (tx) => {
      if (now.getTime() - purgedAt > PURGE_EVERY_MS) {
        purgedAt = now.getTime();
        await forgetExpiredRequests(tx, now);
      }
      if (!(await firstTimeSeen(tx, signature, new Date(now.getTime() + MAX_AGE_MS)))) return null;
      const stored = await acceptManyIntoInbox(tx, items);
      const touched = [...new Set(items.map((i) => i.tenantId))];
      for (const tenantId of touched) await deps.enqueueDrain(tx, tenantId);
      await recordSync(
        tx,
        [...tenants.values()].map((tenantId) => {
          const mine = items.filter((i) => i.tenantId === tenantId);
          return {
            tenantId,
            direction: 'inbound' as const,
            at: now,
            operation: 'webhook',
            recordIds: [...new Set(mine.map((i) => i.leadId))].slice(0, 100),
            status: 'ok' as const,
            message: `${events.length} events: ${mine.length} for this portal, ${stored.duplicates} already seen`,
          };
        }),
      );
      return stored;
    });
    if (!outcome) throw new BatonError('conflict', 'This exact request was already received (replay)');
    const counts = {
      accepted: outcome.accepted,
      duplicates: outcome.duplicates,
      ignored: events.length - items.length,
    };
    deps.onIngest?.(counts);
    res.json(counts);
  };
}

/** The webhook route with its raw-body parser: the signature covers the exact bytes HubSpot sent. */
export function hubspotWebhookRouter(deps: HubSpotWebhookDeps): Router {
  const router = express.Router();
  router.post(
    WEBHOOK_PATH,
    express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT }),
    postHubSpotWebhook(deps),
  );
  return router;
}
