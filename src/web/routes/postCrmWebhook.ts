// POST a CRM's webhook path (HubSpot: /webhooks/hubspot): the provider verifies the signature over the raw bytes
// and reads the events; the one ingest path stores them with their drain job; the outcome becomes the answer — fast
// (HubSpot retries after 5 s). Anything wrong gets a clear 4xx and stores nothing.
import express, { type RequestHandler, type Router } from 'express';
import type { ChangeIngest } from '../../app/ingestChanges.ts';
import type { CrmProvider, WebhookIngress } from '../../crm/provider.ts';
import { BatonError } from '../../errors.ts';

export interface WebhookRouteDeps {
  ingest: ChangeIngest;
  publicUrl: string;
  now: () => Date;
}

export function postCrmWebhook(
  deps: WebhookRouteDeps,
  provider: Pick<CrmProvider, 'kind'>,
  webhooks: WebhookIngress,
): RequestHandler {
  return async (req, res) => {
    const reading = webhooks.read({
      method: req.method,
      url: `${deps.publicUrl}${req.originalUrl}`,
      body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
      header: (name) => req.get(name),
      now: deps.now(),
    });
    if (!reading.ok)
      throw new BatonError(reading.problem, reading.message, { problems: reading.problems ?? [] });
    const outcome = await deps.ingest.delivery(provider.kind, reading.batch, reading.delivery);
    switch (outcome.kind) {
      case 'refused':
        throw new BatonError('forbidden', outcome.message);
      case 'replayed':
        throw new BatonError('conflict', 'This exact request was already received (replay)');
      case 'stored':
        res.json({
          accepted: outcome.accepted,
          duplicates: outcome.duplicates,
          ignored: outcome.ignored,
          notConnected: outcome.notConnected,
        });
    }
  };
}

/** The webhook route with its raw-body parser: the signature covers the exact bytes the CRM sent. */
export function crmWebhookRouter(deps: WebhookRouteDeps, provider: CrmProvider): Router {
  const router = express.Router();
  const webhooks = provider.webhooks;
  if (!webhooks) return router;
  router.post(
    webhooks.path,
    express.raw({ type: () => true, limit: webhooks.bodyLimit }),
    postCrmWebhook(deps, provider, webhooks),
  );
  return router;
}
