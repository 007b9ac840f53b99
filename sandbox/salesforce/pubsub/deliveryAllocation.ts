// The event delivery allocation: events delivered to subscribers in the last 24 hours (rolling, sandbox clock),
// per org and counted once per subscriber that receives them ("event delivery … is counted per subscriber", CDC
// guide, cdc_allocations; Performance and Unlimited: 50,000).

const DAY_MS = 24 * 3_600_000;

export class DeliveryAllocation {
  /** Per org: [when, how many] per delivered batch, oldest first. */
  private readonly deliveries = new Map<string, [number, number][]>();

  used(orgId: string, now: number): number {
    const list = this.deliveries.get(orgId);
    if (!list) return 0;
    while (list.length > 0 && (list[0]?.[0] ?? 0) <= now - DAY_MS) list.shift();
    return list.reduce((sum, [, n]) => sum + n, 0);
  }

  record(orgId: string, n: number, now: number): void {
    if (n <= 0) return;
    const list = this.deliveries.get(orgId) ?? [];
    list.push([now, n]);
    this.deliveries.set(orgId, list);
  }
}
