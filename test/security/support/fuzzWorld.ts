// One Baton (sandbox mode, manual clock) with three tenants: A, the sandbox portal Baton installed itself in;
// B, another installed portal with its own lead; C, a portal that uninstalled Baton. Leads are put in the store
// directly (applyEvent), so every test knows exactly what exists.
import type { Kysely } from 'kysely';
import type { LeadEvent } from '../../../src/domain/decide/leadEvent.ts';
import { applyEvent } from '../../../src/app/applyEvent.ts';
import { decisionContexts } from '../../../src/app/decisionContext.ts';
import type { Tables } from '../../../src/store/tables.ts';
import { connectTenant, setTenantStatus, type Tenant } from '../../../src/store/tenants.ts';
import { startBaton, type BatonHarness } from '../../support/batonHarness.ts';
import { RawClient } from './rawClient.ts';
import type { Signer } from './signing.ts';

export const OPS_TOKEN = 'ops-token-for-tests-0123456789';
export const PORTAL_B = '555';
export const PORTAL_C = '556';

export interface FuzzWorld {
  h: BatonHarness;
  db: Kysely<Tables>;
  port: number;
  /** Sends raw requests to this Baton (from a worker thread). */
  client: RawClient;
  signer: Signer;
  tenantA: Tenant;
  tenantB: Tenant;
  /** The HubSpot user who installed Baton in portal A: the only one who may change its settings. */
  adminA: string;
  /** Tenant A's leads: [0] is the one valid returns use, [1] stays assigned (a cross-tenant target). */
  leadsA: [string, string];
  leadB: string;
  /** Every portal id that has a tenant (random portal ids avoid these). */
  knownPortals: Set<string>;
  close(): Promise<void>;
}

/** An assigned lead: a strong-fit demo request (MQL), then an owner. */
async function assignedLead(db: Kysely<Tables>, tenant: Tenant, leadId: string, at: Date): Promise<void> {
  const events: LeadEvent[] = [
    {
      kind: 'observed',
      at,
      profile: {
        email: `lead${leadId}@fabrikam.example`,
        employees: 600,
        industry: 'Software',
        country: 'US',
        title: 'VP Sales',
      },
      engagement: [{ type: 'demo_request', at }],
    },
    { kind: 'owner_changed', at, ownerId: `owner-${tenant.externalId}`, actor: { kind: 'crm' } },
  ];
  for (const event of events) {
    const outcome = await applyEvent(db, {
      tenantId: tenant.id,
      leadId,
      event,
      contexts: await decisionContexts(db, tenant),
      now: at,
    });
    if (!outcome.ok) throw new Error(`could not set up lead ${leadId}: ${JSON.stringify(outcome.problem)}`);
  }
}

export async function startFuzzWorld(): Promise<FuzzWorld> {
  const h = await startBaton({ at: new Date('2026-11-23T14:00:00Z') });
  const db = h.running.database.db;
  const tenantA = await h.tenant();
  const tenantB = await connectTenant(db, { crm: 'hubspot', externalId: PORTAL_B, name: 'Portal B' });
  const tenantC = await connectTenant(db, { crm: 'hubspot', externalId: PORTAL_C, name: 'Portal C' });
  await setTenantStatus(db, tenantC.id, 'disconnected');
  const at = h.now();
  const leadsA: [string, string] = ['9100001', '9100002'];
  const leadB = '9200001';
  for (const id of leadsA) await assignedLead(db, tenantA, id, at);
  await assignedLead(db, tenantB, leadB, at);
  const secret = h.running.sandbox?.app.clientSecret;
  if (!secret) throw new Error('expected sandbox mode');
  const adminA = tenantA.policy.admins[0];
  if (!adminA) throw new Error('the installing user should be the portal admin');
  const client = new RawClient(h.running.config.port);
  return {
    h,
    db,
    port: h.running.config.port,
    client,
    signer: { secret, publicUrl: h.running.config.publicUrl, now: () => h.now().getTime() },
    tenantA,
    tenantB,
    adminA,
    leadsA,
    leadB,
    knownPortals: new Set([tenantA.externalId, PORTAL_B, PORTAL_C]),
    close: async () => {
      await client.close();
      await h.close();
    },
  };
}
