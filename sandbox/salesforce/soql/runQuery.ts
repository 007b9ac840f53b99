// Runs a query against an org and answers as /query does: {totalSize, done, records[, nextRecordsUrl]}, each
// record with attributes {type, url}; the first batch now, the rest through the cursor.
import type { FieldSpec } from '../model/fieldSpec.ts';
import { restValue } from '../model/fieldValues.ts';
import type { SchemaRegistry } from '../model/objectSchema.ts';
import type { QueryLocators } from '../state/queryLocators.ts';
import type { RecordStore, Values } from '../state/recordStore.ts';
import type { OrderItem } from './ast.ts';
import { comparable, compileCondition, resolveField, type FilterScope } from './filters.ts';
import { parseSoql } from './parser.ts';
import { soqlError } from './soqlError.ts';

export interface QueryableOrg {
  schemas: SchemaRegistry;
  store: RecordStore;
  timeZone: string;
  locators: QueryLocators;
}

export interface QueryResponse {
  totalSize: number;
  done: boolean;
  records: Record<string, unknown>[];
  nextRecordsUrl?: string;
}

export interface QueryOptions {
  now: number;
  /** queryAll: include deleted rows. */
  includeDeleted: boolean;
  /** The version root for attribute and locator URLs, e.g. /services/data/v62.0. */
  versionBase: string;
  batchSize: number;
}

function sorter(fields: { spec: FieldSpec; item: OrderItem }[]): (a: Values, b: Values) => number {
  return (a, b) => {
    for (const { spec, item } of fields) {
      const x = comparable(spec, a[spec.name] ?? null);
      const y = comparable(spec, b[spec.name] ?? null);
      if (x === y) continue;
      if (x === null) return item.nullsLast ? 1 : -1;
      if (y === null) return item.nullsLast ? -1 : 1;
      const order = x < y ? -1 : 1;
      return item.descending ? -order : order;
    }
    return 0;
  };
}

/** Matching rows, sorted and cut by OFFSET/LIMIT, with the fields to return. */
export function selectRows(org: QueryableOrg, soql: string, now: number, includeDeleted: boolean) {
  const query = parseSoql(soql);
  const schema = org.schemas.object(query.from.name);
  if (!schema) {
    throw soqlError(
      'INVALID_TYPE',
      soql,
      query.from.pos,
      `sObject type '${query.from.name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
    );
  }
  const scope: FilterScope = { soql, object: schema.name, schemas: org.schemas, now, timeZone: org.timeZone };
  const selected =
    query.select.kind === 'fields' ? query.select.fields.map((f) => resolveField(scope, f)) : [];
  const where = query.where ? compileCondition(scope, query.where) : () => true;
  const order = query.orderBy.map((item) => ({ spec: resolveField(scope, item.field), item }));
  let rows = org.store
    .all(schema.name, { includeDeleted })
    .map((r) => r.values)
    .filter(where);
  if (order.length > 0) rows.sort(sorter(order));
  rows = rows.slice(
    query.offset ?? 0,
    query.limit === undefined ? undefined : (query.offset ?? 0) + query.limit,
  );
  return {
    schema,
    count: query.select.kind === 'count',
    rows,
    fields: [...new Map(selected.map((f) => [f.name, f])).values()],
  };
}

export function runQuery(org: QueryableOrg, soql: string, opts: QueryOptions): QueryResponse {
  const { schema, count, rows, fields } = selectRows(org, soql, opts.now, opts.includeDeleted);
  if (count) return { totalSize: rows.length, done: true, records: [] };
  const records = rows.map((row) => {
    const out: Record<string, unknown> = {
      attributes: { type: schema.name, url: `${opts.versionBase}/sobjects/${schema.name}/${String(row.Id)}` },
    };
    for (const f of fields) out[f.name] = restValue(f, row[f.name] ?? null);
    return out;
  });
  if (records.length <= opts.batchSize) return { totalSize: records.length, done: true, records };
  const cursor = org.locators.open(records, opts.batchSize, opts.now);
  return {
    totalSize: records.length,
    done: false,
    records: records.slice(0, opts.batchSize),
    nextRecordsUrl: `${opts.versionBase}/query/${cursor.id}-${opts.batchSize}`,
  };
}

/** The next page of an open cursor, or undefined when the locator is unknown or used up. */
export function queryMore(
  org: QueryableOrg,
  locator: string,
  versionBase: string,
): QueryResponse | undefined {
  const at = org.locators.resolve(locator);
  if (!at) return undefined;
  const { cursor, offset } = at;
  const end = offset + cursor.batchSize;
  const done = end >= cursor.rows.length;
  return {
    totalSize: cursor.rows.length,
    done,
    records: cursor.rows.slice(offset, end),
    ...(!done && { nextRecordsUrl: `${versionBase}/query/${cursor.id}-${end}` }),
  };
}
