// Associations v4 (/crm/v4/...): list a record's associations, associate with the default type or with
// given types, remove, and the batch forms; and the date-versioned batch read that succeeds v4 (v4 is unsupported
// from 2027-03-30, so the sandbox serves both). Associating an activity with a contact moves the contact's
// activity roll-ups, as HubSpot recalculates them. Record ids are strings in every answer, as the specs type them
// (PublicApiSpecs/CRM/Associations/Rollouts/130902/v4/associations.json and .../2026-03/associations.json:
// MultiAssociatedObjectWithLabel.toObjectId, LabelsBetweenObjectPair.fromObjectId/toObjectId).
import { Router, type Request, type Response } from 'express';
import { notFound, validationError } from '../../hubspotErrors.ts';
import {
  defaultAssociationTypeId,
  OBJECT_TYPE_INFO,
  resolveObjectType,
  type ObjectTypeName,
} from '../../model/objectTypes.ts';
import type { Portal } from '../../state/portal.ts';
import {
  associationBatchArchiveBody,
  associationBatchCreateBody,
  associationBatchDefaultBody,
  associationBatchReadBody,
  associationSpec,
} from '../bodies.ts';
import { forwardPaging, param, queryInt, queryText } from '../query.ts';
import { authOf } from '../requestContext.ts';
import { batchEnvelope } from './objectHelpers.ts';
import { z } from 'zod';

function typeParam(req: Request, name: string): ObjectTypeName {
  const raw = param(req, name);
  const t = resolveObjectType(raw);
  if (!t) throw validationError(`Unable to infer object type from: ${raw}`);
  return t;
}

function requireRecord(portal: Portal, type: ObjectTypeName, id: string): void {
  if (!portal.find(type, id))
    throw notFound(`${OBJECT_TYPE_INFO[type].upper} ${id} does not exist`, { id: [id] });
}

function defaultType(from: ObjectTypeName, to: ObjectTypeName): number {
  const id = defaultAssociationTypeId(from, to);
  if (id === undefined)
    throw validationError(
      `No default association between ${OBJECT_TYPE_INFO[from].singular} and ${OBJECT_TYPE_INFO[to].singular}.`,
    );
  return id;
}

// The specs type `label` as an optional string; HubSpot's associations guide shows `"label": null` for an
// unlabeled type, which every type the sandbox creates is.
const associated = (portal: Portal, from: ObjectTypeName, id: string, to: ObjectTypeName) =>
  portal.associations.of(from, id, to).map((a) => ({
    toObjectId: a.toId,
    associationTypes: a.types.map((t) => ({ category: t.category, typeId: t.typeId, label: null })),
  }));

/**
 * How many associations of one record a batch read answers at once. The specs publish no page size; 500 is the
 * documented default `limit` of the read of one record's associations.
 */
export const BATCH_READ_PAGE = 500;

/**
 * POST …/{fromObjectType}/{toObjectType}/batch/read, v4 and 2026-03 alike: inputs [{ id, after? }]; per record
 * `paging.next.after` only when it has more associations, to be sent back with its id for the next page. A record
 * that does not exist is a 207 error (StandardError: status, category, message, context, errors, links).
 */
function batchRead(req: Request, res: Response): void {
  const { portal } = authOf(req);
  const [from, to] = [typeParam(req, 'fromObjectType'), typeParam(req, 'toObjectType')];
  const body = associationBatchReadBody.parse(req.body);
  const at = portal.now();
  const missing = body.inputs.filter((i) => !portal.find(from, i.id)).map((i) => i.id);
  const results = body.inputs
    .filter((i) => portal.find(from, i.id))
    .map((i) => {
      if (i.after !== undefined && !/^\d+$/.test(i.after))
        throw validationError(`Invalid paging cursor "${i.after}" for id ${i.id}.`);
      // The cursor is the last id answered: the next page starts after it, whatever changed in between.
      const after = i.after === undefined ? -1 : Number(i.after);
      const rest = associated(portal, from, i.id, to).filter((a) => Number(a.toObjectId) > after);
      const page = rest.slice(0, BATCH_READ_PAGE);
      const last = page.at(-1);
      return {
        from: { id: i.id },
        to: page,
        ...(rest.length > page.length && last && { paging: { next: { after: last.toObjectId } } }),
      };
    });
  const errors =
    missing.length > 0
      ? [
          {
            status: 'error',
            category: 'OBJECT_NOT_FOUND',
            message: `No ${OBJECT_TYPE_INFO[from].singular} with id(s) ${missing.join(', ')}`,
            context: { fromObjectId: missing },
            errors: [],
            links: {},
          },
        ]
      : [];
  res.status(errors.length > 0 ? 207 : 200).json(batchEnvelope(at, portal.now(), results, errors));
}

/** The date-versioned associations API (/crm/associations/2026-03/...): the batch read Baton uses. */
export function datedAssociationsRoutes(): Router {
  const router = Router();
  router.post('/:fromObjectType/:toObjectType/batch/read', batchRead);
  return router;
}

export function associationsRoutes(): Router {
  const router = Router();

  router.get('/objects/:objectType/:objectId/associations/:toObjectType', (req, res) => {
    const { portal } = authOf(req);
    const from = typeParam(req, 'objectType');
    const limit = queryInt(req, 'limit', 500, { min: 1, max: 500 });
    const after = Number(queryText(req, 'after') ?? '0') || 0;
    const all = associated(portal, from, param(req, 'objectId'), typeParam(req, 'toObjectType'));
    res.json({
      results: all.slice(after, after + limit),
      ...forwardPaging(req, after + limit < all.length ? String(after + limit) : undefined),
    });
  });

  router.put(
    '/objects/:fromObjectType/:fromObjectId/associations/default/:toObjectType/:toObjectId',
    (req, res) => {
      const { portal } = authOf(req);
      const [from, to] = [typeParam(req, 'fromObjectType'), typeParam(req, 'toObjectType')];
      const [fromId, toId] = [param(req, 'fromObjectId'), param(req, 'toObjectId')];
      requireRecord(portal, from, fromId);
      requireRecord(portal, to, toId);
      const typeId = defaultType(from, to);
      const at = portal.now();
      portal.associate(from, fromId, to, toId, { category: 'HUBSPOT_DEFINED', typeId });
      res.json(
        batchEnvelope(at, portal.now(), [
          {
            from: { id: fromId },
            to: { id: toId },
            associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId },
          },
        ]),
      );
    },
  );

  router.put('/objects/:objectType/:objectId/associations/:toObjectType/:toObjectId', (req, res) => {
    const { portal } = authOf(req);
    const [from, to] = [typeParam(req, 'objectType'), typeParam(req, 'toObjectType')];
    const [fromId, toId] = [param(req, 'objectId'), param(req, 'toObjectId')];
    const specs = z.array(associationSpec).min(1).parse(req.body);
    requireRecord(portal, from, fromId);
    requireRecord(portal, to, toId);
    for (const s of specs) {
      const type = { category: s.associationCategory, typeId: s.associationTypeId };
      portal.checkAssociation(from, { toType: to, toId, type });
      portal.associate(from, fromId, to, toId, type);
    }
    res.status(201).json({
      fromObjectTypeId: OBJECT_TYPE_INFO[from].objectTypeId,
      fromObjectId: fromId,
      toObjectTypeId: OBJECT_TYPE_INFO[to].objectTypeId,
      toObjectId: toId,
      labels: [],
    });
  });

  router.delete('/objects/:objectType/:objectId/associations/:toObjectType/:toObjectId', (req, res) => {
    authOf(req).portal.unassociate(
      typeParam(req, 'objectType'),
      param(req, 'objectId'),
      typeParam(req, 'toObjectType'),
      param(req, 'toObjectId'),
    );
    res.status(204).end();
  });

  router.post('/associations/:fromObjectType/:toObjectType/batch/read', batchRead);

  router.post('/associations/:fromObjectType/:toObjectType/batch/associate/default', (req, res) => {
    const { portal } = authOf(req);
    const [from, to] = [typeParam(req, 'fromObjectType'), typeParam(req, 'toObjectType')];
    const body = associationBatchDefaultBody.parse(req.body);
    const typeId = defaultType(from, to);
    const at = portal.now();
    for (const i of body.inputs) {
      requireRecord(portal, from, i.from.id);
      requireRecord(portal, to, i.to.id);
    }
    const results = body.inputs.map((i) => {
      portal.associate(from, i.from.id, to, i.to.id, { category: 'HUBSPOT_DEFINED', typeId });
      return {
        from: i.from,
        to: i.to,
        associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId },
      };
    });
    res.json(batchEnvelope(at, portal.now(), results));
  });

  router.post('/associations/:fromObjectType/:toObjectType/batch/create', (req, res) => {
    const { portal } = authOf(req);
    const [from, to] = [typeParam(req, 'fromObjectType'), typeParam(req, 'toObjectType')];
    const body = associationBatchCreateBody.parse(req.body);
    const at = portal.now();
    for (const i of body.inputs) {
      requireRecord(portal, from, i.from.id);
      for (const t of i.types)
        portal.checkAssociation(from, {
          toType: to,
          toId: i.to.id,
          type: { category: t.associationCategory, typeId: t.associationTypeId },
        });
    }
    const results = body.inputs.map((i) => {
      for (const t of i.types)
        portal.associate(from, i.from.id, to, i.to.id, {
          category: t.associationCategory,
          typeId: t.associationTypeId,
        });
      return {
        fromObjectTypeId: OBJECT_TYPE_INFO[from].objectTypeId,
        fromObjectId: i.from.id,
        toObjectTypeId: OBJECT_TYPE_INFO[to].objectTypeId,
        toObjectId: i.to.id,
        labels: [],
      };
    });
    res.status(201).json(batchEnvelope(at, portal.now(), results));
  });

  router.post('/associations/:fromObjectType/:toObjectType/batch/archive', (req, res) => {
    const { portal } = authOf(req);
    const [from, to] = [typeParam(req, 'fromObjectType'), typeParam(req, 'toObjectType')];
    const body = associationBatchArchiveBody.parse(req.body);
    for (const i of body.inputs) for (const t of i.to) portal.unassociate(from, i.from.id, to, t.id);
    res.status(204).end();
  });

  return router;
}
