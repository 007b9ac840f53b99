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

/** True when there was one to delete. */
export async function deleteCheckpoint(db: Executor, tenantId: string, name: string): Promise<boolean> {
  const result = await db
    .deleteFrom('checkpoints')
    .where('tenant_id', '=', tenantId)
    .where('name', '=', name)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Every checkpoint of a tenant whose name starts with `prefix`, validated; rows that do not parse are left out. */
export async function readCheckpointsNamed<T extends z.ZodType>(
  db: Executor,
  tenantId: string,
  prefix: string,
  schema: T,
): Promise<Array<{ name: string; value: z.output<T> }>> {
  const rows = await db
    .selectFrom('checkpoints')
    .select(['name', 'value'])
    .where('tenant_id', '=', tenantId)
    .where('name', 'like', `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
    .orderBy('name')
    .execute();
  return rows.flatMap((r) => {
    const parsed = schema.safeParse(r.value);
    return parsed.success ? [{ name: r.name, value: parsed.data as z.output<T> }] : [];
  });
}
