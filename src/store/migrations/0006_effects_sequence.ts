// seq: the exact order effects were decided in. created_at is one value per transaction (and loses its
// microseconds as a JS Date), so it can neither order a transaction's effects nor serve as a page cursor. The
// flush reads the outbox by seq and pages on it: the next page is read while the previous one is at the CRM.
import { sql, type Kysely } from 'kysely';

const statements = [
  `ALTER TABLE effects ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY`,
  `CREATE INDEX effects_pending_seq ON effects (tenant_id, seq) WHERE status = 'pending'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
