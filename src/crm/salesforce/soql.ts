// SOQL as Baton writes and reads it: ids, names and dates reach a query only through the literals below (quoted
// and escaped, never interpolated raw), and every answer is parsed with zod before anyone uses it.
import type { Connection } from 'jsforce';
import { z } from 'zod';
import type { SalesforceConnection } from './salesforceConnection.ts';

/** SOQL string literal (ids and names only ever reach SOQL through this). */
export const soqlString = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
export const soqlIn = (ids: readonly string[]) => `(${ids.map(soqlString).join(', ')})`;
export const soqlDate = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * How long a query may be once URL-encoded: Salesforce refuses URI plus headers over 16,384 bytes (help article
 * 000386264), and jsforce sends SOQL in the GET URL; the rest is left for the path and headers (the token).
 */
export const SOQL_URL_BUDGET = 10_000;
export const encodedLength = (soql: string): number => encodeURIComponent(soql).length;

/** jsforce's answer as plain JSON, for zod. */
export const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const queryResult = <T extends z.ZodType>(record: T) =>
  z.object({ totalSize: z.number(), done: z.boolean().optional(), records: z.array(record) });

/** A query's records, all pages fetched in one call. */
export function soqlQuery<T extends z.ZodType>(
  sf: SalesforceConnection,
  operation: string,
  soql: string,
  record: T,
  ids: readonly string[] = [],
) {
  return sf
    .call(operation, ids, async (c: Connection) =>
      c.query(soql, { autoFetch: true, maxFetch: 100_000 }).run(),
    )
    .then((r) => queryResult(record).parse(plain(r)));
}

/** A query's result pages as Salesforce sends them (2,000 records each), one call per page. */
export async function* soqlPages<T extends z.ZodType>(
  sf: SalesforceConnection,
  operation: string,
  soql: string,
  record: T,
) {
  const page = queryResult(record).extend({ nextRecordsUrl: z.string().optional() });
  let next = page.parse(
    plain(await sf.call(operation, [], async (c) => c.query(soql, { autoFetch: false }).run())),
  );
  yield next.records;
  while (!next.done && next.nextRecordsUrl) {
    const url = next.nextRecordsUrl;
    next = page.parse(plain(await sf.call(`${operation}.more`, [], async (c) => c.queryMore(url))));
    yield next.records;
  }
}
