// sObject resources: describeGlobal, describe, single-record create/read/update/delete. Writes run the same
// pipeline as everything else, as the caller, with Sforce-Call-Options and Sforce-Auto-Assign honoured.
import { Router } from 'express';
import { describeGlobalEntry, describeSObject } from '../../model/describe.ts';
import { deleteRecord, insertRecord, prepareFields, updateRecord } from '../../state/dml.ts';
import { sobjectBody } from '../bodies.ts';
import { restActor } from '../callOptions.ts';
import { authOf, versionBase } from '../requestContext.ts';
import { existingRecord, param, schemaOf } from './sobjectPaths.ts';
import { restRecord, selectedFields } from './restRecord.ts';

export function sobjectsRoutes(): Router {
  const router = Router();

  router.get('/', (req, res) => {
    const { org } = authOf(req);
    res.json({
      encoding: 'UTF-8',
      maxBatchSize: 200,
      sobjects: org.schemas.all().map((s) => describeGlobalEntry(s, versionBase(req))),
    });
  });

  router.get('/:type', (req, res) => {
    const schema = schemaOf(authOf(req).org, req);
    res.json({ objectDescribe: describeGlobalEntry(schema, versionBase(req)), recentItems: [] });
  });

  router.get('/:type/describe', (req, res) => {
    res.json(describeSObject(schemaOf(authOf(req).org, req), versionBase(req)));
  });

  router.post('/:type', (req, res) => {
    const { org } = authOf(req);
    const schema = schemaOf(org, req);
    const fields = prepareFields(org, schema.name, sobjectBody.parse(req.body));
    const record = org.transact(restActor(req), (ctx) => insertRecord(ctx, schema.name, fields));
    res.status(201).json({ id: record.id, success: true, errors: [] });
  });

  router.get('/:type/:id', (req, res) => {
    const { org } = authOf(req);
    const schema = schemaOf(org, req);
    const record = existingRecord(org, schema, param(req, 'id'));
    const names =
      typeof req.query.fields === 'string' ? req.query.fields.split(',').map((s) => s.trim()) : undefined;
    res.json(restRecord(record, selectedFields(org, schema, names), versionBase(req)));
  });

  router.patch('/:type/:id', (req, res) => {
    const { org } = authOf(req);
    const schema = schemaOf(org, req);
    const record = existingRecord(org, schema, param(req, 'id'));
    const fields = prepareFields(org, schema.name, sobjectBody.parse(req.body));
    org.transact(restActor(req), (ctx) => updateRecord(ctx, schema.name, record.id, fields));
    res.status(204).end();
  });

  router.delete('/:type/:id', (req, res) => {
    const { org } = authOf(req);
    const schema = schemaOf(org, req);
    const record = existingRecord(org, schema, param(req, 'id'));
    org.transact(restActor(req), (ctx) => deleteRecord(ctx, schema.name, record.id));
    res.status(204).end();
  });

  return router;
}
