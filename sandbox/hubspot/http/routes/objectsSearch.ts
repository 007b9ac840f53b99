// CRM search (POST /crm/v3/objects/{objectType}/search), with HubSpot's limits (see model/search).
import { Router } from 'express';
import { checkSearchLimits, searchRecords } from '../../model/search/searchRecords.ts';
import type { Portal } from '../../state/portal.ts';
import { searchBody } from '../bodies.ts';
import { authOf } from '../requestContext.ts';
import { objectTypeOf, publicRecord, selection } from './objectHelpers.ts';

/** Properties the free-text `query` looks in (HubSpot's default searchable properties; other types: their texts). */
function searchable(portal: Portal, type: ReturnType<typeof objectTypeOf>): string[] {
  if (type === 'contacts') return ['firstname', 'lastname', 'email', 'phone', 'company'];
  return portal
    .properties(type)
    .list()
    .filter((d) => d.type === 'string')
    .map((d) => d.name);
}

export function objectsSearchRoutes(): Router {
  const router = Router();
  router.post('/:objectType/search', (req, res) => {
    const { portal } = authOf(req);
    const type = objectTypeOf(req);
    const body = searchBody.parse(req.body ?? {});
    const definitions = (name: string) => portal.properties(type).get(name);
    const query = {
      filterGroups: body.filterGroups,
      sorts: body.sorts,
      query: body.query,
      limit: body.limit,
      after: body.after ?? 0,
    };
    checkSearchLimits(query, definitions);
    const page = searchRecords(portal.records(type).values(), query, definitions, searchable(portal, type));
    const sel = selection(portal, type, body.properties);
    res.json({
      total: page.total,
      results: page.results.map((r) => publicRecord(portal, r, sel)),
      ...(page.nextAfter !== undefined && { paging: { next: { after: page.nextAfter } } }),
    });
  });
  return router;
}
