import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import { decide } from '../domain/decide/decide.ts';
import type { Decision } from '../domain/decide/draft.ts';
import { newLeadState } from '../domain/decide/leadState.ts';
import { nextTimerAt } from '../domain/decide/nextTimer.ts';
import { defaultPolicy } from '../domain/policy/schema.ts';
import { ENGINES, type OpenedEngine } from '../../test/support/engines.ts';
import { Cipher } from './cipher.ts';
import { deleteCredentials, loadCredentials, saveCredentials } from './credentials.ts';
import { isMigrated, migrate } from './database.ts';
import { markEffectsApplied, markEffectsFailed, pendingEffects, reviveEffects } from './effects.ts';
import { acceptIntoInbox, pendingInbox, settleInbox } from './inbox.ts';
import { dueLeads, erasePersonalData, loadLead, openLeadsByOwner, saveDecision, StaleLead } from './leads.ts';
import { ledgerOfLead } from './ledger.ts';
import { querySyncLog, recordSync } from './syncLog.ts';
import { connectTenant, getTenant, savePolicy, setTenantStatus } from './tenants.ts';
import { readCheckpoint, writeCheckpoint } from './checkpoints.ts';

const policy = defaultPolicy();
const T0 = new Date('2026-11-20T19:00:00Z'); // a Friday, 14:00 in New York
const key = (version: number) => ({ version, key: randomBytes(32) });

function mqlAndAssign(leadId: string): Decision[] {
  const first = decide(
    newLeadState(leadId, T0),
    {
      kind: 'observed',
      at: T0,
      profile: { email: `${leadId}@acme.io`, title: 'VP Sales', employees: 800 },
      engagement: [{ type: 'demo_request', at: T0 }],
    },
    { policy, now: T0, measuredCycle: {} },
  );
  if (!first.ok) throw new Error('unexpected');
  const second = decide(
    first.decision.state,
    { kind: 'owner_changed', at: T0, ownerId: 'rep-1', actor: { kind: 'crm' } },
    { policy, now: T0, measuredCycle: {} },
  );
  if (!second.ok) throw new Error('unexpected');
  return [first.decision, second.decision];
}

describe.each(ENGINES)('store on $name', (engine) => {
  let e: OpenedEngine;
  const db = () => e.database.db;
  let tenantId: string;

  beforeAll(async () => {
    e = await engine.open();
    tenantId = (await connectTenant(db(), { crm: 'hubspot', externalId: '1001', name: 'Acme' })).id;
  });
  afterAll(() => e.cleanup());

  it('is migrated, and migrating again changes nothing', async () => {
    expect(await isMigrated(db())).toBe(true);
    expect(await migrate(db())).toEqual([]);
  });

  describe('tenants', () => {
    it('reconnecting a tenant reactivates it and keeps its policy', async () => {
      const saved = await savePolicy(db(), tenantId, { sla: { firstTouchHours: 8, autoRecycleHours: 40 } });
      expect(saved.ok).toBe(true);
      await setTenantStatus(db(), tenantId, 'disconnected');
      const again = await connectTenant(db(), { crm: 'hubspot', externalId: '1001', name: 'Acme Inc' });
      expect(again.id).toBe(tenantId);
      expect(again.status).toBe('connected');
      expect(again.name).toBe('Acme Inc');
      expect(again.policy.sla.firstTouchHours).toBe(8);
    });

    it('refuses an invalid policy, naming the field, and keeps the old one', async () => {
      const result = await savePolicy(db(), tenantId, { sla: { reminderAtPercent: 150 } });
      expect(result).toEqual({
        ok: false,
        problems: [expect.objectContaining({ field: 'sla.reminderAtPercent' })],
      });
      expect((await getTenant(db(), tenantId))?.policy.sla.firstTouchHours).toBe(8);
      for (const notSettings of [null, undefined, 'defaults', []])
        expect(await savePolicy(db(), tenantId, notSettings)).toEqual({
          ok: false,
          problems: [{ field: '(policy)', message: expect.any(String) }],
        });
      expect((await getTenant(db(), tenantId))?.policy.sla.firstTouchHours).toBe(8);
      await savePolicy(db(), tenantId, {});
    });
  });

  describe('credentials', () => {
    const tokens = z.object({ accessToken: z.string(), refreshToken: z.string() });
    const secret = { accessToken: 'access-SECRET-4711', refreshToken: 'refresh-SECRET-0815' };

    it('round-trips and is not readable in the raw table', async () => {
      const cipher = new Cipher([key(1)]);
      await saveCredentials(db(), cipher, tenantId, secret);
      expect(await loadCredentials(db(), cipher, tenantId, tokens)).toEqual(secret);
      const raw = await sql<{ dump: string }>`select row_to_json(c)::text as dump from credentials c`.execute(
        db(),
      );
      expect(raw.rows).toHaveLength(1);
      expect(raw.rows[0]?.dump).not.toContain('SECRET');
      expect(raw.rows[0]?.dump).not.toContain(Buffer.from('access-SECRET').toString('hex'));
    });

    it('cannot be opened with another key or as another tenant', async () => {
      const cipher = new Cipher([key(1)]);
      await saveCredentials(db(), cipher, tenantId, secret);
      await expect(loadCredentials(db(), new Cipher([key(1)]), tenantId, tokens)).rejects.toThrow();
      const other = (await connectTenant(db(), { crm: 'hubspot', externalId: '2002', name: 'Other' })).id;
      await sql`insert into credentials (tenant_id, key_version, iv, tag, ciphertext)
        select ${other}, key_version, iv, tag, ciphertext from credentials where tenant_id = ${tenantId}`.execute(
        db(),
      );
      await expect(loadCredentials(db(), cipher, other, tokens)).rejects.toThrow();
    });

    it('reads rows sealed with an older key after rotation, and seals new ones with the newest', async () => {
      const v1 = key(1);
      await saveCredentials(db(), new Cipher([v1]), tenantId, secret);
      const rotated = new Cipher([v1, key(2)]);
      expect(await loadCredentials(db(), rotated, tenantId, tokens)).toEqual(secret);
      await saveCredentials(db(), rotated, tenantId, secret);
      const row = await db()
        .selectFrom('credentials')
        .select('key_version')
        .where('tenant_id', '=', tenantId)
        .executeTakeFirst();
      expect(row?.key_version).toBe(2);
    });

    it('rejects stored credentials that do not match the expected shape', async () => {
      const cipher = new Cipher([key(1)]);
      await saveCredentials(db(), cipher, tenantId, { accessToken: 42 });
      await expect(loadCredentials(db(), cipher, tenantId, tokens)).rejects.toThrow();
      await deleteCredentials(db(), tenantId);
      expect(await loadCredentials(db(), cipher, tenantId, tokens)).toBeNull();
    });
  });

  describe('inbox', () => {
    it('stores one event once under concurrent deliveries', async () => {
      const deliveries = Array.from({ length: 25 }, () =>
        acceptIntoInbox(db(), {
          tenantId,
          source: 'hubspot',
          dedupeKey: 'evt-1',
          leadId: 'L1',
          payload: { n: 1 },
        }),
      );
      const outcomes = await Promise.all(deliveries);
      expect(outcomes.filter((o) => o.outcome === 'accepted')).toHaveLength(1);
      expect(outcomes.filter((o) => o.outcome === 'duplicate')).toHaveLength(24);
    });

    it('dedupes per tenant: the same event id in another portal is another event', async () => {
      const other = (await connectTenant(db(), { crm: 'hubspot', externalId: '3003', name: 'Third' })).id;
      const outcome = await acceptIntoInbox(db(), {
        tenantId: other,
        source: 'hubspot',
        dedupeKey: 'evt-1',
        leadId: null,
        payload: {},
      });
      expect(outcome.outcome).toBe('accepted');
    });

    it('hands out pending items in order and forgets settled ones', async () => {
      await acceptIntoInbox(db(), {
        tenantId,
        source: 'hubspot',
        dedupeKey: 'evt-2',
        leadId: 'L2',
        payload: { n: 2 },
      });
      const pending = await pendingInbox(db(), tenantId, 10);
      expect(pending.map((p) => p.dedupeKey)).toEqual(['evt-1', 'evt-2']);
      await settleInbox(
        db(),
        pending.map((p) => p.id),
        'processed',
      );
      expect(await pendingInbox(db(), tenantId, 10)).toEqual([]);
    });
  });

  describe('leads, ledger and the effect outbox', () => {
    it('saves a decision with its ledger rows and effects atomically', async () => {
      const [first, second] = mqlAndAssign('L-save');
      let version = await db()
        .transaction()
        .execute((tx) => saveDecision(tx, tenantId, first!, { expectedVersion: null, nextTimerAt: null }));
      expect(version).toBe(1);
      version = await db()
        .transaction()
        .execute((tx) =>
          saveDecision(tx, tenantId, second!, {
            expectedVersion: 1,
            nextTimerAt: nextTimerAt(second!.state, policy, T0, {}),
          }),
        );
      expect(version).toBe(2);
      const stored = await loadLead(db(), tenantId, 'L-save');
      expect(stored?.state).toEqual(second!.state);
      expect((await ledgerOfLead(db(), tenantId, 'L-save')).map((l) => `${l.from}>${l.to}`)).toEqual([
        'inquiry>mql',
        'mql>assigned',
      ]);
      const effects = await pendingEffects(db(), tenantId, { limit: 10 });
      expect(effects.filter((p) => p.effect.leadId === 'L-save').map((p) => p.effect)).toEqual([
        ...first!.effects,
        ...second!.effects,
      ]);
    });

    it('a transaction that fails leaves nothing behind', async () => {
      const [first] = mqlAndAssign('L-rollback');
      await expect(
        db()
          .transaction()
          .execute(async (tx) => {
            await saveDecision(tx, tenantId, first!, { expectedVersion: null, nextTimerAt: null });
            throw new Error('crash after the write');
          }),
      ).rejects.toThrow('crash after the write');
      expect(await loadLead(db(), tenantId, 'L-rollback')).toBeNull();
      expect(await ledgerOfLead(db(), tenantId, 'L-rollback')).toEqual([]);
      const effects = await pendingEffects(db(), tenantId, { limit: 100 });
      expect(effects.filter((p) => p.effect.leadId === 'L-rollback')).toEqual([]);
    });

    it('refuses a decision made on a stale version', async () => {
      const [first, second] = mqlAndAssign('L-stale');
      await db()
        .transaction()
        .execute((tx) => saveDecision(tx, tenantId, first!, { expectedVersion: null, nextTimerAt: null }));
      await expect(
        db()
          .transaction()
          .execute((tx) => saveDecision(tx, tenantId, first!, { expectedVersion: null, nextTimerAt: null })),
      ).rejects.toBeInstanceOf(StaleLead);
      await db()
        .transaction()
        .execute((tx) => saveDecision(tx, tenantId, second!, { expectedVersion: 1, nextTimerAt: null }));
      await expect(
        db()
          .transaction()
          .execute((tx) => saveDecision(tx, tenantId, second!, { expectedVersion: 1, nextTimerAt: null })),
      ).rejects.toBeInstanceOf(StaleLead);
      expect((await ledgerOfLead(db(), tenantId, 'L-stale')).length).toBe(2);
    });

    it('the sweep query returns only due leads, oldest first', async () => {
      const [first] = mqlAndAssign('L-due-a');
      const at = (iso: string) => new Date(iso);
      const save = (leadId: string, timer: Date | null) =>
        db()
          .transaction()
          .execute((tx) =>
            saveDecision(
              tx,
              tenantId,
              { ...first!, state: { ...first!.state, leadId }, ledger: [], effects: [] },
              {
                expectedVersion: null,
                nextTimerAt: timer,
              },
            ),
          );
      await save('L-due-a', at('2026-11-21T10:00:00Z'));
      await save('L-due-b', at('2026-11-21T09:00:00Z'));
      await save('L-due-c', at('2026-11-23T09:00:00Z'));
      await save('L-due-d', null);
      const due = await dueLeads(db(), { now: at('2026-11-22T00:00:00Z'), limit: 10, tenantId });
      expect(due.map((d) => d.leadId)).toEqual(['L-due-b', 'L-due-a']);
    });

    it('counts open assigned leads per owner', async () => {
      const open = await openLeadsByOwner(db(), tenantId);
      expect(open['rep-1']).toBeGreaterThanOrEqual(1);
    });

    it('effects: applied ones leave the outbox, failed ones stay or are dead-lettered and can be revived', async () => {
      const [, second] = mqlAndAssign('L-effects');
      await db()
        .transaction()
        .execute((tx) => saveDecision(tx, tenantId, second!, { expectedVersion: null, nextTimerAt: null }));
      const mine = async () =>
        (await pendingEffects(db(), tenantId, { limit: 100 })).filter((p) => p.effect.leadId === 'L-effects');
      const [effect] = await mine();
      expect(effect).toBeDefined();
      await markEffectsFailed(db(), tenantId, [effect!.effect.key], 'HTTP 503', { dead: false });
      expect((await mine())[0]?.attempts).toBe(1);
      await markEffectsFailed(db(), tenantId, [effect!.effect.key], 'HTTP 400 property does not exist', {
        dead: true,
      });
      expect(await mine()).toEqual([]);
      expect(await reviveEffects(db(), tenantId, [effect!.effect.key])).toBe(1);
      expect((await mine()).map((p) => p.effect.key)).toEqual([effect!.effect.key]);
      await markEffectsApplied(db(), tenantId, [effect!.effect.key], new Date());
      expect(await mine()).toEqual([]);
    });

    it('the ledger is append-only; a privacy deletion anonymises it and erases the person', async () => {
      await expect(sql`delete from ledger where lead_id = 'L-save'`.execute(db())).rejects.toThrow(
        /append-only/,
      );
      await expect(
        sql`update ledger set cause = 'closed_won' where lead_id = 'L-save'`.execute(db()),
      ).rejects.toThrow(/append-only/);
      await acceptIntoInbox(db(), {
        tenantId,
        source: 'hubspot',
        dedupeKey: 'evt-pii',
        leadId: 'L-save',
        payload: { email: 'x@y.z' },
      });
      await db()
        .transaction()
        .execute((tx) => erasePersonalData(tx, tenantId, 'L-save', 'anon-1'));
      expect(await loadLead(db(), tenantId, 'L-save')).toBeNull();
      expect(await ledgerOfLead(db(), tenantId, 'L-save')).toEqual([]);
      expect((await ledgerOfLead(db(), tenantId, 'anon-1')).map((l) => l.to)).toEqual(['mql', 'assigned']);
      const inbox = await db()
        .selectFrom('inbox')
        .select('payload')
        .where('dedupe_key', '=', 'evt-pii')
        .executeTakeFirst();
      expect(JSON.stringify(inbox?.payload)).not.toContain('x@y.z');
    });
  });

  describe('sync log and checkpoints', () => {
    it('records calls and filters by tenant, record and status', async () => {
      await recordSync(db(), [
        {
          tenantId,
          direction: 'outbound',
          operation: 'contacts.batch.update',
          recordIds: ['L1', 'L2'],
          status: 'ok',
          latencyMs: 81.6,
        },
        {
          tenantId,
          direction: 'outbound',
          operation: 'lists.add',
          recordIds: ['L2'],
          status: 'error',
          httpStatus: 429,
          attempt: 2,
          errorKind: 'rate_limited',
          message: 'TEN_SECONDLY_ROLLING',
        },
      ]);
      const forL2 = await querySyncLog(db(), { tenantId, recordId: 'L2', limit: 10 });
      expect(forL2.map((r) => r.operation)).toEqual(['lists.add', 'contacts.batch.update']);
      const errors = await querySyncLog(db(), { tenantId, status: 'error', limit: 10 });
      expect(errors).toEqual([
        expect.objectContaining({
          httpStatus: 429,
          attempt: 2,
          errorKind: 'rate_limited',
          recordIds: ['L2'],
        }),
      ]);
      expect(forL2[1]?.latencyMs).toBe(82);
    });

    it('keeps checkpoints per tenant and validates them on read', async () => {
      const shape = z.object({ after: z.string() });
      expect(await readCheckpoint(db(), tenantId, 'backfill', shape)).toBeNull();
      await writeCheckpoint(db(), tenantId, 'backfill', { after: '100' });
      await writeCheckpoint(db(), tenantId, 'backfill', { after: '200' });
      expect(await readCheckpoint(db(), tenantId, 'backfill', shape)).toEqual({ after: '200' });
      await expect(
        readCheckpoint(db(), tenantId, 'backfill', z.object({ page: z.number() })),
      ).rejects.toThrow();
    });
  });
});
