// Scale-out on PostgreSQL: 2 web processes behind a round-robin proxy and 3 worker processes play the one
// scenario. Every event is stored once and ends processed, tasks are created exactly once, one sweep per tenant
// runs at a time, the work does not all land on one worker and each worker alone keeps Baton going, and the CRM
// ends exactly as in the single-process reference run.
import { sql, type Kysely } from 'kysely';
import type { Tables } from '../../src/store/tables.ts';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JOBS } from '../../src/worker/catalog.ts';
import { diffSnapshots, snapshotCrm } from './support/crmSnapshot.ts';
import { referenceSnapshot } from './support/reference.ts';
import {
  describeDiff,
  MIN_EVENTS,
  playScenario,
  readStore,
  unfinished,
  taskMismatches,
  waitUntilDone,
} from './support/runs.ts';
import type { LogLine } from './support/batonProcess.ts';
import { worldPerTest, type World } from './support/world.ts';
import { hotContact } from '../support/sandboxLeads.ts';

const createWorld = worldPerTest();

interface JobRow {
  id: string;
  name: string;
  state: string;
  singleton_key: string | null;
  started_on: Date | null;
  completed_on: Date | null;
  retry_count: number;
}

/** How many jobs a process ran, from its 'stopped' log line; 0 when it has none. */
function jobsRunOf(line: LogLine | undefined): number {
  const jobs = z.record(z.string(), z.number()).parse(line?.['jobs'] ?? {});
  return Object.values(jobs).reduce((a, b) => a + b, 0);
}

/** Jobs some worker holds now (a paused worker holding one would make the others wait out its heartbeat). */
async function activeJobs(db: Kysely<Tables>): Promise<number> {
  const r = await sql<{
    n: number;
  }>`select count(*)::int as n from pgboss.job where state = 'active'`.execute(db);
  return r.rows[0]?.n ?? 0;
}

/**
 * Each worker alone keeps Baton going: with the other two paused (SIGSTOP), a new lead who asks for a demo is still
 * scored and written back as an MQL, so this worker took the drain and the flush from the shared queues. The queues
 * are idle first (no worker holds a job), then the others are paused, then the lead comes: a paused worker cannot
 * have taken the probe's jobs. Every paused worker is resumed, whatever happens. Returns how long each probe took.
 */
async function eachWorkerAlone(
  w: World,
  db: Kysely<Tables>,
): Promise<Array<{ name: string; ms: number | null }>> {
  const out: Array<{ name: string; ms: number | null }> = [];
  for (const [i, alone] of w.workers.entries()) {
    for (const until = Date.now() + 30_000; (await activeJobs(db)) > 0 && Date.now() < until;)
      await new Promise((r) => setTimeout(r, 100));
    const paused: number[] = [];
    const started = Date.now();
    try {
      for (const p of w.workers) {
        if (p === alone || !p.pid) continue;
        process.kill(p.pid, 'SIGSTOP');
        paused.push(p.pid);
      }
      const lead = hotContact(w.portal, 900_000 + i);
      let ms: number | null = null;
      // Up to two minutes: a job a paused worker took in the instant before the pause waits out its heartbeat.
      while (Date.now() - started < 120_000) {
        await w.sandbox.flushWebhooks();
        if (w.portal.contact(lead)?.properties['baton_stage'] === 'mql') {
          ms = Date.now() - started;
          break;
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      out.push({ name: alone.env.name, ms });
    } finally {
      for (const pid of paused) {
        try {
          process.kill(pid, 'SIGCONT');
        } catch {
          // Gone already: nothing to resume (the exit-code checks below say so).
        }
      }
    }
  }
  return out;
}

const TENANT_JOBS = [JOBS.drainInbox, JOBS.flushEffects, JOBS.sweepDue];
const WORK_LOGS = ['inbox drained', 'effects flushed', 'sla sweep'];

/** Pairs of runs of one job kind for one tenant that overlapped in time. */
function overlaps(jobs: readonly JobRow[]): string[] {
  const out: string[] = [];
  const byKey = new Map<string, JobRow[]>();
  for (const j of jobs) {
    if (!j.started_on || !j.completed_on) continue;
    const key = `${j.name}/${j.singleton_key ?? ''}`;
    byKey.set(key, [...(byKey.get(key) ?? []), j]);
  }
  for (const [key, runs] of byKey) {
    const sorted = runs.toSorted((a, b) => Number(a.started_on) - Number(b.started_on));
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1] as JobRow;
      const cur = sorted[i] as JobRow;
      if (Number(cur.started_on) < Number(prev.completed_on)) out.push(`${key}: ${prev.id} and ${cur.id}`);
    }
  }
  return out;
}

describe('scale-out on PostgreSQL', () => {
  it('2 web and 3 worker processes: every event handled once, one sweep per tenant at a time, same end state', async () => {
    const reference = await referenceSnapshot();
    const w = await createWorld({ engine: 'postgres', layout: { webs: 2, workers: 3 } });
    await w.startAll();
    await w.install();
    const db = await w.db();

    const drive = await playScenario(w, { createPerSecond: 40 });
    const snap = await waitUntilDone(w, {
      done: (s) => diffSnapshots(s, reference).count === 0,
      timeoutMs: 300_000,
      describe: () => describeDiff(snapshotCrm(w.portal), reference),
    });
    const jobs = await sql<JobRow>`
      select id, name, state, singleton_key, started_on, completed_on, retry_count from pgboss.job
      where name = any(${TENANT_JOBS})`.execute(db);
    const store = await readStore(w);
    const events = w.webhookEvents();
    const alone = await eachWorkerAlone(w, db);
    const stop = await w.stopAll();
    const work = w.workers.map((p) => ({
      name: p.env.name,
      // Jobs that changed something (logged as they finish)…
      worked: p.logs.filter((l) => WORK_LOGS.includes(l.msg ?? '')).length,
      // …and every job the process took from the shared queues (its last line on a graceful stop).
      ran: jobsRunOf(p.logs.find((l) => l.msg === 'stopped')),
    }));
    process.stdout.write(
      `\n${JSON.stringify({ test: 'scale-out', events, drive, work, alone, forwarded: [...w.forwarded], stop, store: { ...store, taskEffects: store.taskEffects.size } })}\n`,
    );

    expect(events.notBatons).toBeGreaterThanOrEqual(MIN_EVENTS);
    expect(diffSnapshots(snap, reference).count).toBe(0);
    // Handled once: nothing left pending or failed, every decided task is exactly one CRM task.
    expect(unfinished(store)).toEqual([]);
    expect(taskMismatches(w, store)).toEqual([]);
    // One run of each tenant job (sweep included) at a time, across all workers.
    expect(
      jobs.rows.filter((j) => j.name === JOBS.sweepDue && j.state === 'completed').length,
    ).toBeGreaterThan(0);
    expect(overlaps(jobs.rows)).toEqual([]);
    // The load spread: each worker alone takes the shared queues' jobs, and the jobs that changed things during the
    // run did not all land on one worker; both web processes took requests. (One tenant's drain, flush and sweep
    // are singletons, a few dozen in a run, so which worker wins each is chance: a CI run once saw the third worker
    // win none of them. Pausing the others makes "every worker takes work" a fact, not a draw.)
    for (const p of alone) expect(p.ms, `${p.name} alone`).not.toBeNull();
    expect(work.filter((p) => p.worked > 0).length).toBeGreaterThanOrEqual(2);
    expect(w.forwarded.size).toBe(2);
    for (const n of w.forwarded.values()) expect(n).toBeGreaterThan(100);
    expect(stop.every((s) => s.code === 0)).toBe(true);
    for (const p of w.processes) expect(p.errors(), p.env.name).toEqual([]);
  });
});
