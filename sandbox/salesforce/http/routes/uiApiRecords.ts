// The UI API record resource, as lightning/uiRecordApi calls it from an LWC: the rep's own session, no
// assignment rules, and the change's origin is the UI (not an API client), so Baton sees the rep's edit as
// the rep's. UI API calls from Lightning do not count against the API allocation.
import { Router } from 'express';
import { canonicalId, keyPrefixOf } from '../../model/ids.ts';
import { RecordError } from '../../model/recordError.ts';
import { SalesforceError } from '../../salesforceErrors.ts';
import { UI_ORIGIN } from '../../state/changeOrigins.ts';
import { prepareFields, updateRecord } from '../../state/dml.ts';
import type { Org } from '../../state/org.ts';
import type { SObjectRecord } from '../../state/recordStore.ts';
import { uiRecordBody } from '../bodies.ts';
import { authOf } from '../requestContext.ts';
import { existingRecord, param } from './sobjectPaths.ts';
import { restRecord } from './restRecord.ts';

function uiRecord(org: Org, record: SObjectRecord, names?: string[]): Record<string, unknown> {
  const schema = org.schemas.object(record.type);
  const all = schema?.fields ?? [];
  const fields = names ? all.filter((f) => names.includes(f.name)) : all;
  const values = restRecord(record, fields, '');
  return {
    apiName: record.type,
    childRelationships: {},
    eTag: `${record.id}-${String(record.values.SystemModstamp)}`,
    fields: Object.fromEntries(fields.map((f) => [f.name, { displayValue: null, value: values[f.name] }])),
    id: record.id,
    lastModifiedById: record.values.LastModifiedById ?? null,
    lastModifiedDate: values.LastModifiedDate ?? null,
    recordTypeId: null,
    recordTypeInfo: null,
    systemModstamp: values.SystemModstamp ?? null,
    weakEtag: Number(record.values.SystemModstamp),
  };
}

/** UI API errors: one object with output.errors / output.fieldErrors (the LWC shows them). */
function uiError(e: RecordError): SalesforceError {
  const entry = {
    constituentField: null,
    duplicateRecordError: null,
    errorCode: e.statusCode,
    field: e.fields[0] ?? null,
    fieldLabel: null,
    message: e.message,
  };
  return new SalesforceError(400, {
    enhancedErrorType: 'RecordError',
    message: 'An error occurred while trying to update the record. Please try again.',
    errorCode: e.statusCode,
    output: {
      errors: e.fields.length === 0 ? [entry] : [],
      fieldErrors: Object.fromEntries(e.fields.map((f) => [f, [entry]])),
    },
  });
}

function recordOf(org: Org, rawId: string): SObjectRecord {
  const id = canonicalId(rawId);
  const schema = id ? org.schemas.byKeyPrefix(keyPrefixOf(id)) : undefined;
  if (!schema)
    throw new SalesforceError(404, [
      { errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' },
    ]);
  return existingRecord(org, schema, rawId);
}

export function uiApiRoutes(): Router {
  const router = Router();

  router.get('/records/:recordId', (req, res) => {
    const { org } = authOf(req);
    const record = recordOf(org, param(req, 'recordId'));
    const names =
      typeof req.query.fields === 'string'
        ? req.query.fields.split(',').map((f) => f.trim().split('.').pop() ?? f)
        : undefined;
    res.json(uiRecord(org, record, names));
  });

  router.patch('/records/:recordId', (req, res) => {
    const { org, token } = authOf(req);
    const record = recordOf(org, param(req, 'recordId'));
    const body = uiRecordBody.parse(req.body);
    const fields = prepareFields(org, record.type, body.fields);
    try {
      org.transact({ userId: token.userId, origin: UI_ORIGIN, autoAssign: { mode: 'none' } }, (ctx) =>
        updateRecord(ctx, record.type, record.id, fields),
      );
    } catch (err) {
      throw err instanceof RecordError ? uiError(err) : err;
    }
    res.json(uiRecord(org, record));
  });

  return router;
}
