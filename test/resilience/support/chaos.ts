// SIGKILLs a Baton process at seeded random moments, and once at the worst moment on purpose (right after HubSpot
// answered a write Baton has not recorded yet), restarting it each time after a short outage.
import { createRandom, deriveSeed } from '../../../sandbox/hubspot/seededRandom.ts';
import type { BatonProcess } from './batonProcess.ts';
import type { World } from './world.ts';

export interface Kill {
  /** ms since the chaos started */
  at: number;
  process: string;
  why: string;
  /** how long it stayed down, and how long the restart took until ready */
  downMs: number;
  restartMs: number;
}

export class Chaos {
  readonly kills: Kill[] = [];
  private busy = false;
  private stopped = false;
  private readonly started = Date.now();
  private readonly pending = new Set<Promise<void>>();
  private readonly random;
  private readonly world: World;
  private readonly victim: () => BatonProcess;

  constructor(world: World, victim: () => BatonProcess, seed: number) {
    this.world = world;
    this.victim = victim;
    this.random = createRandom(deriveSeed(seed, 'chaos'));
  }

  /** SIGKILL now, stay down 0.2–1.5 s, start again (and wait until it is ready). Skipped while one is under way. */
  crash(why: string): Promise<void> {
    if (this.busy || this.stopped) return Promise.resolve();
    this.busy = true;
    const run = (async () => {
      const p = this.victim();
      const at = Date.now() - this.started;
      await p.kill();
      const downMs = 200 + Math.round(this.random.next() * 1300);
      await new Promise((r) => setTimeout(r, downMs));
      const t = Date.now();
      await p.start();
      this.kills.push({ at, process: p.env.name, why, downMs, restartMs: Date.now() - t });
    })().finally(() => {
      this.busy = false;
    });
    this.pending.add(run);
    void run.finally(() => this.pending.delete(run));
    return run;
  }

  /** Kills at seeded random moments: the first after `firstMs`, then every `gapMs` (± 40 %). */
  randomly(opts: { count: number; firstMs: number; gapMs: number }): Promise<void> {
    return (async () => {
      let next = opts.firstMs;
      for (let k = 0; k < opts.count && !this.stopped; k++) {
        const wait = this.started + next - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        await this.crash(`random #${k + 1}`);
        next += Math.round(opts.gapMs * (0.6 + 0.8 * this.random.next()));
      }
    })();
  }

  /**
   * Kills the victim at the first request matching `path` (after `afterMs`), once the portal has applied it and
   * just before the answer goes out: HubSpot made the change, the worker never learns that it did.
   */
  onRequest(path: RegExp, why: string, afterMs = 0): void {
    const server = this.world.running.server;
    let armed = true;
    // Before the sandbox's own handler, which may answer synchronously.
    server.prependListener('request', (req, res) => {
      if (!armed || this.busy || !path.test(req.url ?? '')) return;
      if (Date.now() - this.started < afterMs) return;
      armed = false;
      const end = res.end.bind(res) as (...args: unknown[]) => typeof res;
      res.end = ((...args: unknown[]) => {
        // crash() sends SIGKILL synchronously, before the answer is written.
        void this.crash(why);
        return end(...args);
      }) as typeof res.end;
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.pending]);
  }
}
