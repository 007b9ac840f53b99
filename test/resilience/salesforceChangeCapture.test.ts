// Salesforce change capture over the Pub/Sub API under crashes: demo requests arrive in the sandbox org while the
// worker (the process holding the Subscribe streams) is SIGKILLed at seeded moments and restarted. Every change
// event the org published that was not Baton's own must be in Baton's inbox exactly once (nothing lost, nothing
// twice — the reconciliation never writes the inbox, so it cannot hide a lost event), and each lead's hand-over is
// decided once.
import { describe, expect, it } from 'vitest';
import { channelsBehind } from '../../scripts/demo/changeEventsStored.ts';
import {
  CHANGE_CHANNELS,
  changeEventMessageSchema,
  isOwnChange,
  mapChangeEvent,
} from '../../src/crm/salesforce/changeEvents.ts';
import { demoRequestFields } from '../support/sandboxLeads.ts';
import { SEED } from './support/runs.ts';
import { worldPerTest } from './support/world.ts';

const createWorld = worldPerTest();
const LEADS = 36;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A seeded stream of numbers in [0, 1) (mulberry32), so every run kills at the same moments. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

async function waitFor(what: string, check: () => Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

describe('Salesforce change capture under crashes', () => {
  it('SIGKILLs of the worker mid-stream lose no change event and store none twice', async () => {
    const w = await createWorld({ engine: 'postgres', layout: { webs: 1, workers: 1 }, salesforce: true });
    await w.startAll();
    await w.connectOrg();
    const sf = w.salesforce;
    if (!sf) throw new Error('the world has an org');
    const org = sf.bootstrapped.org;
    const tenantId = `salesforce-${org.id}`;
    const db = await w.db();
    const worker = w.workers[0];
    if (!worker) throw new Error('the world has a worker');

    // Subscribed: every topic has a stored position (the first keepalive's latest replay id).
    const positions = async () =>
      (
        await db
          .selectFrom('checkpoints')
          .select('name')
          .where('tenant_id', '=', tenantId)
          .where('name', 'like', 'salesforce.pubsub:%')
          .execute()
      ).length;
    await waitFor('the subscriptions', async () => (await positions()) === CHANGE_CHANNELS.length, 60_000);

    const random = seeded(SEED + 7);
    const created: string[] = [];
    for (let n = 0; n < LEADS; n++) {
      const lead = org.createLead(demoRequestFields(n), {
        assign: true,
        userId: sf.bootstrapped.marketingUser.id,
      });
      created.push(lead.id);
      // About one lead in ten kills the worker mid-stream; leads keep arriving while it is down.
      if (random() < 0.1 || n === Math.floor(LEADS / 2)) {
        await worker.kill();
        await sleep(200 + Math.floor(random() * 800));
        await worker.start();
      }
      await sleep(100 + Math.floor(random() * 200));
    }
    expect(worker.starts).toBeGreaterThanOrEqual(6); // the seed kills it 10 times

    // Caught up: every topic's stored position reached the org's newest event, nothing pending.
    let calm = 0;
    await waitFor(
      'Baton to catch up',
      async () => {
        const behind = await channelsBehind(db, tenantId, org);
        const pending = await db
          .selectFrom('inbox')
          .select('id')
          .where('tenant_id', '=', tenantId)
          .where('status', '=', 'pending')
          .execute();
        const effects = await db
          .selectFrom('effects')
          .select('key')
          .where('tenant_id', '=', tenantId)
          .where('status', '=', 'pending')
          .execute();
        calm = behind.length === 0 && pending.length === 0 && effects.length === 0 ? calm + 1 : 0;
        return calm >= 4;
      },
      180_000,
    );

    // What the org published for Baton, as the dedupe keys Baton files each change under.
    const expected = new Set<string>();
    for (const channel of CHANGE_CHANNELS) {
      for (const e of org.changeEvents.events(channel)) {
        const message = changeEventMessageSchema.parse({
          payload: e.message.payload,
          event: { replayId: String(e.replayId) },
        });
        if (isOwnChange(message.payload.ChangeEventHeader.changeOrigin)) continue;
        for (const c of mapChangeEvent(message).changes) expected.add(c.dedupeKey);
      }
    }
    expect(org.changeEvents.dropped).toEqual([]);
    const stored = (
      await db
        .selectFrom('inbox')
        .select(['dedupe_key', 'lead_id'])
        .where('tenant_id', '=', tenantId)
        .where('source', '=', 'salesforce.cdc')
        .execute()
    ).map((r) => r.dedupe_key);
    expect(new Set(stored).size).toBe(stored.length);
    expect([...expected].filter((k) => !stored.includes(k))).toEqual([]); // nothing lost
    expect(stored.filter((k) => !expected.has(k))).toEqual([]); // nothing Baton was not sent

    // Each lead handed over once: one 'assigned' decision per lead, none twice.
    const assigned = await db
      .selectFrom('ledger')
      .select(['lead_id'])
      .where('tenant_id', '=', tenantId)
      .where('cause', '=', 'assigned')
      .execute();
    const perLead = new Map<string, number>();
    for (const r of assigned) perLead.set(r.lead_id, (perLead.get(r.lead_id) ?? 0) + 1);
    expect(created.filter((id) => perLead.get(id) !== 1)).toEqual([]);
  });
});
