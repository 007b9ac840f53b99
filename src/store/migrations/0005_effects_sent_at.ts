// When an effect that creates a record (a CRM task) was last sent. A create whose answer never came back (the
// worker died, the call timed out) may or may not exist in the CRM; with this mark, the next try looks first.
import { sql, type Kysely } from 'kysely';

const statements = [`ALTER TABLE effects ADD COLUMN sent_at timestamptz`];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
