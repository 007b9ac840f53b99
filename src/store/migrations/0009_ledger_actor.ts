// Who acted, as an owner: a return names the user who clicked (HubSpot signs a user id), and analytics compare
// them with the lead's owner (an owner id). HubSpot keeps the two ids apart, so the actor's owner id is kept too.
import { sql, type Kysely } from 'kysely';

const statements = [`ALTER TABLE ledger ADD COLUMN actor_owner_id TEXT`];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
