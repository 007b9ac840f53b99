// Requests from Baton's HubSpot cards (hubspot.fetch) are signed by HubSpot with the app secret (v3). The portal
// and user come from the signed URL, never from anything unsigned; the portal must be an installed tenant.
// A request that changes state is single-use: its signature is recorded in the same transaction as the change.
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyV3 } from '../crm/hubspot/requestSignature.ts';
import { BatonError } from '../errors.ts';
import type { Executor } from '../store/executor.ts';
import { firstTimeSeen } from '../store/seenRequests.ts';
import { findTenant, type Tenant } from '../store/tenants.ts';

export interface SignedRequestDeps {
  db: Executor;
  clientSecret: string;
  publicUrl: string;
  now: () => Date;
}

export interface CardCaller {
  tenant: Tenant;
  /** The HubSpot user id HubSpot signed into the URL. Signed is not checked: a route that acts for the user
   * resolves it in the portal first (a lead's return: app/returnToMarketing.ts; settings: the policy's admins). */
  userId: string;
  body: unknown;
  /** Call inside the transaction that makes the change: records this request's signature, so the exact same
   * request played again within its 5-minute window is refused as a conflict (409) and changes nothing. If the
   * transaction rolls back (the change is refused), the signature is not kept. */
  firstUse: (tx: Executor) => Promise<void>;
}

const callerQuery = z.object({
  portalId: z.string().regex(/^\d{1,20}$/, 'portalId must be a HubSpot portal id'),
  userId: z.string().regex(/^\d{1,20}$/, 'userId must be a HubSpot user id'),
});

/** Raw body (≤ 1 MB, HubSpot's own limit for hubspot.fetch), signature, caller. */
export function signedCardRouter(deps: SignedRequestDeps): Router {
  const router = express.Router();
  // Expired signatures are deleted by the worker's minute tick (store/expiredRows.ts), not on the request path.
  const recordOnce = async (tx: Executor, signature: string, verifiesUntilMs: number) => {
    // Remembered until its timestamp stops verifying, not receipt + window (a future timestamp outlives that).
    if (!(await firstTimeSeen(tx, signature, new Date(verifiesUntilMs))))
      throw new BatonError('conflict', 'This exact request was already received (replay)');
  };
  router.use(express.raw({ type: () => true, limit: '1mb' }));
  router.use(async (req: Request, res: Response, next: NextFunction) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const verdict = verifyV3({
      secret: deps.clientSecret,
      method: req.method,
      uri: `${deps.publicUrl}${req.originalUrl}`,
      body: raw,
      signature: req.get(SIGNATURE_HEADER),
      timestamp: req.get(TIMESTAMP_HEADER),
      nowMs: deps.now().getTime(),
    });
    if (!verdict.valid)
      return next(
        new BatonError('unauthenticated', `This request is not signed by HubSpot (${verdict.why})`),
      );
    const query = callerQuery.safeParse(req.query);
    if (!query.success)
      return next(new BatonError('invalid_input', 'portalId and userId are required in the signed URL'));
    const tenant = await findTenant(deps.db, 'hubspot', query.data.portalId);
    if (!tenant || tenant.status === 'disconnected') {
      return next(new BatonError('forbidden', 'Baton is not installed in this HubSpot portal'));
    }
    let body: unknown = undefined;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return next(new BatonError('invalid_input', 'The body is not valid JSON'));
      }
    }
    const signature = req.get(SIGNATURE_HEADER) ?? '';
    const caller: CardCaller = {
      tenant,
      userId: query.data.userId,
      body,
      firstUse: (tx) => recordOnce(tx, signature, verdict.verifiesUntilMs),
    };
    res.locals['caller'] = caller;
    next();
  });
  return router;
}

export function callerOf(res: Response): CardCaller {
  const caller = res.locals['caller'] as CardCaller | undefined;
  if (!caller) throw new BatonError('unauthenticated', 'Unsigned request');
  return caller;
}
