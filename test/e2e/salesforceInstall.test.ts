// Connecting a Salesforce org through the real OAuth flow with PKCE against the sandbox: tokens encrypted,
// campaigns found or created, the first user made admin; an org without Baton's package is connected with each
// missing piece reported with its fix (never a crash), change capture's gaps (a selection, a topic's permission)
// included; replayed, denied and forged callbacks store nothing;
// disconnect revokes the refresh token and stops change capture.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenSetSchema } from '../../src/crm/tokenSet.ts';
import { connectOrg } from '../../sandbox/mode/sandboxOrg.ts';
import { bootstrapOrg } from '../../sandbox/salesforce/index.ts';
import { readCheckpoint } from '../../src/store/checkpoints.ts';
import { loadCredentials } from '../../src/store/credentials.ts';
import { getTenant } from '../../src/store/tenants.ts';
import { PROVISIONING_CHECKPOINT } from '../../src/app/connectCrm.ts';
import { z } from 'zod';
import { startBaton, type BatonHarness } from '../support/batonHarness.ts';

let h: BatonHarness;
const OPS = { authorization: 'Bearer ops-token-for-tests-0123456789' };

beforeAll(async () => {
  h = await startBaton({ at: new Date('2026-11-23T14:00:00Z'), crm: 'salesforce' });
});
afterAll(() => h.close());

const step = async (url: string) => {
  const res = await fetch(url, { redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location') ?? '', text: await res.text() };
};
const base = () => h.running.config.publicUrl;
const report = z.object({ problems: z.array(z.object({ what: z.string(), fix: z.string() })) });

/** Connects another org of the sandbox through the real flow, as its admin; returns its recorded problems. */
async function connectAs(org: ReturnType<typeof bootstrapOrg>) {
  h.org.sandbox.state.authorizeOrgId = org.org.id;
  h.org.sandbox.state.authorizeUserId = org.admin.id;
  try {
    await connectOrg(base());
  } finally {
    h.org.sandbox.state.authorizeOrgId = h.org.org.org.id;
    h.org.sandbox.state.authorizeUserId = undefined;
  }
  const tenantId = `salesforce-${org.org.id}`;
  return {
    tenantId,
    found: await readCheckpoint(h.running.database.db, tenantId, PROVISIONING_CHECKPOINT, report),
  };
}

describe('Salesforce connect (OAuth with PKCE) against the sandbox', () => {
  it('connects: tokens encrypted, campaigns per nurture list, the connecting user is the policy admin', async () => {
    const t = await h.tenant();
    expect(t).toMatchObject({ crm: 'salesforce', status: 'connected', externalId: h.org.org.org.id });
    expect(t.policy.admins).toEqual([h.org.org.admin.id]);
    const raw = await h.running.database.db
      .selectFrom('credentials')
      .selectAll()
      .where('tenant_id', '=', t.id)
      .executeTakeFirstOrThrow();
    const tokens = await loadCredentials(h.running.database.db, h.running.cipher, t.id, tokenSetSchema);
    expect(tokens?.instanceUrl).toBe(h.org.running.baseUrl);
    expect(Buffer.from(raw.ciphertext).includes(Buffer.from(tokens?.refreshToken ?? '-'))).toBe(false);
    const campaigns = h.org.org.org.campaigns().map((c) => c.values['Name']);
    for (const list of t.policy.nurtureLists) expect(campaigns).toContain(list.name);
    expect(await h.listId('nurture_timing')).toMatch(/^701/);
    const found = await readCheckpoint(h.running.database.db, t.id, PROVISIONING_CHECKPOINT, report);
    expect(found?.problems).toEqual([]);
  });

  it('the authorize URL carries an S256 challenge; the callback cannot be replayed', async () => {
    const start = await step(`${base()}/oauth/salesforce/install`);
    const authorize = new URL(start.location);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get('scope')).toBe('api refresh_token');
    const approved = await step(start.location);
    expect((await step(approved.location)).status).toBe(200);
    const replay = await step(approved.location);
    expect(replay.status).toBe(400);
    expect(replay.text).toContain('already used');
  });

  it('a forged code with a genuine state is refused (400) and stores nothing new', async () => {
    const start = await step(`${base()}/oauth/salesforce/install`);
    const approved = new URL((await step(start.location)).location);
    approved.searchParams.set('code', 'forged-code');
    const before = await h.running.database.db.selectFrom('credentials').select('tenant_id').execute();
    const res = await step(approved.toString());
    expect(res.status).toBe(400);
    expect(res.text).toContain('Salesforce refused the connection');
    expect(await h.running.database.db.selectFrom('credentials').select('tenant_id').execute()).toEqual(
      before,
    );
  });

  it('an admin who denies access gets a clear page', async () => {
    h.org.sandbox.setOAuth({ denyAuthorization: true });
    try {
      const start = await step(`${base()}/oauth/salesforce/install`);
      const res = await step((await step(start.location)).location);
      expect(res.status).toBe(400);
      expect(res.text).toContain('Salesforce did not grant access');
    } finally {
      h.org.sandbox.setOAuth({ denyAuthorization: false });
    }
  });

  it('an org without Baton’s package is connected, with each missing piece and its fix reported', async () => {
    const bare = bootstrapOrg(h.org.sandbox.state, {
      orgName: 'Initech (no package)',
      batonPackage: { omitFields: ['Baton_Grade__c', 'Baton_Return_Reason__c'] },
      marketingQueue: false,
    });
    const { tenantId, found } = await connectAs(bare);
    expect(found?.problems.map((p) => p.what)).toEqual([
      'Lead field Baton_Grade__c is missing.',
      'Lead field Baton_Return_Reason__c is missing.',
      'Queue Baton_Marketing for leads is missing.',
    ]);
    expect(found?.problems[0]?.fix).toContain("Install Baton's package");
    // Ops sees the same on the tenants API.
    const res = await fetch(`${base()}/ops/api/tenants`, { headers: OPS });
    const { tenants } = (await res.json()) as {
      tenants: Array<{ id: string; provisioningProblems: unknown[] }>;
    };
    expect(tenants.find((t) => t.id === tenantId)?.provisioningProblems).toHaveLength(3);
  });

  it('an org whose change capture is incomplete is told so on connect: a selection missing, a topic refused', async () => {
    const org = bootstrapOrg(h.org.sandbox.state, { orgName: 'Globex (no View All Data)' });
    // Event taken off the standard channel (another package needed the room); Task refused to this user.
    h.org.sandbox.setCdc({ entities: ['Lead', 'Task'], subscribeDenied: ['Task'] });
    const { found } = await connectAs(org).finally(() =>
      h.org.sandbox.setCdc({ entities: ['Lead', 'Task', 'Event'], subscribeDenied: [] }),
    );
    expect(found?.problems.map((p) => p.what)).toEqual([
      'Event is not selected for Change Data Capture: meetings logged on leads reach Baton only through its five-minute poll.',
      'Change events: the connected user may not subscribe to TaskChangeEvent (task and event change events need "View All Data").',
    ]);
    expect(found?.problems[1]?.fix).toMatch(/View All Data/);
  });

  it('disconnect revokes the refresh token, removes it here and stops change capture', async () => {
    const t = await h.tenant();
    const tokens = await loadCredentials(h.running.database.db, h.running.cipher, t.id, tokenSetSchema);
    expect(h.running.changeFeeds?.isRunning(t.id)).toBe(true);
    const res = await fetch(`${base()}/ops/api/tenants/${t.id}/uninstall`, { method: 'POST', headers: OPS });
    // A connected app has no uninstall call: the org's admin removes the package; revoking is Baton's part.
    expect(await res.json()).toEqual({
      tenantId: t.id,
      status: 'disconnected',
      appUninstalled: false,
      refreshTokenRevoked: true,
    });
    expect(await loadCredentials(h.running.database.db, h.running.cipher, t.id, tokenSetSchema)).toBeNull();
    expect((await getTenant(h.running.database.db, t.id))?.status).toBe('disconnected');
    expect(h.running.changeFeeds?.isRunning(t.id)).toBe(false);
    // The revoked refresh token no longer works at Salesforce.
    const refresh = await fetch(`${h.org.running.baseUrl}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: tokens?.refreshToken ?? '',
        client_id: h.org.app.clientId,
        client_secret: h.org.app.clientSecret,
      }),
    });
    expect(refresh.status).toBe(400);
  });
});
