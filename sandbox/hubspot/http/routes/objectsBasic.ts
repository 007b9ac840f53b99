// Basic CRM object endpoints (/crm/v3/objects/{objectType}): page through, read, create, update, archive.
import { Router } from 'express';
import { notFound } from '../../hubspotErrors.ts';
import { createObjectBody, updateObjectBody } from '../bodies.ts';
import { forwardPaging, param, queryBool, queryInt, queryList, queryText } from '../query.ts';
import { authOf } from '../requestContext.ts';
import { apiWrite, associationInput, objectTypeOf, publicRecord, selection } from './objectHelpers.ts';

const cursor = {
  encode: (id: string): string => Buffer.from(id).toString('base64url'),
  decode: (after: string): number => Number(Buffer.from(after, 'base64url').toString()) || 0,
};

export function objectsBasicRoutes(): Router {
  const router = Router();

  router.get('/:objectType', (req, res) => {
    const { portal } = authOf(req);
    const type = objectTypeOf(req);
    const limit = queryInt(req, 'limit', 10, { min: 1, max: 100 });
    const archived = queryBool(req, 'archived');
    const after = queryText(req, 'after');
    const from = after ? cursor.decode(after) : 0;
    const all = [...portal.records(type).values()]
      .filter((r) => r.archived === archived && r.mergedInto === undefined && Number(r.id) > from)
      .sort((a, b) => Number(a.id) - Number(b.id));
    const page = all.slice(0, limit);
    const last = page.at(-1);
    const sel = selection(
      portal,
      type,
      queryList(req, 'properties'),
      queryList(req, 'propertiesWithHistory'),
    );
    res.json({
      results: page.map((r) => publicRecord(portal, r, sel, queryList(req, 'associations'))),
      ...forwardPaging(req, all.length > limit && last ? cursor.encode(last.id) : undefined),
    });
  });

  router.get('/:objectType/:id', (req, res) => {
    const { portal } = authOf(req);
    const type = objectTypeOf(req);
    const id = param(req, 'id');
    const record = portal.findBy(type, queryText(req, 'idProperty'), id, queryBool(req, 'archived'));
    if (!record) throw notFound('resource not found', { id: [id] });
    const sel = selection(
      portal,
      type,
      queryList(req, 'properties'),
      queryList(req, 'propertiesWithHistory'),
    );
    res.json(publicRecord(portal, record, sel, queryList(req, 'associations')));
  });

  router.post('/:objectType', (req, res) => {
    const { portal } = authOf(req);
    const type = objectTypeOf(req);
    const body = createObjectBody.parse(req.body);
    const record = portal.createRecord(
      type,
      {
        properties: body.properties,
        associations: body.associations.flatMap((a) =>
          a.types.map((t) => associationInput(type, a.to.id, t)),
        ),
      },
      apiWrite(req),
    );
    res.status(201).json(publicRecord(portal, record, selection(portal, type, Object.keys(body.properties))));
  });

  router.patch('/:objectType/:id', (req, res) => {
    const { portal } = authOf(req);
    const type = objectTypeOf(req);
    const body = updateObjectBody.parse(req.body);
    const id = param(req, 'id');
    const found = portal.findBy(type, queryText(req, 'idProperty'), id);
    if (!found) throw notFound('resource not found', { id: [id] });
    const record = portal.updateRecord(type, found.id, body.properties, apiWrite(req));
    res.json(publicRecord(portal, record, selection(portal, type, Object.keys(body.properties))));
  });

  router.delete('/:objectType/:id', (req, res) => {
    const { portal, app } = authOf(req);
    portal.archiveRecord(objectTypeOf(req), param(req, 'id'), {
      changeSource: 'INTEGRATION',
      sourceId: String(app.appId),
    });
    res.status(204).end();
  });

  return router;
}
