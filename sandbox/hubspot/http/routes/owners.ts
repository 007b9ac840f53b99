// Owners (/crm/v3/owners): paged (limit ≤ 500), filterable by email, readable by id or userId.
import { Router } from 'express';
import { notFound } from '../../hubspotErrors.ts';
import { toPublicOwner } from '../../state/ownerStore.ts';
import { forwardPaging, param, queryBool, queryInt, queryText } from '../query.ts';
import { authOf } from '../requestContext.ts';

export function ownersRoutes(): Router {
  const router = Router();

  router.get('/', (req, res) => {
    const { portal } = authOf(req);
    const limit = queryInt(req, 'limit', 100, { min: 1, max: 500 });
    const email = queryText(req, 'email')?.toLowerCase();
    const after = Number(queryText(req, 'after') ?? '0') || 0;
    const all = portal.owners
      .all(queryBool(req, 'archived'))
      .filter((o) => email === undefined || o.email.toLowerCase() === email)
      .filter((o) => Number(o.id) > after);
    const page = all.slice(0, limit);
    const last = page.at(-1);
    res.json({
      results: page.map(toPublicOwner),
      ...forwardPaging(req, all.length > limit && last ? last.id : undefined),
    });
  });

  // GET /crm/owners/2026-03/{ownerId}?idProperty=id|userId&archived (HubSpot public API spec collection,
  // CRM/Crm Owners/Rollouts/146888/2026-03/crmOwners.json): Baton resolves the user a card request is signed for
  // this way. The portal is the token's: a user id of another portal, or an archived (deactivated) owner, is 404.
  router.get('/:ownerId', (req, res) => {
    const { portal } = authOf(req);
    const id = param(req, 'ownerId');
    const owner =
      queryText(req, 'idProperty') === 'userId' ? portal.owners.byUserId(Number(id)) : portal.owners.get(id);
    if (!owner || owner.archived !== queryBool(req, 'archived')) throw notFound(`Owner ${id} not found`);
    res.json(toPublicOwner(owner));
  });

  return router;
}
