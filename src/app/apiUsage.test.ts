// An account's daily API usage kept for ops: saved as a checkpoint, at most every 30 s per tenant, and a save that
// fails (database down) is no unhandled rejection.
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type KyselyPlugin,
} from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import type { Tables } from '../store/tables.ts';
import { API_BUDGET_CHECKPOINT } from './alerts.ts';
import { apiUsageRecorder } from './apiUsage.ts';

const NOW = new Date('2026-11-22T12:00:00Z');

/** A database that runs nothing and records every statement. */
function recordingDb() {
  const statements: Array<{ sql: string; parameters: readonly unknown[] }> = [];
  const db = new Kysely<Tables>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    log: (event) => {
      if (event.level === 'query')
        statements.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  return { db, statements };
}

const checkpoints = (statements: ReturnType<typeof recordingDb>['statements']) =>
  statements.filter((s) => s.sql.startsWith('insert into "checkpoints"'));

describe('API usage', () => {
  it('saves the usage for ops, at most every 30 seconds per tenant', async () => {
    const { db, statements } = recordingDb();
    const record = apiUsageRecorder({ db, now: () => NOW });
    record('sf-1', { used: 14800, max: 15000 });
    record('sf-1', { used: 14801, max: 15000 });
    record('sf-2', { used: 3, max: 15000 });
    await vi.waitFor(() => expect(checkpoints(statements)).toHaveLength(2));
    const [first] = checkpoints(statements);
    expect(first?.parameters).toContain(API_BUDGET_CHECKPOINT);
    expect(first?.parameters).toContain(JSON.stringify({ used: 14800, max: 15000, at: NOW.toISOString() }));
  });

  it('a usage that cannot be saved (database down) is no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const checkpointsFail: KyselyPlugin = {
        transformQuery: () => {
          throw new Error('Connection terminated unexpectedly');
        },
        transformResult: async (args) => args.result,
      };
      const record = apiUsageRecorder({ db: recordingDb().db.withPlugin(checkpointsFail), now: () => NOW });
      record('sf-1', { used: 100, max: 15000 });
      await new Promise((r) => setTimeout(r, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
