// The org's daily API request allocation over a rolling 24 hours (sandbox clock), counted in one-minute
// buckets. Every REST call counts; once the allocation is used up calls are refused with
// REQUEST_LIMIT_EXCEEDED (and do not count).
//
// Usage can run past the allocation: Sforce-Limit-Info may report more used than allowed (REST API guide,
// "Limit Info Header": api-usage=used/max, the used count is not capped at max), while the app-limits cheatsheet
// says only that a call over the allocation returns an error. Where Salesforce draws the line is not published,
// so `overage` (calls allowed past the allocation, 0 by default) lets a test put an org over 100 %.

const DAY_MS = 86_400_000;
const BUCKET_MS = 60_000;

export class ApiUsage {
  limit: number;
  /** Calls the org may make past its allocation before REQUEST_LIMIT_EXCEEDED. */
  overage = 0;
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
    if (this.used(now) >= this.limit + this.overage) return false;
    const bucket = Math.floor(now / BUCKET_MS);
    this.buckets.set(bucket, (this.buckets.get(bucket) ?? 0) + 1);
    return true;
  }

  reset(): void {
    this.buckets.clear();
  }
}
