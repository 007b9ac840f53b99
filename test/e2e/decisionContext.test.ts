// One place builds a decision's context, and every path goes through it: routing follows the policy (round robin
// across the team, reps at capacity or away skipped, never back to the rep who returned a lead, a breached lead
// re-routed when the policy says so), and the tenant's measured sales cycle decides what "stalled" means on every
// path that saves decisions. The paths run as the worker runs them, against a CRM that answers from memory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeIngest } from '../../src/app/ingestChanges.ts';
import { MEASURED_CYCLE_CHECKPOINT } from '../../src/app/measuredCycle.ts';
import { returnToMarketing } from '../../src/app/returnToMarketing.ts';
import type { CrmLead, CrmPort, PortalUser } from '../../src/crm/port.ts';
import type { EngagementEvent } from '../../src/domain/scoring/profile.ts';
import { writeCheckpoint } from '../../src/store/checkpoints.ts';
import { loadLead } from '../../src/store/leads.ts';
import { ledgerOfLead } from '../../src/store/ledger.ts';
import { connectTenant, savePolicy, type Tenant } from '../../src/store/tenants.ts';
import { runBackfill } from '../../src/worker/backfill.ts';
import type { Clock } from '../../src/worker/clock.ts';
import { decayScores } from '../../src/worker/decayScores.ts';
import { drainInbox } from '../../src/worker/drainInbox.ts';
import { reconcile } from '../../src/worker/reconcile.ts';
import { sweepDueLeads } from '../../src/worker/sweepDueLeads.ts';
import { ENGINES, type OpenedEngine } from '../support/engines.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Monday 23 November 2026, 10:00 in New York (the default policy's zone and working hours).
const MONDAY = new Date('2026-11-23T15:00:00Z');
const TEAM = [{ id: 'rep-a' }, { id: 'rep-b' }, { id: 'rep-c' }];

/** A CRM that answers from memory: the leads it holds now. Baton's writes are not its concern here. */
class MemoryCrm implements CrmPort {
  readonly leads = new Map<string, CrmLead>();
  async readLeads(ids: readonly string[]) {
    return ids.flatMap((id) => this.leads.get(id) ?? []);
  }
  async *leadsModifiedBetween() {
    yield [...this.leads.values()];
  }
  async countLeadsModifiedBetween() {
    return this.leads.size;
  }
  private unused = async (): Promise<never> => {
    throw new Error('not part of these paths');
  };
  writeFields = this.unused;
  setOwners = this.unused;
  addToList = this.unused;
  removeFromList = this.unused;
  createTasks = this.unused;
  findTasks = this.unused;
  userNames = this.unused;
  /** The portal's users, by user id (who may return a lead). */
  readonly users = new Map<string, PortalUser>();
  async portalUser(userId: string) {
    return this.users.get(userId) ?? null;
  }
  provision = this.unused;
}

describe.each(ENGINES)('the decision context on $name', (engine) => {
  let e: OpenedEngine;
  let now = MONDAY;
  const clock: Clock = { now: () => now };
  let tenants = 0;
  let deliveries = 0;
  beforeAll(async () => {
    e = await engine.open();
  });
  afterAll(() => e.cleanup());

  const db = () => e.database.db;
  const deps = () => ({ db: db(), clock });

  async function tenantWith(policy: Record<string, unknown>): Promise<Tenant> {
    const t = await connectTenant(db(), { crm: 'hubspot', externalId: String(++tenants), name: 'Acme' });
    const saved = await savePolicy(db(), t.id, { recycle: { cooldownDays: 0 }, ...policy });
    if (!saved.ok) throw new Error(JSON.stringify(saved.problems));
    return { ...t, policy: saved.policy };
  }

  const mql = (id: string, engagement: EngagementEvent[] = [{ type: 'demo_request', at: now }]): CrmLead => ({
    id,
    profile: {
      email: `${id}@acme.io`,
      employees: 500,
      industry: 'Software',
      country: 'US',
      title: 'VP Sales',
    },
    ownerId: null,
    ownerAssignedAt: null,
    lifecycle: 'lead',
    createdAt: now,
    modifiedAt: now,
    lastTouchAt: null,
    engagement,
  });

  /** Webhooks for these leads arrive (the one ingest path) and the worker drains the inbox. */
  async function webhooksThenDrain(tenant: Tenant, crm: MemoryCrm, ids: string[]) {
    const ingest = new ChangeIngest({ db: db(), now: clock.now, enqueue: async () => undefined });
    await ingest.feed(
      'hubspot',
      tenant.id,
      {
        source: 'test',
        operation: 'test',
        ignored: 0,
        changes: ids.map((leadId) => ({
          dedupeKey: `${leadId}#${++deliveries}`,
          change: { kind: 'changed', leadId, occurredAt: now, properties: [] },
        })),
      },
      { key: 'test.position', value: now.getTime() },
    );
    await drainInbox(deps(), tenant, crm);
  }

  const owner = async (tenant: Tenant, id: string) => (await loadLead(db(), tenant.id, id))?.state.ownerId;
  const owners = (tenant: Tenant, ids: string[]) => Promise.all(ids.map((id) => owner(tenant, id)));

  describe('routing', () => {
    it('consecutive MQLs go round robin across the team, in one run and the next', async () => {
      const t = await tenantWith({ routing: { mode: 'round_robin', reps: TEAM } });
      const crm = new MemoryCrm();
      for (const id of ['1', '2', '3', '4']) crm.leads.set(id, mql(id));
      await webhooksThenDrain(t, crm, ['1', '2', '3', '4']);
      expect(await owners(t, ['1', '2', '3', '4'])).toEqual(['rep-a', 'rep-b', 'rep-c', 'rep-a']);
      // A later run continues where the last one stopped (the ledger remembers whom routing picked).
      crm.leads.set('5', mql('5'));
      await webhooksThenDrain(t, crm, ['5']);
      expect(await owner(t, '5')).toBe('rep-b');
    });

    it('a rep at capacity is skipped until a lead of theirs is worked', async () => {
      const reps = [{ id: 'rep-a' }, { id: 'rep-b', capacity: 1 }, { id: 'rep-c' }];
      const t = await tenantWith({ routing: { mode: 'round_robin', reps } });
      const crm = new MemoryCrm();
      for (const id of ['1', '2', '3', '4', '5']) crm.leads.set(id, mql(id));
      await webhooksThenDrain(t, crm, ['1', '2', '3', '4', '5']);
      expect(await owners(t, ['1', '2', '3', '4', '5'])).toEqual([
        'rep-a',
        'rep-b',
        'rep-c',
        'rep-a',
        'rep-c',
      ]);
    });

    it('a rep marked away is skipped and keeps their place in the rotation', async () => {
      const t = await tenantWith({
        routing: {
          mode: 'round_robin',
          reps: [{ id: 'rep-a' }, { id: 'rep-b', away: true }, { id: 'rep-c' }],
        },
      });
      const crm = new MemoryCrm();
      for (const id of ['1', '2', '3']) crm.leads.set(id, mql(id));
      await webhooksThenDrain(t, crm, ['1', '2', '3']);
      expect(await owners(t, ['1', '2', '3'])).toEqual(['rep-a', 'rep-c', 'rep-a']);
      // Back: rep-b's turn comes after rep-a, where it always was.
      const back = await tenantWithSameLedger(t, { routing: { mode: 'round_robin', reps: TEAM } });
      crm.leads.set('4', mql('4'));
      await webhooksThenDrain(back, crm, ['4']);
      expect(await owner(back, '4')).toBe('rep-b');
    });

    /** The same tenant with another policy (an admin saved new settings). */
    async function tenantWithSameLedger(t: Tenant, policy: Record<string, unknown>): Promise<Tenant> {
      const saved = await savePolicy(db(), t.id, { ...t.policy, ...policy });
      if (!saved.ok) throw new Error(JSON.stringify(saved.problems));
      return { ...t, policy: saved.policy };
    }

    it('the rep who returned a lead (the card) never gets it back when it re-qualifies', async () => {
      const t = await tenantWith({
        routing: { mode: 'round_robin', reps: [{ id: 'rep-a' }, { id: 'rep-b' }] },
      });
      const crm = new MemoryCrm();
      crm.leads.set('1', mql('1'));
      crm.leads.set('2', mql('2'));
      await webhooksThenDrain(t, crm, ['1', '2']);
      expect(await owners(t, ['1', '2'])).toEqual(['rep-a', 'rep-b']);
      now = new Date(now.getTime() + HOUR);
      crm.users.set('user-of-rep-a', { userId: 'user-of-rep-a', ownerId: 'rep-a', name: null });
      const returned = await returnToMarketing(
        { db: db(), now: clock.now, enqueueFlush: async () => undefined, crmFor: async () => crm },
        t,
        { leadId: '1', userId: 'user-of-rep-a', reason: 'not_ready', requestId: 'return-1-abc' },
      );
      expect(returned).toMatchObject({ ok: true, state: { stage: 'recycled' } });
      // New engagement: the lead is an MQL again, and rep-a (next in the rotation) returned it.
      now = new Date(now.getTime() + DAY);
      crm.leads.set('1', mql('1', [{ type: 'demo_request', at: now }]));
      await webhooksThenDrain(t, crm, ['1']);
      expect((await loadLead(db(), t.id, '1'))?.state).toMatchObject({ stage: 'assigned', ownerId: 'rep-b' });
      now = MONDAY;
    });

    it('a card return fails closed: when the CRM cannot say who the user is, nothing changes (unavailable)', async () => {
      const t = await tenantWith({ routing: { mode: 'round_robin', reps: [{ id: 'rep-a' }] } });
      const crm = new MemoryCrm();
      crm.leads.set('1', mql('1'));
      await webhooksThenDrain(t, crm, ['1']);
      const down = Object.assign(Object.create(crm) as MemoryCrm, {
        portalUser: async () => Promise.reject(new Error('the CRM is down')),
      });
      const deps = {
        db: db(),
        now: clock.now,
        enqueueFlush: async () => undefined,
        crmFor: async () => down,
      };
      const input = { leadId: '1', userId: 'user-of-rep-a', reason: 'not_ready', requestId: 'return-down-1' };
      expect(await returnToMarketing(deps, t, input)).toMatchObject({
        ok: false,
        problem: { kind: 'crm_unavailable' },
      });
      // A CRM that does not answer (a call queued behind its rate limit): unavailable after the check's time limit,
      // well inside the 15 s HubSpot gives the card's request.
      const stuck = Object.assign(Object.create(crm) as MemoryCrm, {
        portalUser: () => new Promise<never>(() => undefined),
      });
      const started = performance.now();
      const slow = await returnToMarketing(
        { ...deps, crmFor: async () => stuck, userCheckTimeoutMs: 50 },
        t,
        input,
      );
      expect(slow).toMatchObject({ ok: false, problem: { kind: 'crm_unavailable' } });
      expect(performance.now() - started).toBeLessThan(2_000);
      // A user of the portal who is not the owner: refused, and the words fall back without a name.
      crm.users.set('user-of-rep-b', { userId: 'user-of-rep-b', ownerId: 'rep-b', name: null });
      const asB = await returnToMarketing({ ...deps, crmFor: async () => crm }, t, {
        ...input,
        userId: 'user-of-rep-b',
      });
      expect(asB).toEqual({
        ok: false,
        problem: {
          kind: 'forbidden',
          message:
            'Only the lead’s owner, their manager or a Baton admin of this portal can return this lead',
        },
      });
      expect((await loadLead(db(), t.id, '1'))?.state).toMatchObject({ stage: 'assigned', ownerId: 'rep-a' });
    });

    it('a lead whose SLA is breached goes to the next available rep when the policy says so', async () => {
      const t = await tenantWith({ routing: { mode: 'round_robin', reps: TEAM, reassignOnBreach: true } });
      const crm = new MemoryCrm();
      crm.leads.set('1', mql('1'));
      await webhooksThenDrain(t, crm, ['1']);
      expect(await owner(t, '1')).toBe('rep-a');
      now = new Date('2026-11-26T16:00:00Z'); // Thursday 11:00: past the 24-business-hour deadline (10:00)
      await sweepDueLeads(deps(), t);
      expect(await owner(t, '1')).toBe('rep-b');
      const causes = (await ledgerOfLead(db(), t.id, '1')).map((r) => r.cause);
      expect(causes.slice(-2)).toEqual(['sla_breach', 'reassigned']);
      now = MONDAY;
    });
  });

  describe('the measured sales cycle governs "stalled" on every path', () => {
    // Measured: leads stay accepted two days (median); stalled at twice that — not the 90-day fallback.
    const acceptedLead = async (t: Tenant, crm: MemoryCrm, id: string) => {
      crm.leads.set(id, { ...mql(id), ownerId: 'rep-a', ownerAssignedAt: now });
      await webhooksThenDrain(t, crm, [id]);
      crm.leads.set(id, { ...mql(id), ownerId: 'rep-a', ownerAssignedAt: now, lastTouchAt: now });
      await webhooksThenDrain(t, crm, [id]);
      expect((await loadLead(db(), t.id, id))?.state.stage).toBe('accepted');
      await writeCheckpoint(db(), t.id, MEASURED_CYCLE_CHECKPOINT, { accepted: 2 });
    };
    const timerOf = async (t: Tenant, id: string) =>
      (
        await db()
          .selectFrom('leads')
          .select('next_timer_at')
          .where('tenant_id', '=', t.id)
          .where('lead_id', '=', id)
          .executeTakeFirstOrThrow()
      ).next_timer_at;
    const stalledBy = new Date(MONDAY.getTime() + 4 * DAY);
    /** The CRM now reports a changed title: the path saves a decision for the accepted lead. */
    const retitled = (crm: MemoryCrm, id: string) => {
      const lead = crm.leads.get(id);
      if (lead) crm.leads.set(id, { ...lead, profile: { ...lead.profile, title: 'CRO' } });
    };

    it.each([
      [
        'the inbox drain (webhooks, change events)',
        (t: Tenant, crm: MemoryCrm) => webhooksThenDrain(t, crm, ['L']),
      ],
      ['reconciliation', (t: Tenant, crm: MemoryCrm) => reconcile(deps(), t, crm)],
      [
        'the initial sync (backfill)',
        async (t: Tenant, crm: MemoryCrm) => {
          await db()
            .deleteFrom('checkpoints')
            .where('tenant_id', '=', t.id)
            .where('name', '=', 'backfill')
            .execute();
          await runBackfill(deps(), t, crm);
        },
      ],
    ])('%s times an accepted lead by it', async (_path, run) => {
      const t = await tenantWith({});
      const crm = new MemoryCrm();
      await acceptedLead(t, crm, 'L');
      expect((await timerOf(t, 'L'))?.getTime()).toBeGreaterThan(stalledBy.getTime());
      retitled(crm, 'L');
      await run(t, crm);
      expect(await timerOf(t, 'L')).toEqual(stalledBy);
    });

    it.each([
      ['the SLA sweep', (t: Tenant) => sweepDueLeads(deps(), t)],
      ['the daily score recompute', (t: Tenant) => decayScores(deps(), t)],
    ])('%s recycles a lead accepted longer than twice the measured median', async (_path, run) => {
      const t = await tenantWith({});
      const crm = new MemoryCrm();
      await acceptedLead(t, crm, 'L');
      if (_path === 'the SLA sweep') {
        // The sweep visits leads whose timer is due: time them as any save now would.
        retitled(crm, 'L');
        await webhooksThenDrain(t, crm, ['L']);
      }
      now = new Date(MONDAY.getTime() + 5 * DAY);
      await run(t);
      const lead = await loadLead(db(), t.id, 'L');
      expect(lead?.state).toMatchObject({ stage: 'recycled', lastReason: 'stalled' });
      now = MONDAY;
    });
  });
});
