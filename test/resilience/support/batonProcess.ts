// Baton as separate OS processes (web, worker, or both) against a sandbox portal running in the test process,
// configured through the environment exactly as in production (`node src/main.ts`) — so they can be killed,
// restarted and scaled out. Logs are JSON lines at level info: readiness and the job timeline are read from them.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(import.meta.dirname, '..', '..', '..');
/** The project's pinned Node 24 (the system Node may be older). */
const NODE = join(ROOT, 'node_modules', '.bin', 'node');

export interface BatonEnv {
  name: string;
  port: number;
  role: 'all' | 'web' | 'worker';
  database: { pgliteDir: string } | { url: string };
  hubspot: {
    clientId: string;
    clientSecret: string;
    appId: string;
    apiBaseUrl: string;
    authorizeUrl: string;
  };
  /** Baton's connected app in the sandbox org, when the world has one. */
  salesforce?: { clientId: string; clientSecret: string; loginUrl: string; pubSubUrl: string };
  publicUrl: string;
  opsToken: string;
  /** base64 of 32 bytes */
  encryptionKey: string;
  /** BATON_CRM_TIMEOUT_MS, when set. */
  crmTimeoutMs?: number;
}

export interface LogLine {
  level: number;
  time: number;
  msg?: string;
  /** Which start of this process wrote it (1, 2, … after restarts). */
  run: number;
  [key: string]: unknown;
}

const MAX_LINES = 20_000;

export class BatonProcess {
  readonly env: BatonEnv;
  private child: ChildProcess | null = null;
  /** Parsed JSON log lines of every run of this process (all restarts), oldest first (bounded). */
  readonly logs: LogLine[] = [];
  /** Whatever was not a JSON line (stack traces, Node warnings), for failure messages. */
  private raw = '';
  starts = 0;
  private exited: Promise<void> = Promise.resolve();

  constructor(env: BatonEnv) {
    this.env = env;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Recent output, for assertion messages. */
  tail(lines = 40): string {
    const json = this.logs.slice(-lines).map((l) => JSON.stringify(l));
    return `${this.env.name}:\n${json.join('\n')}\n${this.raw.slice(-3000)}`;
  }

  async start(): Promise<void> {
    if (this.running) throw new Error(`${this.env.name} is already running`);
    const e = this.env;
    const child = spawn(NODE, ['src/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env['PATH'] ?? '',
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
        PORT: String(e.port),
        BATON_ROLE: e.role,
        BATON_PUBLIC_URL: e.publicUrl,
        BATON_OPS_TOKEN: e.opsToken,
        BATON_ENCRYPTION_KEYS: `1:${e.encryptionKey}`,
        HUBSPOT_CLIENT_ID: e.hubspot.clientId,
        HUBSPOT_CLIENT_SECRET: e.hubspot.clientSecret,
        HUBSPOT_APP_ID: e.hubspot.appId,
        HUBSPOT_API_BASE_URL: e.hubspot.apiBaseUrl,
        HUBSPOT_AUTHORIZE_URL: e.hubspot.authorizeUrl,
        ...(e.crmTimeoutMs !== undefined && { BATON_CRM_TIMEOUT_MS: String(e.crmTimeoutMs) }),
        ...(e.salesforce && {
          SALESFORCE_CLIENT_ID: e.salesforce.clientId,
          SALESFORCE_CLIENT_SECRET: e.salesforce.clientSecret,
          SALESFORCE_LOGIN_URL: e.salesforce.loginUrl,
          SALESFORCE_PUBSUB_URL: e.salesforce.pubSubUrl,
        }),
        ...('url' in e.database
          ? { DATABASE_URL: e.database.url }
          : { PGLITE_DATA_DIR: e.database.pgliteDir }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run = ++this.starts;
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      try {
        const parsed = JSON.parse(line) as LogLine;
        this.logs.push({ ...parsed, run });
        if (this.logs.length > MAX_LINES) this.logs.splice(0, this.logs.length - MAX_LINES);
      } catch {
        this.raw = (this.raw + line + '\n').slice(-20_000);
      }
    });
    child.stderr.on('data', (d: Buffer) => (this.raw = (this.raw + d.toString()).slice(-20_000)));
    this.child = child;
    this.exited = once(child, 'exit').then(() => undefined);
    await this.ready(this.starts);
  }

  /**
   * Ready when what the role serves is up: a web process answers /readyz (database migrated); a worker has
   * logged "worker started" (its queues are being worked); role all needs both.
   */
  private async ready(run: number, timeoutMs = 90_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    const workerUp = () => this.logs.some((l) => l.run === run && l.msg === 'worker started');
    const webUp = () =>
      fetch(`http://127.0.0.1:${this.env.port}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
    while (Date.now() < until) {
      if (!this.running) throw new Error(`Baton exited while starting:\n${this.tail()}`);
      const worker = this.env.role === 'web' || workerUp();
      const web = this.env.role === 'worker' || (await webUp());
      if (worker && web) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`Baton did not become ready within ${timeoutMs} ms:\n${this.tail()}`);
  }

  /** SIGKILL: no cleanup at all, as when a machine dies. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM: the graceful path. Resolves with the exit code and how long it took. */
  async terminate(timeoutMs = 60_000): Promise<{ code: number | null; signal: string | null; ms: number }> {
    const child = this.child;
    if (!child || !this.running)
      return { code: child?.exitCode ?? null, signal: child?.signalCode ?? null, ms: 0 };
    const started = Date.now();
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    await this.exited;
    clearTimeout(timer);
    return { code: child.exitCode, signal: child.signalCode, ms: Date.now() - started };
  }

  /** Log lines with this message, from every run. */
  lines(msg: string): LogLine[] {
    return this.logs.filter((l) => l.msg === msg);
  }

  /** Errors Baton logged (level ≥ 50), from every run. */
  errors(): LogLine[] {
    return this.logs.filter((l) => l.level >= 50);
  }
}
