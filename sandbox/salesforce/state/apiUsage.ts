// The org's daily API request allocation over a rolling 24 hours (sandbox clock), counted in one-minute
// buckets. Every REST call counts; once the allocation is used up calls are refused with
// REQUEST_LIMIT_EXCEEDED (and do not count).

const DAY_MS = 86_400_000;
const BUCKET_MS = 60_000;

export class ApiUsage {
  limit: number;
  private readonly buckets = new Map<number, number>();

  constructor(limit: number) {
    this.limit = limit;
  }

  used(now: number): number {
    const oldest = Math.floor((now - DAY_MS) / BUCKET_MS);
    let total = 0;
    for (const [bucket, n] of this.buckets) {
      if (bucket <= oldest) this.buckets.delete(bucket);
      else total += n;
    }
    return total;
  }

  /** Counts a call if the allocation allows it; false when it is used up. */
  tryCount(now: number): boolean {
    if (this.used(now) >= this.limit) return false;
    const bucket = Math.floor(now / BUCKET_MS);
    this.buckets.set(bucket, (this.buckets.get(bucket) ?? 0) + 1);
    return true;
  }

  reset(): void {
    this.buckets.clear();
  }
}
