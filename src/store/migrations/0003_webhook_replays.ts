// Signed requests already seen (by signature hash) until their 5-minute window closes: a replay is refused.
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE TABLE seen_requests (
    signature_hash text PRIMARY KEY,
    expires_at timestamptz NOT NULL
  )`,
  `CREATE INDEX seen_requests_expiry ON seen_requests (expires_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
