// sObject Collections (/composite/sobjects): create, update and delete up to 200 records in one call (one API
// request, one transaction), each with its own SaveResult in input order; allOrNone rolls all back on any
// failure. More than 200 records fail the whole call with EXCEEDED_ID_LIMIT. POST /{Type} retrieves by ids.
import { Router } from 'express';
import { canonicalId, keyPrefixOf } from '../../model/ids.ts';
import { RecordError } from '../../model/recordError.ts';
import { restError } from '../../salesforceErrors.ts';
import {
  deleteRecord,
  insertRecord,
  prepareFields,
  updateRecord,
  type PreparedFields,
} from '../../state/dml.ts';
import type { Org } from '../../state/org.ts';
import { saveEach } from '../../state/saveEach.ts';
import { collectionBody, retrieveManyBody } from '../bodies.ts';
import { restActor } from '../callOptions.ts';
import { authOf, versionBase } from '../requestContext.ts';
import { schemaOf } from './sobjectPaths.ts';
import { restRecord, selectedFields } from './restRecord.ts';

export const COLLECTION_LIMIT = 200;

function checkSize(n: number): void {
  if (n > COLLECTION_LIMIT) {
    throw restError(
      400,
      'EXCEEDED_ID_LIMIT',
      'record limit reached. cannot submit more than 200 records into this call',
    );
  }
}

interface Item {
  type: string;
  rawId: string | undefined;
  fields: PreparedFields | RecordError;
}

/** Coerces every record first: a value of the wrong type fails the whole call (JSON_PARSER_ERROR). */
function prepare(
  org: Org,
  records: Array<Record<string, unknown> & { attributes: { type: string } }>,
): Item[] {
  return records.map(({ attributes, ...fields }) => {
    const schema = org.schemas.object(attributes.type);
    const rawId =
      typeof fields.id === 'string' ? fields.id : typeof fields.Id === 'string' ? fields.Id : undefined;
    if (!schema) {
      return {
        type: attributes.type,
        rawId,
        fields: new RecordError('INVALID_TYPE', `sObject type '${attributes.type}' is not supported.`),
      };
    }
    return { type: schema.name, rawId, fields: prepareFields(org, schema.name, fields) };
  });
}

const fieldsOf = (item: Item): PreparedFields => {
  if (item.fields instanceof RecordError) throw item.fields;
  return item.fields;
};

export function compositeSobjectsRoutes(): Router {
  const router = Router();

  router.post('/', (req, res) => {
    const { org } = authOf(req);
    const body = collectionBody.parse(req.body);
    checkSize(body.records.length);
    const items = prepare(org, body.records);
    const results = org.transact(restActor(req), (ctx) =>
      saveEach(
        ctx.tx,
        items,
        body.allOrNone ?? false,
        (item) => insertRecord(ctx, item.type, fieldsOf(item)).id,
      ),
    );
    res.json(results);
  });

  router.patch('/', (req, res) => {
    const { org } = authOf(req);
    const body = collectionBody.parse(req.body);
    checkSize(body.records.length);
    const items = prepare(org, body.records);
    const results = org.transact(restActor(req), (ctx) =>
      saveEach(
        ctx.tx,
        items,
        body.allOrNone ?? false,
        (item) => {
          if (item.rawId === undefined)
            throw new RecordError('MISSING_ARGUMENT', 'Id not specified in an update call');
          return updateRecord(ctx, item.type, item.rawId, fieldsOf(item)).id;
        },
        (item) => (item.rawId === undefined ? undefined : (canonicalId(item.rawId) ?? item.rawId)),
      ),
    );
    res.json(results);
  });

  router.delete('/', (req, res) => {
    const { org } = authOf(req);
    const ids = typeof req.query.ids === 'string' ? req.query.ids.split(',').filter(Boolean) : [];
    checkSize(ids.length);
    const allOrNone = String(req.query.allOrNone).toLowerCase() === 'true';
    const results = org.transact(restActor(req), (ctx) =>
      saveEach(
        ctx.tx,
        ids,
        allOrNone,
        (raw) => {
          const id = canonicalId(raw);
          const schema = id ? org.schemas.byKeyPrefix(keyPrefixOf(id)) : undefined;
          if (!schema) throw new RecordError('MALFORMED_ID', `malformed id ${raw}`);
          return deleteRecord(ctx, schema.name, raw).id;
        },
        (raw) => canonicalId(raw) ?? raw,
      ),
    );
    res.json(results);
  });

  router.post('/:type', (req, res) => {
    const { org } = authOf(req);
    const schema = schemaOf(org, req);
    const body = retrieveManyBody.parse(req.body);
    checkSize(body.ids.length);
    const fields = selectedFields(org, schema, body.fields);
    res.json(
      body.ids.map((raw) => {
        const id = canonicalId(raw);
        const record = id ? org.store.live(schema.name, id) : undefined;
        return record ? restRecord(record, fields, versionBase(req)) : null;
      }),
    );
  });

  return router;
}
