// OAuth: a refresh lease per tenant (one process refreshes at a time) and used install states (no replay).
import { sql, type Kysely } from 'kysely';

const statements = [
  `ALTER TABLE credentials ADD COLUMN refresh_lease_until timestamptz`,
  `CREATE TABLE oauth_states (
    nonce text PRIMARY KEY,
    used_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
  )`,
  `CREATE INDEX oauth_states_expiry ON oauth_states (expires_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
