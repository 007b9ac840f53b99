// Narrowing a page whose read the CRM refuses for good down to the leads it fails on: those items set aside with
// the cause and a sync-log line, every other lead read (in halves, not one call each), passing failures rethrown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type OpenedEngine } from '../../test/support/engines.ts';
import { CrmError } from '../crm/port.ts';
import { acceptIntoInbox } from '../store/inbox.ts';
import { connectTenant, type Tenant } from '../store/tenants.ts';
import { syncSettingAsideUnreadable } from './setAsideUnreadable.ts';

describe.each(ENGINES)('setting aside what the CRM will not read, on $name', (engine) => {
  let e: OpenedEngine;
  let tenant: Tenant;
  const itemOf = new Map<string, number>();

  beforeAll(async () => {
    e = await engine.open();
    tenant = await connectTenant(e.database.db, { crm: 'salesforce', externalId: '00D1', name: 'Acme' });
    for (const leadId of ['L1', 'L2', 'BAD-1', 'L4', 'L5', 'L6', 'BAD-2', 'L8']) {
      const accepted = await acceptIntoInbox(e.database.db, {
        tenantId: tenant.id,
        source: 'test',
        dedupeKey: `k-${leadId}`,
        leadId,
        payload: { kind: 'changed', leadId, occurredAt: new Date(0).toISOString(), properties: [] },
      });
      if (accepted.outcome === 'accepted') itemOf.set(leadId, accepted.id);
    }
  });
  afterAll(() => e?.cleanup());

  it('reads every readable lead and sets aside only the ones refused, with the cause', async () => {
    const calls: string[][] = [];
    const out = await syncSettingAsideUnreadable(
      e.database.db,
      tenant.id,
      [...itemOf.keys()],
      (leadId) => [itemOf.get(leadId) ?? -1],
      async (ids) => {
        calls.push([...ids]);
        const bad = ids.find((id) => id.startsWith('BAD'));
        if (bad)
          throw new CrmError('permanent', `leads.query: HTTP 400: MALFORMED_ID ${bad}`, { status: 400 });
        return { read: ids.length, decisions: ids.length };
      },
    );
    expect(out).toEqual({ read: 6, decisions: 6, setAside: 2 });
    // Halves, not one call per lead: 8 → 4 + 4 → 2 + 2 + 2 + 2 → singles only where a bad one sits.
    expect(calls.length).toBeLessThan(itemOf.size + 4);
    const rows = await e.database.db
      .selectFrom('inbox')
      .select(['lead_id', 'status', 'error'])
      .where('tenant_id', '=', tenant.id)
      .where('status', '=', 'failed')
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { lead_id: 'BAD-1', status: 'failed', error: expect.stringContaining('MALFORMED_ID BAD-1') },
      { lead_id: 'BAD-2', status: 'failed', error: expect.stringContaining('MALFORMED_ID BAD-2') },
    ]);
    const log = await e.database.db
      .selectFrom('sync_log')
      .select(['record_ids', 'status', 'error_kind'])
      .where('tenant_id', '=', tenant.id)
      .orderBy('id')
      .execute();
    expect(log).toEqual([
      { record_ids: ['BAD-1'], status: 'error', error_kind: 'permanent' },
      { record_ids: ['BAD-2'], status: 'error', error_kind: 'permanent' },
    ]);
  });

  it('a failure of every read (the org, not a lead) sets nothing aside and fails the run', async () => {
    const orgWide = new CrmError(
      'permanent',
      "leads.query: HTTP 400: INVALID_FIELD: No such column 'Baton_X__c'",
    );
    const calls: number[] = [];
    await expect(
      syncSettingAsideUnreadable(
        e.database.db,
        tenant.id,
        ['L1', 'L2', 'L4', 'L5'],
        (id) => [itemOf.get(id) ?? -1],
        async (ids) => {
          calls.push(ids.length);
          throw orgWide;
        },
      ),
    ).rejects.toBe(orgWide);
    expect(calls.length).toBeLessThanOrEqual(7);
    const pending = await e.database.db
      .selectFrom('inbox')
      .select('lead_id')
      .where('tenant_id', '=', tenant.id)
      .where('status', '=', 'pending')
      .execute();
    expect(pending.map((r) => r.lead_id)).toEqual(expect.arrayContaining(['L1', 'L2', 'L4', 'L5']));
  });

  it('a page of one lead the CRM names as unreadable is set aside', async () => {
    const [id] = (
      await Promise.all(
        ['00Q*'].map((leadId) =>
          acceptIntoInbox(e.database.db, {
            tenantId: tenant.id,
            source: 'test',
            dedupeKey: `k-${leadId}`,
            leadId,
            payload: { kind: 'changed', leadId, occurredAt: new Date(0).toISOString(), properties: [] },
          }),
        ),
      )
    ).map((a) => (a.outcome === 'accepted' ? a.id : -1));
    const out = await syncSettingAsideUnreadable(
      e.database.db,
      tenant.id,
      ['00Q*'],
      () => [id ?? -1],
      async () => {
        throw new CrmError('permanent', 'leads.query: HTTP 400: invalid ID field: 00Q*');
      },
    );
    expect(out).toEqual({ read: 0, decisions: 0, setAside: 1 });
  });

  it('a passing failure (429, 5xx, timeout) fails the run to be retried, setting nothing aside', async () => {
    const passing = new CrmError('rate_limited', 'HTTP 429', { status: 429 });
    await expect(
      syncSettingAsideUnreadable(
        e.database.db,
        tenant.id,
        ['L1', 'L2'],
        () => [],
        async () => {
          throw passing;
        },
      ),
    ).rejects.toBe(passing);
    const broken = new Error('database went away');
    await expect(
      syncSettingAsideUnreadable(
        e.database.db,
        tenant.id,
        ['L1'],
        () => [],
        async () => {
          throw broken;
        },
      ),
    ).rejects.toBe(broken);
  });
});
