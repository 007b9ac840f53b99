// Client-side rate limits: one limiter per (tenant, API family), sized from the CRM's published limits (each CRM
// module's limits.ts) so Baton stays under them instead of bouncing off them. Requests are spaced evenly
// (minTime), which keeps any rolling window under its cap.
import Bottleneck from 'bottleneck';

export interface FamilyLimit {
  perWindow: number;
  windowMs: number;
  maxConcurrent: number;
}

export type LimitProfile = Readonly<Record<string, FamilyLimit>>;

/** Keep a little headroom for clock skew between us and the CRM. */
const HEADROOM = 0.98;

export class LimiterRegistry {
  private readonly limiters = new Map<string, Bottleneck>();
  private readonly profile: LimitProfile;

  constructor(profile: LimitProfile) {
    this.profile = profile;
  }

  for(tenantId: string, family: string): Bottleneck {
    const key = `${tenantId}\u0000${family}`;
    let limiter = this.limiters.get(key);
    if (!limiter) {
      const limit = this.profile[family];
      if (!limit) throw new Error(`No rate limit profile for API family "${family}"`);
      limiter = new Bottleneck({
        maxConcurrent: limit.maxConcurrent,
        minTime: Math.ceil(limit.windowMs / (limit.perWindow * HEADROOM)),
      });
      this.limiters.set(key, limiter);
    }
    return limiter;
  }

  /** Requests waiting for a slot, per tenant (the ops view's "rate-limit waits"). */
  queued(tenantId: string): number {
    let n = 0;
    for (const [key, limiter] of this.limiters)
      if (key.startsWith(`${tenantId}\u0000`)) n += limiter.counts().QUEUED;
    return n;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.limiters.values()].map((l) => l.stop({ dropWaitingJobs: false })));
    this.limiters.clear();
  }
}
