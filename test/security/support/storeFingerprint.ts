// What the store holds, table by table (row count and a digest of the rows): a refused request must leave it
// exactly as it was — no row added, none changed, none removed.
import { sql, type Kysely } from 'kysely';
import type { Tables } from '../../../src/store/tables.ts';

export const WATCHED_TABLES = [
  'tenants',
  'credentials',
  'oauth_states',
  'leads',
  'ledger',
  'inbox',
  'effects',
  'checkpoints',
  'seen_requests',
  'sync_log',
] as const satisfies ReadonlyArray<keyof Tables>;

export type Fingerprint = Record<(typeof WATCHED_TABLES)[number], string>;

export async function fingerprint(db: Kysely<Tables>): Promise<Fingerprint> {
  const columns = WATCHED_TABLES.map((t) =>
    sql<string>`(select count(*) || ':' || coalesce(md5(string_agg(x::text, '|' order by x::text)), '') from ${sql.table(t)} x)`.as(
      t,
    ),
  );
  const row = await db.selectNoFrom(columns).executeTakeFirstOrThrow();
  return row as Fingerprint;
}

/** Row counts only (for messages). */
export const countsOf = (f: Fingerprint) =>
  Object.fromEntries(Object.entries(f).map(([t, v]) => [t, Number(v.split(':')[0])]));
