// Resolving /sobjects/{Type}/{id} the way Salesforce answers: an unknown type or id is 404 NOT_FOUND, a
// deleted record 404 ENTITY_IS_DELETED, something that is no id at all is read as an external id that
// does not exist.
import type { Request } from 'express';
import { canonicalId, keyPrefixOf } from '../../model/ids.ts';
import type { SObjectSchema } from '../../model/objectSchema.ts';
import { notFound, restError } from '../../salesforceErrors.ts';
import type { Org } from '../../state/org.ts';
import type { SObjectRecord } from '../../state/recordStore.ts';

export function param(req: Request, name: string): string {
  const v = (req.params as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(v) ? v.join('/') : (v ?? '');
}

export function schemaOf(org: Org, req: Request): SObjectSchema {
  const schema = org.schemas.object(param(req, 'type'));
  if (!schema) throw notFound();
  return schema;
}

export function existingRecord(org: Org, schema: SObjectSchema, rawId: string): SObjectRecord {
  const id = canonicalId(rawId);
  if (!id) {
    throw restError(
      404,
      'NOT_FOUND',
      `Provided external ID field does not exist or is not accessible: ${rawId}`,
    );
  }
  const record = keyPrefixOf(id) === schema.keyPrefix ? org.store.get(schema.name, id) : undefined;
  if (!record) throw notFound();
  if (record.values.IsDeleted === true) throw restError(404, 'ENTITY_IS_DELETED', 'entity is deleted');
  return record;
}
