// A record as the REST API returns it: attributes {type, url}, then its fields in REST form (datetimes as
// 2026-10-01T09:00:00.000+0000), all of them or the ones asked for.
import type { FieldSpec } from '../../model/fieldSpec.ts';
import { restValue } from '../../model/fieldValues.ts';
import type { SObjectSchema } from '../../model/objectSchema.ts';
import { restError } from '../../salesforceErrors.ts';
import type { Org } from '../../state/org.ts';
import type { SObjectRecord } from '../../state/recordStore.ts';

export function selectedFields(
  org: Org,
  schema: SObjectSchema,
  names: string[] | undefined,
): readonly FieldSpec[] {
  if (names === undefined || names.length === 0) return schema.fields;
  return names.map((n) => {
    const f = org.schemas.field(schema.name, n);
    if (!f) {
      throw restError(
        400,
        'INVALID_FIELD',
        `No such column '${n}' on entity '${schema.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
      );
    }
    return f;
  });
}

export function restRecord(
  record: SObjectRecord,
  fields: readonly FieldSpec[],
  versionBase: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    attributes: { type: record.type, url: `${versionBase}/sobjects/${record.type}/${record.id}` },
  };
  for (const f of fields) out[f.name] = restValue(f, record.values[f.name] ?? null);
  return out;
}
