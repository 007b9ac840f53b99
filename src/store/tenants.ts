// Tenants: one per connected HubSpot portal or Salesforce org, with its policy.
import type { Kysely } from 'kysely';
import { parsePolicy, type Policy, type PolicyProblem } from '../domain/policy/schema.ts';
import type { Tables, TenantsTable } from './tables.ts';

export type Crm = TenantsTable['crm'];
export type TenantStatus = TenantsTable['status'];

export interface Tenant {
  id: string;
  crm: Crm;
  externalId: string;
  name: string;
  status: TenantStatus;
  policy: Policy;
  createdAt: Date;
}

export const tenantIdOf = (crm: Crm, externalId: string): string => `${crm}-${externalId}`;

function fromRow(row: {
  id: string;
  crm: Crm;
  external_id: string;
  name: string;
  status: TenantStatus;
  policy: Record<string, unknown>;
  created_at: Date;
}): Tenant {
  const parsed = parsePolicy(row.policy);
  if (!parsed.ok)
    throw new Error(`Stored policy of tenant ${row.id} is invalid: ${JSON.stringify(parsed.problems)}`);
  return {
    id: row.id,
    crm: row.crm,
    externalId: row.external_id,
    name: row.name,
    status: row.status,
    policy: parsed.policy,
    createdAt: row.created_at,
  };
}

/** Creates the tenant, or reactivates it (a reinstall) keeping its policy and data. */
export async function connectTenant(
  db: Kysely<Tables>,
  input: { crm: Crm; externalId: string; name: string },
): Promise<Tenant> {
  const row = await db
    .insertInto('tenants')
    .values({
      id: tenantIdOf(input.crm, input.externalId),
      crm: input.crm,
      external_id: input.externalId,
      name: input.name,
      status: 'connected',
      policy: JSON.stringify({}),
    })
    .onConflict((oc) =>
      oc
        .columns(['crm', 'external_id'])
        .doUpdateSet({ status: 'connected', name: input.name, updated_at: new Date() }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return fromRow(row);
}

export async function getTenant(db: Kysely<Tables>, id: string): Promise<Tenant | null> {
  const row = await db.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : null;
}

export async function findTenant(db: Kysely<Tables>, crm: Crm, externalId: string): Promise<Tenant | null> {
  return getTenant(db, tenantIdOf(crm, externalId));
}

export async function listTenants(db: Kysely<Tables>): Promise<Tenant[]> {
  const rows = await db.selectFrom('tenants').selectAll().orderBy('created_at').execute();
  return rows.map(fromRow);
}

export async function setTenantStatus(db: Kysely<Tables>, id: string, status: TenantStatus): Promise<void> {
  await db.updateTable('tenants').set({ status, updated_at: new Date() }).where('id', '=', id).execute();
}

/** Saves a policy after validating it with the one policy schema; problems name the field. */
export async function savePolicy(
  db: Kysely<Tables>,
  id: string,
  input: unknown,
): Promise<{ ok: true; policy: Policy } | { ok: false; problems: PolicyProblem[] }> {
  // A save names the settings: null or a non-object is refused, not taken as "all defaults" (no admins).
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, problems: [{ field: '(policy)', message: 'must be an object with the settings' }] };
  const parsed = parsePolicy(input);
  if (!parsed.ok) return parsed;
  await db
    .updateTable('tenants')
    .set({ policy: JSON.stringify(parsed.policy), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  return parsed;
}
