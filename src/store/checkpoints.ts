// Per-tenant progress markers (backfill position, last poll, replay ids), validated on read.
import type { z } from 'zod';
import type { Executor } from './executor.ts';

export async function readCheckpoint<T extends z.ZodType>(
  db: Executor,
  tenantId: string,
  name: string,
  schema: T,
): Promise<z.output<T> | null> {
  const row = await db
    .selectFrom('checkpoints')
    .select('value')
    .where('tenant_id', '=', tenantId)
    .where('name', '=', name)
    .executeTakeFirst();
  return row ? schema.parse(row.value) : null;
}

export async function writeCheckpoint(
  db: Executor,
  tenantId: string,
  name: string,
  value: unknown,
): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('checkpoints')
    .values({ tenant_id: tenantId, name, value: json })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'name']).doUpdateSet({ value: json, updated_at: new Date() }),
    )
    .execute();
}

export async function deleteCheckpoint(db: Executor, tenantId: string, name: string): Promise<void> {
  await db.deleteFrom('checkpoints').where('tenant_id', '=', tenantId).where('name', '=', name).execute();
}
