// Lists v3 (/crm/v3/lists): create, read by id or name, search, rename, delete and restore.
import { Router } from 'express';
import { z } from 'zod';
import { notFound, validationError } from '../../hubspotErrors.ts';
import type { CrmList } from '../../state/listStore.ts';
import { listCreateBody, listSearchBody } from '../bodies.ts';
import { param, queryBool, queryList, queryText } from '../query.ts';
import { authOf } from '../requestContext.ts';

const iso = (ms: number): string => new Date(ms).toISOString();
const searchBody = listSearchBody.extend({
  objectTypeId: z.string().optional(),
  sort: z.string().optional(),
});

function listFields(l: CrmList): Record<string, unknown> {
  return {
    listId: l.listId,
    listVersion: l.listVersion,
    name: l.name,
    objectTypeId: l.objectTypeId,
    processingType: l.processingType,
    processingStatus: 'COMPLETE',
    createdAt: iso(l.createdAt),
    updatedAt: iso(l.updatedAt),
    filtersUpdatedAt: iso(l.filtersUpdatedAt),
    createdById: l.createdById,
    updatedById: l.createdById,
    ...(l.deletedAt !== undefined && { deletedAt: iso(l.deletedAt) }),
  };
}

export function toPublicList(l: CrmList, includeFilters: boolean): Record<string, unknown> {
  return {
    ...listFields(l),
    size: l.members.size,
    ...(includeFilters && l.filterBranch !== undefined && { filterBranch: l.filterBranch }),
  };
}

function toSearchResult(l: CrmList): Record<string, unknown> {
  const lastAdded = Math.max(0, ...[...l.members.values()].map((m) => m.lastAdded));
  return {
    ...listFields(l),
    additionalProperties: {
      hs_list_size: String(l.members.size),
      hs_list_reference_count: '0',
      ...(lastAdded > 0 && { hs_last_record_added_at: String(lastAdded) }),
    },
  };
}

export function listsRoutes(): Router {
  const router = Router();

  router.post('/', (req, res) => {
    const { portal } = authOf(req);
    const body = listCreateBody.parse(req.body);
    if (body.objectTypeId !== '0-1')
      throw validationError(
        `The sandbox keeps contact lists only (objectTypeId 0-1), not ${body.objectTypeId}.`,
      );
    if (body.processingType === 'DYNAMIC' && body.filterBranch === undefined) {
      throw validationError('A filterBranch is required for DYNAMIC lists.');
    }
    const list = portal.createList(body.name, body.processingType, body.objectTypeId);
    if (body.filterBranch !== undefined) list.filterBranch = body.filterBranch;
    res.json({ list: toPublicList(list, true) });
  });

  // Spec PublicApiSpecs/CRM/Lists/Rollouts/144891/v3/lists.json, POST /crm/v3/lists/search (ListSearchRequest):
  // `query` on the list name (none: every list), filtered by `processingTypes`, `listIds` and `objectTypeId`;
  // `offset` defaults to 0 and `count` to 20 (at most 500); deleted lists are not found. Answers
  // ListSearchResponse { lists, offset (for the next request), hasMore, total }.
  router.post('/search', (req, res) => {
    const { portal } = authOf(req);
    const body = searchBody.parse(req.body ?? {});
    const q = body.query?.toLowerCase() ?? '';
    const hits = portal.lists
      .all()
      .filter(
        (l) =>
          (q === '' || l.name.toLowerCase().includes(q)) &&
          (!body.processingTypes || body.processingTypes.includes(l.processingType)) &&
          (!body.listIds || body.listIds.includes(l.listId)) &&
          (!body.objectTypeId || body.objectTypeId === l.objectTypeId),
      )
      .sort((a, b) => Number(a.listId) - Number(b.listId));
    const page = hits.slice(body.offset, body.offset + body.count);
    res.json({
      lists: page.map(toSearchResult),
      offset: body.offset + page.length,
      hasMore: body.offset + page.length < hits.length,
      total: hits.length,
    });
  });

  router.get('/', (req, res) => {
    const { portal } = authOf(req);
    const ids = queryList(req, 'listIds');
    const includeFilters = queryBool(req, 'includeFilters');
    res.json({
      lists: ids.flatMap((id) => {
        const l = portal.lists.get(id);
        return l ? [toPublicList(l, includeFilters)] : [];
      }),
    });
  });

  router.get('/object-type-id/:objectTypeId/name/:listName', (req, res) => {
    const { portal } = authOf(req);
    const list = portal.lists.byName(param(req, 'objectTypeId'), param(req, 'listName'));
    if (!list) throw notFound(`List with name ${param(req, 'listName')} does not exist.`);
    res.json({ list: toPublicList(list, queryBool(req, 'includeFilters')) });
  });

  router.get('/:listId', (req, res) => {
    const list = authOf(req).portal.lists.require(param(req, 'listId'));
    res.json({ list: toPublicList(list, queryBool(req, 'includeFilters')) });
  });

  router.put('/:listId/update-list-name', (req, res) => {
    const { portal } = authOf(req);
    const name = queryText(req, 'listName');
    if (!name) throw validationError('listName is required.');
    const list = portal.lists.rename(param(req, 'listId'), name, portal.now());
    res.json({ updatedList: toPublicList(list, queryBool(req, 'includeFilters')) });
  });

  router.delete('/:listId', (req, res) => {
    const { portal } = authOf(req);
    portal.lists.remove(param(req, 'listId'), portal.now());
    res.status(204).end();
  });

  router.put('/:listId/restore', (req, res) => {
    authOf(req).portal.lists.restore(param(req, 'listId'));
    res.status(204).end();
  });

  return router;
}
