// Every request the sandbox answered: for tests ("did Baton batch?"), the demo's API-budget view and
// benchmarks. Bounded so long runs do not grow without end.

export interface LoggedRequest {
  id: number;
  method: string;
  path: string;
  query: string;
  portalId?: number;
  appId?: number;
  status: number;
  /** Sandbox-clock time the request arrived. */
  at: number;
  /** Real milliseconds spent answering (injected latency included). */
  durationMs: number;
  /** Records the body carried: batch inputs, list ids, or 1 for a single record. */
  records: number;
  /** What the sandbox did to it besides answering: 'rate_limited', 'fault:502', 'fault:timeout', ... */
  note?: string;
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

  all(
    filter: { portalId?: number; method?: string; path?: string | RegExp; status?: number } = {},
  ): LoggedRequest[] {
    return this.entries.filter(
      (e) =>
        (filter.portalId === undefined || e.portalId === filter.portalId) &&
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
  if (Array.isArray(body)) return body.length;
  if (typeof body !== 'object' || body === null) return 0;
  const b = body as {
    inputs?: unknown;
    recordIdsToAdd?: unknown;
    recordIdsToRemove?: unknown;
    properties?: unknown;
  };
  if (Array.isArray(b.inputs)) return b.inputs.length;
  const listIds = [b.recordIdsToAdd, b.recordIdsToRemove]
    .filter(Array.isArray)
    .reduce((n: number, a: unknown[]) => n + a.length, 0);
  if (listIds > 0) return listIds;
  return b.properties !== undefined ? 1 : 0;
}
