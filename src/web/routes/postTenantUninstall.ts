// POST /ops/api/tenants/:tenantId/uninstall: revoke and remove the tenant's tokens (HubSpot portal or Salesforce
// org); its data stays.
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { BatonError } from '../../errors.ts';
import { storableText } from '../../domain/storableText.ts';

const params = z.object({ tenantId: storableText().min(1).max(200) });

/** Disconnects a tenant of any CRM; `found: false` when Baton has no such tenant. */
export type DisconnectTenant = (tenantId: string) => Promise<{ found: boolean; revoked: boolean }>;

export function postTenantUninstall(disconnect: DisconnectTenant): RequestHandler {
  return async (req, res) => {
    const { tenantId } = params.parse(req.params);
    const result = await disconnect(tenantId);
    if (!result.found) throw new BatonError('not_found', `No tenant ${tenantId}`);
    res.json({ tenantId, status: 'disconnected', refreshTokenRevoked: result.revoked });
  };
}
