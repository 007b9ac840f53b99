import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type OpenedEngine } from '../../test/support/engines.ts';
import { pendingEffects } from '../store/effects.ts';
import { loadLead } from '../store/leads.ts';
import { ledgerOfLead } from '../store/ledger.ts';
import { connectTenant, type Tenant } from '../store/tenants.ts';
import { applyEvent } from '../app/applyEvent.ts';
import { decisionContexts } from '../app/decisionContext.ts';
import type { Clock } from './clock.ts';
import { sweepDueLeads } from './sweepDueLeads.ts';

// Friday 2026-11-20 15:00 in New York: a 24-business-hour SLA is due Wednesday 15:00.
const ASSIGNED = new Date('2026-11-20T20:00:00Z');

describe.each(ENGINES)('SLA sweep on $name', (engine) => {
  let e: OpenedEngine;
  let tenant: Tenant;
  let now = ASSIGNED;
  const clock: Clock = { now: () => now };

  const apply = async (leadId: string, event: Parameters<typeof applyEvent>[1]['event']) =>
    applyEvent(e.database.db, {
      tenantId: tenant.id,
      leadId,
      event,
      contexts: await decisionContexts(e.database.db, tenant),
      now,
    });

  async function assignedLead(leadId: string) {
    await apply(leadId, {
      kind: 'observed',
      at: ASSIGNED,
      profile: { email: `${leadId}@acme.io`, title: 'VP Marketing', employees: 900 },
      engagement: [{ type: 'demo_request', at: ASSIGNED }],
    });
    await apply(leadId, { kind: 'owner_changed', at: ASSIGNED, ownerId: 'rep-7', actor: { kind: 'crm' } });
  }

  beforeAll(async () => {
    e = await engine.open();
    tenant = await connectTenant(e.database.db, { crm: 'hubspot', externalId: '42', name: 'Acme' });
    await assignedLead('L-untouched');
    await assignedLead('L-touched');
    await apply('L-touched', {
      kind: 'touched',
      at: new Date('2026-11-23T15:00:00Z'),
      activity: 'call',
      byUserId: 'rep-7',
    });
    await apply('L-inquiry', {
      kind: 'observed',
      at: ASSIGNED,
      profile: { email: 'student@uni.edu', title: 'Student' },
    });
  });
  afterAll(() => e.cleanup());

  const sweep = () => sweepDueLeads({ db: e.database.db, clock }, tenant);
  const effectsOf = async (leadId: string) =>
    (await pendingEffects(e.database.db, tenant.id, { limit: 100 }))
      .map((p) => p.effect)
      .filter((x) => x.leadId === leadId);

  it('visits nothing before any threshold', async () => {
    now = new Date('2026-11-23T15:00:00Z'); // Monday 10:00, 10 business hours in
    expect(await sweep()).toEqual({ visited: 0, changed: 0, truncated: false });
  });

  it('reminds the owner once at half the SLA, visiting only the due lead', async () => {
    now = new Date('2026-11-24T16:30:00Z'); // Tuesday 11:30: past the reminder (Tue 11:00)
    expect(await sweep()).toMatchObject({ visited: 1, changed: 1 });
    expect((await effectsOf('L-untouched')).filter((x) => x.kind === 'remind_owner')).toHaveLength(1);
    expect(await sweep()).toMatchObject({ visited: 0 });
    expect((await effectsOf('L-untouched')).filter((x) => x.kind === 'remind_owner')).toHaveLength(1);
  });

  it('escalates at the deadline and auto-recycles untouched at 72 business hours', async () => {
    now = new Date('2026-11-25T20:00:00Z'); // Wednesday 15:00: due
    await sweep();
    expect((await effectsOf('L-untouched')).map((x) => x.kind)).toContain('escalate');
    now = new Date('2026-12-04T20:00:00Z'); // well past 72 business hours
    await sweep();
    const lead = await loadLead(e.database.db, tenant.id, 'L-untouched');
    expect(lead?.state.stage).toBe('recycled');
    expect(lead?.state.lists).toEqual(['nurture_untouched']);
    const rows = await ledgerOfLead(e.database.db, tenant.id, 'L-untouched');
    expect(rows.map((r) => r.cause)).toEqual([
      'hand_raise',
      'assigned',
      'sla_reminder',
      'sla_breach',
      'sla_escalated',
      'sla_untouched',
    ]);
    expect((await loadLead(e.database.db, tenant.id, 'L-touched'))?.state.stage).toBe('accepted');
  });

  it('two workers applying events to the same lead at once both land (optimistic retry)', async () => {
    await assignedLead('L-race');
    const results = await Promise.all([
      apply('L-race', {
        kind: 'observed',
        at: ASSIGNED,
        engagement: [{ type: 'page_view', at: ASSIGNED, detail: '/pricing' }],
      }),
      apply('L-race', {
        kind: 'touched',
        at: new Date('2026-11-23T15:00:00Z'),
        activity: 'email',
        byUserId: 'rep-7',
      }),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    const lead = await loadLead(e.database.db, tenant.id, 'L-race');
    expect(lead?.state.stage).toBe('accepted');
    expect(lead?.state.engagement.some((x) => x.detail === '/pricing')).toBe(true);
  });

  it('an event that changes nothing is not saved again', async () => {
    const before = await loadLead(e.database.db, tenant.id, 'L-race');
    const outcome = await apply('L-race', {
      kind: 'owner_changed',
      at: ASSIGNED,
      ownerId: 'rep-7',
      actor: { kind: 'crm' },
    });
    expect(outcome).toMatchObject({ ok: true, saved: false });
    expect((await loadLead(e.database.db, tenant.id, 'L-race'))?.version).toBe(before?.version);
  });

  it('a refused return changes nothing and says why', async () => {
    const outcome = await apply('L-inquiry', {
      kind: 'returned',
      at: now,
      byUserId: 'rep-7',
      reason: 'not_ready',
    });
    expect(outcome).toMatchObject({ ok: false, problem: { kind: 'not_returnable', stage: 'inquiry' } });
  });
});
