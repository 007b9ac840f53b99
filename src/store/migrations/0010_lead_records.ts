// HubSpot's Lead records: which contact each belongs to (a deleted record's webhook names only the record, and its
// associations are gone with it), and disqualifications Baton holds until the rep or an admin supplies what is
// missing (a reason, a note, a mapping).
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE TABLE related_records (
    tenant_id text NOT NULL,
    object_type text NOT NULL,
    record_id text NOT NULL,
    lead_id text NOT NULL,
    PRIMARY KEY (tenant_id, object_type, record_id)
  )`,
  `CREATE INDEX related_records_lead ON related_records (tenant_id, lead_id)`,
  `CREATE TABLE held_returns (
    tenant_id text NOT NULL,
    lead_id text NOT NULL,
    record_id text NOT NULL,
    reason_option text,
    why text NOT NULL,
    disqualified_at timestamptz NOT NULL,
    held_since timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, lead_id)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
