// Ops console sessions, kept server-side so signing out (here or everywhere) and an idle timeout end them. The
// cookie holds a random id; only its SHA-256 is stored, so a read of this table cannot sign anyone in.
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE TABLE ops_sessions (
    id_hash text PRIMARY KEY,
    created_at timestamptz NOT NULL,
    last_used_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
