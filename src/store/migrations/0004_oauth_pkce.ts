// PKCE verifiers between the redirect to the CRM's consent screen and the callback: kept here (never in the
// URL, where the code travels too), single use, short-lived.
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE TABLE oauth_pkce (
    nonce text PRIMARY KEY,
    verifier text NOT NULL,
    expires_at timestamptz NOT NULL
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
