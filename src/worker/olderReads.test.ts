// Reads of one CRM record applied out of order (a reconciliation page read before a webhook's fresher read was
// applied): the older read never undoes what the newer one decided.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type OpenedEngine } from '../../test/support/engines.ts';
import type { CrmLead } from '../crm/port.ts';
import { decisionContexts } from '../app/decisionContext.ts';
import { loadLead } from '../store/leads.ts';
import { ledgerOfLead } from '../store/ledger.ts';
import { connectTenant, type Tenant } from '../store/tenants.ts';
import type { Clock } from './clock.ts';
import { applySnapshot } from './drainInbox.ts';

const T0 = new Date('2026-12-07T10:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

/** An MQL-worthy contact as the CRM reports it at one moment. */
function lead(id: string, opts: { modified: number; ownerId: string | null }): CrmLead {
  return {
    id,
    profile: { email: `${id}@acme.io`, title: 'VP Marketing', employees: 900 },
    ownerId: opts.ownerId,
    ownerAssignedAt: opts.ownerId ? at(opts.modified) : null,
    lifecycle: 'lead',
    createdAt: T0,
    modifiedAt: at(opts.modified),
    lastTouchAt: null,
    engagement: [{ type: 'demo_request', at: T0, detail: 'Request a demo' }],
  };
}

describe.each(ENGINES)('reads applied out of order on $name', (engine) => {
  let e: OpenedEngine;
  let tenant: Tenant;
  let now = at(60);
  const clock: Clock = { now: () => now };

  beforeAll(async () => {
    e = await engine.open();
    tenant = await connectTenant(e.database.db, { crm: 'hubspot', externalId: '42', name: 'Acme' });
  });
  afterAll(() => e.cleanup());

  const apply = async (snapshot: CrmLead, readAt: Date) =>
    applySnapshot(
      { db: e.database.db, clock },
      tenant,
      await decisionContexts(e.database.db, tenant),
      snapshot,
      readAt,
    );
  const stageOf = async (id: string) => (await loadLead(e.database.db, tenant.id, id))?.state;
  const causes = async (id: string) => (await ledgerOfLead(e.database.db, tenant.id, id)).map((r) => r.cause);

  it('an older read applied after a newer one decides nothing', async () => {
    // The newer read (after the rep took it) is applied first; the older one (before) arrives late.
    expect(await apply(lead('L-late', { modified: 5, ownerId: 'rep-7' }), at(6))).toBeGreaterThan(0);
    expect(await apply(lead('L-late', { modified: 2, ownerId: null }), at(8))).toBe(0);
    const state = await stageOf('L-late');
    expect({ stage: state?.stage, owner: state?.ownerId }).toEqual({ stage: 'assigned', owner: 'rep-7' });
    expect(await causes('L-late')).not.toContain('unassigned');
  });

  it('with the same stamp, the read asked for later wins', async () => {
    expect(await apply(lead('L-tie', { modified: 5, ownerId: 'rep-7' }), at(7))).toBeGreaterThan(0);
    expect(await apply(lead('L-tie', { modified: 5, ownerId: null }), at(6))).toBe(0);
    expect((await stageOf('L-tie'))?.ownerId).toBe('rep-7');
  });

  it('a newer read that decides nothing still stops an older one', async () => {
    expect(await apply(lead('L-quiet', { modified: 5, ownerId: 'rep-7' }), at(6))).toBeGreaterThan(0);
    // The same version read again later: no decision, but it is now the read to beat.
    expect(await apply(lead('L-quiet', { modified: 9, ownerId: 'rep-7' }), at(10))).toBe(0);
    const version = (await loadLead(e.database.db, tenant.id, 'L-quiet'))?.read;
    expect(version).toEqual({ modifiedAt: at(9), readAt: at(10) });
    expect(await apply(lead('L-quiet', { modified: 7, ownerId: null }), at(11))).toBe(0);
    expect((await stageOf('L-quiet'))?.stage).toBe('assigned');
  });

  it('the same version read again writes nothing (no version bump per re-read of an unchanged lead)', async () => {
    expect(await apply(lead('L-same', { modified: 5, ownerId: 'rep-7' }), at(6))).toBeGreaterThan(0);
    const before = await loadLead(e.database.db, tenant.id, 'L-same');
    expect(await apply(lead('L-same', { modified: 5, ownerId: 'rep-7' }), at(30))).toBe(0);
    const after = await loadLead(e.database.db, tenant.id, 'L-same');
    expect(after?.version).toBe(before?.version);
    expect(after?.read).toEqual({ modifiedAt: at(5), readAt: at(6) });
  });

  it('a newer read still moves the lead (the owner gone: back to marketing)', async () => {
    expect(await apply(lead('L-moves', { modified: 5, ownerId: 'rep-7' }), at(6))).toBeGreaterThan(0);
    expect(await apply(lead('L-moves', { modified: 8, ownerId: null }), at(9))).toBeGreaterThan(0);
    const state = await stageOf('L-moves');
    expect({ stage: state?.stage, owner: state?.ownerId }).toEqual({ stage: 'mql', owner: null });
    expect(await causes('L-moves')).toContain('unassigned');
  });

  it('decisions without a read (a tick, a card return) keep the last read', async () => {
    now = at(120);
    expect(await apply(lead('L-keep', { modified: 5, ownerId: 'rep-7' }), at(6))).toBeGreaterThan(0);
    const { applyEvent } = await import('../app/applyEvent.ts');
    await applyEvent(e.database.db, {
      tenantId: tenant.id,
      leadId: 'L-keep',
      event: { kind: 'touched', at: at(100), activity: 'call', byUserId: 'rep-7' },
      contexts: await decisionContexts(e.database.db, tenant),
      now,
    });
    const stored = await loadLead(e.database.db, tenant.id, 'L-keep');
    expect(stored?.state.stage).toBe('accepted');
    expect(stored?.read).toEqual({ modifiedAt: at(5), readAt: at(6) });
  });
});
