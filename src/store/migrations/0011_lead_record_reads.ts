// Which read of the CRM record a lead's state was last brought in line with: the record's own modification time,
// and when Baton asked for it. A read older than that one (a reconciliation page read before a webhook's fresher
// read was applied) must not undo what the fresher one decided.
import { sql, type Kysely } from 'kysely';

const statements = [
  `ALTER TABLE leads ADD COLUMN crm_modified_at timestamptz`,
  `ALTER TABLE leads ADD COLUMN crm_read_at timestamptz`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
