// POST /ops/api/tenants/:tenantId/uninstall: take Baton out of the account (HubSpot: the app uninstalled and the
// grant revoked; Salesforce: the grant revoked) and remove its tokens; the tenant's data stays.
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { BatonError } from '../../errors.ts';
import { storableText } from '../../domain/storableText.ts';

const params = z.object({ tenantId: storableText().min(1).max(200) });

/** Disconnects a tenant of any CRM; `found: false` when Baton has no such tenant. */
export type DisconnectTenant = (
  tenantId: string,
) => Promise<{ found: boolean; uninstalled: boolean; revoked: boolean }>;

export function postTenantUninstall(disconnect: DisconnectTenant): RequestHandler {
  return async (req, res) => {
    const { tenantId } = params.parse(req.params);
    const result = await disconnect(tenantId);
    if (!result.found) throw new BatonError('not_found', `No tenant ${tenantId}`);
    res.json({
      tenantId,
      status: 'disconnected',
      appUninstalled: result.uninstalled,
      refreshTokenRevoked: result.revoked,
    });
  };
}
