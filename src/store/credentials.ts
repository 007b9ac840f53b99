// Tenant credentials (OAuth tokens), encrypted at rest. Decrypted only here, and validated on read.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Cipher } from './cipher.ts';
import type { Tables } from './tables.ts';

export async function saveCredentials(
  db: Kysely<Tables>,
  cipher: Cipher,
  tenantId: string,
  secret: unknown,
): Promise<void> {
  const sealed = cipher.seal(JSON.stringify(secret), tenantId);
  const row = {
    key_version: sealed.keyVersion,
    iv: sealed.iv,
    tag: sealed.tag,
    ciphertext: sealed.ciphertext,
  };
  await db
    .insertInto('credentials')
    .values({ tenant_id: tenantId, ...row })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ ...row, updated_at: new Date() }))
    .execute();
}

export async function loadCredentials<T extends z.ZodType>(
  db: Kysely<Tables>,
  cipher: Cipher,
  tenantId: string,
  schema: T,
): Promise<z.output<T> | null> {
  const row = await db
    .selectFrom('credentials')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  if (!row) return null;
  const plaintext = cipher.open(
    {
      keyVersion: row.key_version,
      iv: Buffer.from(row.iv),
      tag: Buffer.from(row.tag),
      ciphertext: Buffer.from(row.ciphertext),
    },
    tenantId,
  );
  return schema.parse(JSON.parse(plaintext));
}

export async function deleteCredentials(db: Kysely<Tables>, tenantId: string): Promise<void> {
  await db.deleteFrom('credentials').where('tenant_id', '=', tenantId).execute();
}

/** Takes the tenant's refresh lease unless another process holds an unexpired one. */
export async function tryCredentialLease(
  db: Kysely<Tables>,
  tenantId: string,
  now: Date,
  forMs: number,
): Promise<boolean> {
  const taken = await db
    .updateTable('credentials')
    .set({ refresh_lease_until: new Date(now.getTime() + forMs) })
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('refresh_lease_until', 'is', null), eb('refresh_lease_until', '<', now)]))
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1;
}

export async function releaseCredentialLease(db: Kysely<Tables>, tenantId: string): Promise<void> {
  await db
    .updateTable('credentials')
    .set({ refresh_lease_until: null })
    .where('tenant_id', '=', tenantId)
    .execute();
}
