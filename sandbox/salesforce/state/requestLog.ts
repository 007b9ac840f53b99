// Every request the sandbox answered: for tests ("did Baton send Sforce-Auto-Assign: FALSE?"), the demo's
// API-budget view and benchmarks. Bounded so long runs do not grow without end.

export interface LoggedRequest {
  id: number;
  method: string;
  path: string;
  query: string;
  orgId?: string;
  userId?: string;
  /** The client name from Sforce-Call-Options. */
  client?: string;
  /** The Sforce-Auto-Assign header as sent (absent means TRUE). */
  autoAssign?: string;
  status: number;
  /** Sandbox-clock time the request arrived. */
  at: number;
  /** Real milliseconds spent answering (injected latency included). */
  durationMs: number;
  /** Records the body carried (collections: the records; single records: 1). */
  records: number;
  /** What the sandbox did besides answering: 'fault:503', 'fault:timeout', 'limit_exceeded', ... */
  note?: string;
}

export interface RequestFilter {
  orgId?: string;
  method?: string;
  path?: string | RegExp;
  status?: number;
}

export class RequestLog {
  private readonly entries: LoggedRequest[] = [];
  private readonly limit: number;
  private seq = 0;

  constructor(limit: number) {
    this.limit = limit;
  }

  add(entry: Omit<LoggedRequest, 'id'>): LoggedRequest {
    const logged = { ...entry, id: ++this.seq };
    this.entries.push(logged);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
    return logged;
  }

  all(filter: RequestFilter = {}): LoggedRequest[] {
    return this.entries.filter(
      (e) =>
        (filter.orgId === undefined || e.orgId === filter.orgId) &&
        (filter.method === undefined || e.method === filter.method) &&
        (filter.status === undefined || e.status === filter.status) &&
        (filter.path === undefined ||
          (typeof filter.path === 'string' ? e.path === filter.path : filter.path.test(e.path))),
    );
  }

  clear(): void {
    this.entries.length = 0;
  }
}

/** How many records a request body carries. */
export function countRecords(body: unknown): number {
  if (Array.isArray(body)) return body.length; // a Bayeux batch: its messages
  if (typeof body !== 'object' || body === null) return 0;
  const records = (body as { records?: unknown }).records;
  return Array.isArray(records) ? records.length : 1;
}
