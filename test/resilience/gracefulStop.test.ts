// SIGTERM (a deploy, a scale-down) on the only worker while it runs a job against a slow portal: the worker stops
// taking jobs, lets the running one finish, and exits 0; the job is completed, not failed and retried; after the
// restart the rest of the work is done. On PostgreSQL, web and worker apart.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { readStore, unfinished } from './support/runs.ts';
import { worldPerTest } from './support/world.ts';

const createWorld = worldPerTest();

const CONTACTS = 60;

describe('graceful stop', () => {
  it('SIGTERM waits for the running job, exits 0, and nothing is redone', async () => {
    const w = await createWorld({ engine: 'postgres', layout: { webs: 1, workers: 1 } });
    await w.startAll();
    await w.install();
    const db = await w.db();
    const worker = w.workers[0];
    if (!worker) throw new Error('no worker');

    // Every CRM call takes 400 ms: a drain or flush of 60 leads runs for seconds.
    w.setFaults({ latency: { fixedMs: 400 } });
    const ids = Array.from({ length: CONTACTS }, (_, n) => {
      const c = w.portal.createContact(
        {
          email: `drain${n}@northwind${n}.example`,
          jobtitle: 'VP Sales',
          numemployees: '800',
          industry: 'software',
          country: 'United States',
        },
        { source: 'FORM' },
      );
      w.portal.submitForm(c.id, { name: 'Request a demo', at: Date.now() });
      return c.id;
    });
    await w.sandbox.flushWebhooks();

    const until = Date.now() + 60_000;
    let active: Array<{ id: string; name: string }> = [];
    while (active.length === 0 && Date.now() < until) {
      active = (
        await sql<{
          id: string;
          name: string;
        }>`select id, name from pgboss.job where state = 'active'`.execute(db)
      ).rows.filter((j) => !j.name.startsWith('__'));
      if (active.length === 0) await new Promise((r) => setTimeout(r, 20));
    }
    expect(active.length).toBeGreaterThan(0);
    const stopped = await worker.terminate();
    const jobs = (
      await sql<{ id: string; state: string; retry_count: number }>`
        select id, state, retry_count from pgboss.job where id = any(${active.map((j) => j.id)})`.execute(db)
    ).rows;
    process.stdout.write(`\n${JSON.stringify({ test: 'graceful stop', active, stopped, jobs })}\n`);

    expect(stopped).toMatchObject({ code: 0, signal: null });
    // It waited for the job (calls of 400 ms each), well within the 20 s grace.
    expect(stopped.ms).toBeGreaterThan(400);
    expect(stopped.ms).toBeLessThan(25_000);
    expect(jobs.map((j) => ({ state: j.state, retries: j.retry_count }))).toEqual(
      active.map(() => ({ state: 'completed', retries: 0 })),
    );
    expect(worker.lines('shutting down')).toHaveLength(1);
    expect(worker.errors()).toEqual([]);

    // Back up: the rest of the work is done, each lead an MQL once.
    w.setFaults({ latency: { fixedMs: 0 } });
    await worker.start();
    const done = Date.now() + 120_000;
    const mql = () => ids.filter((id) => w.portal.contact(id)?.properties['baton_stage'] === 'mql').length;
    const left = async () => unfinished(await readStore(w)).length;
    while ((mql() < CONTACTS || (await left()) > 0) && Date.now() < done)
      await new Promise((r) => setTimeout(r, 250));
    expect(mql()).toBe(CONTACTS);
    expect(await left()).toBe(0);
  });
});
