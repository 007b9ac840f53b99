// Every HubSpot API Baton calls is in its table of API versions (src/crm/hubspot/apiVersions.ts), so the six-month
// sunset check covers what Baton really calls: install, webhooks, writes, reminders, a card's return,
// reconciliation and the ops uninstall, against the sandbox portal, every request Baton made is looked up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf } from '../../src/crm/hubspot/apiVersions.ts';
import { startBaton, type BatonHarness } from '../support/batonHarness.ts';
import { returnLead } from '../support/cardRequest.ts';
import { hotLead } from '../support/sandboxLeads.ts';

const MONDAY_9AM = new Date('2026-11-23T14:00:00Z');
let h: BatonHarness;
beforeAll(async () => {
  h = await startBaton({ at: MONDAY_9AM });
});
afterAll(() => h.close());

describe('the HubSpot APIs Baton calls', () => {
  it('are each in the table of API versions', async () => {
    const [rep] = h.portal.owners.all().filter((o) => o.email.endsWith('@acme.example'));
    const ids = [hotLead(h, 1), hotLead(h, 2)];
    await h.settle();
    for (const id of ids)
      h.portal.setProperties(id, { hubspot_owner_id: rep?.id ?? '' }, { source: 'CRM_UI' });
    await h.settle();
    h.set(new Date('2026-11-26T15:00:00Z')); // past the deadline: reminder and escalation tasks
    await h.sweep();
    await h.settle();
    expect(
      (
        await returnLead(h, ids[0] ?? '', rep?.userId ?? 0, {
          reason: 'not_ready',
          requestId: 'api-versions-1',
        })
      ).status,
    ).toBe(200);
    await h.settle();
    await h.reconcile();
    const t = await h.tenant();
    const uninstall = await fetch(`${h.running.config.publicUrl}/ops/api/tenants/${t.id}/uninstall`, {
      method: 'POST',
      headers: { authorization: 'Bearer ops-token-for-tests-0123456789' },
    });
    expect(await uninstall.json()).toMatchObject({ appUninstalled: true, refreshTokenRevoked: true });

    // The admin's browser at the consent screen is not Baton calling an API.
    const calls = h.running.sandbox.sandbox.state.requests.all().filter((r) => r.path !== '/oauth/authorize');
    const paths = [
      ...new Set(calls.map((r) => `${r.method} ${r.path.replace(/\/\d{3,}(?=\/|$)/g, '/{id}')}`)),
    ].sort();
    expect(paths.length).toBeGreaterThan(8);
    expect(paths.filter((p) => !apiOf(p.split(' ')[1] ?? ''))).toEqual([]);
  });
});
