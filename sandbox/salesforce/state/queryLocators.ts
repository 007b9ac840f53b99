// Open query cursors: a result bigger than one batch is kept (as Salesforce keeps a snapshot) and served
// page by page through nextRecordsUrl = /services/data/vXX.X/query/<cursor>-<offset>.
import { randomBytes } from 'node:crypto';

export interface Cursor {
  id: string;
  rows: Record<string, unknown>[];
  batchSize: number;
  openedAt: number;
}

export class QueryLocators {
  private readonly cursors = new Map<string, Cursor>();
  private readonly max: number;

  constructor(max = 1_000) {
    this.max = max;
  }

  open(rows: Record<string, unknown>[], batchSize: number, now: number): Cursor {
    const cursor: Cursor = {
      id: `01g5g0${randomBytes(6).toString('hex').toUpperCase().slice(0, 12)}`,
      rows,
      batchSize,
      openedAt: now,
    };
    this.cursors.set(cursor.id, cursor);
    // Like an org's cap on open cursors: the oldest go first.
    while (this.cursors.size > this.max) this.cursors.delete(this.cursors.keys().next().value ?? '');
    return cursor;
  }

  /** The cursor and offset a locator (<cursor>-<offset>) points at, if it is still open. */
  resolve(locator: string): { cursor: Cursor; offset: number } | undefined {
    const m = /^(.+)-(\d+)$/.exec(locator);
    const cursor = m ? this.cursors.get(m[1] ?? '') : undefined;
    const offset = Number(m?.[2]);
    return cursor && offset < cursor.rows.length ? { cursor, offset } : undefined;
  }
}
