// Batch endpoints (/crm/v3/objects/{objectType}/batch/*): at most 100 inputs; invalid values fail the
// whole batch (400), ids that do not exist are reported in a 207 with OBJECT_NOT_FOUND and the rest done.
import { Router } from 'express';
import { validationError } from '../../hubspotErrors.ts';
import type { CrmRecord } from '../../model/crmRecord.ts';
import {
  batchArchiveBody,
  batchCreateBody,
  batchReadBody,
  batchUpdateBody,
  batchUpsertBody,
} from '../bodies.ts';
import { queryBool } from '../query.ts';
import { authOf } from '../requestContext.ts';
import {
  apiWrite,
  associationInput,
  batchEnvelope,
  checkBatchSize,
  notFoundError,
  objectTypeOf,
  publicRecord,
  selection,
} from './objectHelpers.ts';

export function objectsBatchRoutes(): Router {
  const router = Router();

  router.post('/:objectType/batch/read', (req, res) => {
    const { portal } = authOf(req);
    const startedAt = portal.now();
    const type = objectTypeOf(req);
    const body = batchReadBody.parse(req.body);
    checkBatchSize(body.inputs.length);
    const archived = queryBool(req, 'archived');
    const found: CrmRecord[] = [];
    const missing: string[] = [];
    for (const { id } of body.inputs) {
      const r = portal.findBy(type, body.idProperty, id, archived);
      if (r) found.push(r);
      else missing.push(id);
    }
    const sel = selection(portal, type, body.properties, body.propertiesWithHistory);
    const results = found.map((r) => publicRecord(portal, r, sel));
    res
      .status(missing.length > 0 ? 207 : 200)
      .json(
        batchEnvelope(
          startedAt,
          portal.now(),
          results,
          missing.length > 0 ? [notFoundError(type, missing)] : [],
        ),
      );
  });

  router.post('/:objectType/batch/create', (req, res) => {
    const { portal } = authOf(req);
    const startedAt = portal.now();
    const type = objectTypeOf(req);
    const body = batchCreateBody.parse(req.body);
    checkBatchSize(body.inputs.length);
    const records = portal.createRecords(
      type,
      body.inputs.map((input) => ({
        properties: input.properties,
        associations: input.associations.flatMap((a) =>
          a.types.map((t) => associationInput(type, a.to.id, t)),
        ),
      })),
      apiWrite(req),
    );
    const results = records.map((r, i) =>
      publicRecord(portal, r, selection(portal, type, Object.keys(body.inputs[i]?.properties ?? {}))),
    );
    res.status(201).json(batchEnvelope(startedAt, portal.now(), results));
  });

  router.post('/:objectType/batch/update', (req, res) => {
    const { portal } = authOf(req);
    const startedAt = portal.now();
    const type = objectTypeOf(req);
    const body = batchUpdateBody.parse(req.body);
    checkBatchSize(body.inputs.length);
    const ids = body.inputs.map((i) => i.id);
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (duplicates.length > 0)
      throw validationError(
        `Duplicate IDs found in batch input: [${[...new Set(duplicates)].join(', ')}]. IDs must be unique`,
      );
    const missing: string[] = [];
    const updates: Array<{ record: CrmRecord; properties: (typeof body.inputs)[number]['properties'] }> = [];
    for (const input of body.inputs) {
      const record = portal.findBy(type, input.idProperty, input.id);
      if (record) updates.push({ record, properties: input.properties });
      else missing.push(input.id);
    }
    const updated = portal.updateRecords(updates, apiWrite(req));
    const results = updated.map((r, i) =>
      publicRecord(portal, r, selection(portal, type, Object.keys(updates[i]?.properties ?? {}))),
    );
    res
      .status(missing.length > 0 ? 207 : 200)
      .json(
        batchEnvelope(
          startedAt,
          portal.now(),
          results,
          missing.length > 0 ? [notFoundError(type, missing)] : [],
        ),
      );
  });

  router.post('/:objectType/batch/upsert', (req, res) => {
    const { portal } = authOf(req);
    const startedAt = portal.now();
    const type = objectTypeOf(req);
    const body = batchUpsertBody.parse(req.body);
    checkBatchSize(body.inputs.length);
    const existing = body.inputs.map((i) => portal.findBy(type, i.idProperty, i.id));
    const write = apiWrite(req);
    const updated = portal.updateRecords(
      body.inputs.flatMap((input, i) => {
        const record = existing[i];
        return record ? [{ record, properties: input.properties }] : [];
      }),
      write,
    );
    const created = portal.createRecords(
      type,
      body.inputs
        .filter((_, i) => !existing[i])
        .map((input) => ({ properties: { ...input.properties, [input.idProperty]: input.id } })),
      write,
    );
    const results = [
      ...updated.map((r) => ({ ...publicRecord(portal, r, selection(portal, type, [])), new: false })),
      ...created.map((r) => ({ ...publicRecord(portal, r, selection(portal, type, [])), new: true })),
    ];
    res.json(batchEnvelope(startedAt, portal.now(), results));
  });

  router.post('/:objectType/batch/archive', (req, res) => {
    const { portal, app } = authOf(req);
    const type = objectTypeOf(req);
    const body = batchArchiveBody.parse(req.body);
    checkBatchSize(body.inputs.length);
    for (const { id } of body.inputs)
      portal.archiveRecord(type, id, { changeSource: 'INTEGRATION', sourceId: String(app.appId) });
    res.status(204).end();
  });

  return router;
}
