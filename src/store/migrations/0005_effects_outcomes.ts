// sent_at: when an effect that creates a record (a CRM task) was last sent. A create whose answer never came back
// (the worker died, the call timed out) may or may not exist in the CRM; with this mark, the next try looks first.
// left_alone: why an applied effect needed no call (a lead converted in Salesforce is frozen), for ops and counts.
import { sql, type Kysely } from 'kysely';

const statements = [
  `ALTER TABLE effects ADD COLUMN sent_at timestamptz`,
  `ALTER TABLE effects ADD COLUMN left_alone text`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
