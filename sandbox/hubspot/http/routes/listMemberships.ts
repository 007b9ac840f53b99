// List memberships: add, remove, add-and-remove (MANUAL and SNAPSHOT lists only), paging through members,
// and the lists a record is in. HubSpot spells the added ids "recordsIdsAdded" (sic); adding a member that
// is already there is not an error, it is just not among them.
import { Router, type RequestHandler } from 'express';
import type { MembershipChange } from '../../state/listStore.ts';
import { membershipChangeBody, recordIds } from '../bodies.ts';
import { forwardPaging, param, queryInt, queryText } from '../query.ts';
import { authOf } from '../requestContext.ts';

const iso = (ms: number): string => new Date(ms).toISOString();

// The spec's `MembershipsUpdateResponse` (PublicApiSpecs/CRM/Lists/Rollouts/144891/v3/lists.json) requires all
// three arrays on add, remove and add-and-remove alike: what an answer did not do is an empty array.
const updateResponse = (c: MembershipChange): Record<string, string[]> => ({
  recordsIdsAdded: c.added,
  recordIdsRemoved: c.removed,
  recordIdsMissing: c.missing,
});

const cursor = {
  encode: (n: number): string => Buffer.from(String(n)).toString('base64url'),
  decode: (s: string | undefined): number => (s ? Number(Buffer.from(s, 'base64url').toString()) || 0 : 0),
};

export function listMembershipRoutes(): Router {
  const router = Router();

  router.get('/records/:objectTypeId/:recordId/memberships', (req, res) => {
    const { portal } = authOf(req);
    const lists = portal.lists.listsOf(param(req, 'objectTypeId'), param(req, 'recordId'));
    const recordId = param(req, 'recordId');
    res.json({
      results: lists.map((l) => {
        const m = l.members.get(recordId);
        return {
          listId: l.listId,
          listVersion: l.listVersion,
          isPublicList: false,
          ...(m && { firstAddedTimestamp: iso(m.firstAdded), lastAddedTimestamp: iso(m.lastAdded) }),
        };
      }),
      total: lists.length,
    });
  });

  router.put('/:listId/memberships/add', (req, res) => {
    const change = authOf(req).portal.changeListMembers(param(req, 'listId'), recordIds.parse(req.body), []);
    res.json(updateResponse(change));
  });

  router.put('/:listId/memberships/remove', (req, res) => {
    const change = authOf(req).portal.changeListMembers(param(req, 'listId'), [], recordIds.parse(req.body));
    res.json(updateResponse(change));
  });

  router.put('/:listId/memberships/add-and-remove', (req, res) => {
    const body = membershipChangeBody.parse(req.body);
    const change = authOf(req).portal.changeListMembers(
      param(req, 'listId'),
      body.recordIdsToAdd,
      body.recordIdsToRemove,
    );
    res.json(updateResponse(change));
  });

  router.delete('/:listId/memberships', (req, res) => {
    const { portal } = authOf(req);
    const list = portal.lists.requireEditable(param(req, 'listId'));
    portal.lists.change(list, [], [...list.members.keys()], () => true, portal.now());
    res.status(204).end();
  });

  const page =
    (order: 'recordId' | 'joined'): RequestHandler =>
    (req, res) => {
      const list = authOf(req).portal.lists.require(param(req, 'listId'));
      const limit = queryInt(req, 'limit', 100, { min: 1, max: 250 });
      const members = [...list.members.entries()].sort(([a, x], [b, y]) =>
        order === 'recordId' ? Number(a) - Number(b) : x.firstAdded - y.firstAdded || Number(a) - Number(b),
      );
      const from = cursor.decode(queryText(req, 'after'));
      const slice = members.slice(from, from + limit);
      res.json({
        results: slice.map(([recordId, m]) => ({ recordId, membershipTimestamp: iso(m.firstAdded) })),
        total: members.length,
        ...forwardPaging(req, from + limit < members.length ? cursor.encode(from + limit) : undefined),
      });
    };

  router.get('/:listId/memberships', page('recordId'));
  router.get('/:listId/memberships/join-order', page('joined'));

  return router;
}
