// "Live-ish" refresh: runs a load every few seconds while running and the tab is visible; pausable.

export class Poller {
  private readonly load: () => Promise<void>;
  private readonly everyMs: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private active = false;

  constructor(load: () => Promise<void>, everyMs: number) {
    this.load = load;
    this.everyMs = everyMs;
  }

  get running(): boolean {
    return this.active;
  }

  start(): void {
    if (this.active) return;
    this.active = true;
    this.schedule();
  }

  stop(): void {
    this.active = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    this.timer = setTimeout(async () => {
      // A hidden tab skips its turn rather than piling up requests.
      if (this.active && document.visibilityState === 'visible') await this.load().catch(() => undefined);
      if (this.active) this.schedule();
    }, this.everyMs);
  }
}
