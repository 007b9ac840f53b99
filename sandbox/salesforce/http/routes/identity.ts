// The identity URL of a token (/id/<orgId>/<userId>), which jsforce's conn.identity() calls with
// ?format=json&oauth_token=... (and the bearer header). A bad token gets 403 Bad_OAuth_Token, not a 401.
import { Router } from 'express';
import { z } from 'zod';
import { canonicalId } from '../../model/ids.ts';
import { SalesforceError } from '../../salesforceErrors.ts';
import type { SalesforceState } from '../../state/salesforceState.ts';
import { instanceUrlOf } from '../requestContext.ts';
import { identity } from './identityInfo.ts';

const identityQuery = z.object({ oauth_token: z.string().optional(), format: z.string().optional() });

export function identityRoutes(state: SalesforceState): Router {
  const router = Router();
  router.get('/:orgId/:userId', (req, res) => {
    const q = identityQuery.parse(req.query);
    const header = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
    const value = header ?? q.oauth_token;
    const token = value ? state.tokens.useAccess(value, state.clock.now()) : undefined;
    const org = token ? state.findOrg(token.orgId) : undefined;
    const orgId = canonicalId(String(req.params.orgId));
    const user = org?.store.get('User', canonicalId(String(req.params.userId)) ?? '');
    if (!token || !org || orgId !== org.id || !user)
      throw new SalesforceError(403, 'Bad_OAuth_Token', { format: 'text' });
    res.json(identity(instanceUrlOf(req), org, user));
  });
  return router;
}
