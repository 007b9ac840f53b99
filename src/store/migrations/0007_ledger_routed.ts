// Round robin continues after the rep Baton's routing handed the last lead to: a partial index finds that row
// without scanning a tenant's ledger past the assignments its CRM made itself.
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE INDEX ledger_routed ON ledger (tenant_id, at DESC, id DESC)
     WHERE actor_kind = 'system' AND cause IN ('assigned', 'reassigned') AND owner_id IS NOT NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
