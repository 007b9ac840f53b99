// Ops API for a tenant's initial sync: its progress, and starting or continuing it.
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { BatonError } from '../../errors.ts';
import { storableText } from '../../domain/storableText.ts';
import type { Executor } from '../../store/executor.ts';
import { getTenant } from '../../store/tenants.ts';
import { readBackfill } from '../../worker/backfill.ts';

export interface OpsTenantsDeps {
  db: Executor;
  startBackfill: (tenantId: string, opts: { restart: boolean }) => Promise<void>;
}

const params = z.object({ tenantId: storableText().min(1).max(200) });
const backfillBody = z.strictObject({ restart: z.boolean().default(false) }).default({ restart: false });

export function getOpsBackfill(deps: OpsTenantsDeps): RequestHandler {
  return async (req, res) => {
    const { tenantId } = params.parse(req.params);
    if (!(await getTenant(deps.db, tenantId))) throw new BatonError('not_found', `No tenant ${tenantId}`);
    res.json({ tenantId, backfill: await readBackfill(deps.db, tenantId) });
  };
}

export function postOpsBackfill(deps: OpsTenantsDeps): RequestHandler {
  return async (req, res) => {
    const { tenantId } = params.parse(req.params);
    const body = backfillBody.parse(req.body ?? {});
    const tenant = await getTenant(deps.db, tenantId);
    if (!tenant) throw new BatonError('not_found', `No tenant ${tenantId}`);
    if (tenant.status === 'disconnected')
      throw new BatonError('conflict', `${tenantId} is disconnected: reinstall first`);
    await deps.startBackfill(tenantId, body);
    res.status(202).json({ tenantId, backfill: await readBackfill(deps.db, tenantId) });
  };
}
