// The store suites run on both engines: a PGlite copied from the migrated template and the PostgreSQL server, each run in its own
// schema so parallel runs never collide.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrate, openDatabase, type Database } from '../../src/store/database.ts';
import { copyPgliteTemplate } from './pgliteTemplate.ts';

export const TEST_DATABASE_URL =
  process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface OpenedEngine {
  database: Database;
  /** A unique prefix for anything else this run creates on the server (e.g. the job queue's schema). */
  schema: string | undefined;
  cleanup(): Promise<void>;
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export const ENGINES: Array<{ name: 'pglite' | 'postgres'; open(): Promise<OpenedEngine> }> = [
  {
    name: 'pglite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'baton-store-'));
      copyPgliteTemplate(join(dir, 'pglite'));
      const database = openDatabase({ kind: 'pglite', dataDir: join(dir, 'pglite') });
      await migrate(database.db);
      return {
        database,
        schema: undefined,
        async cleanup() {
          await database.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'postgres',
    async open() {
      const schema = `baton_test_${randomBytes(5).toString('hex')}`;
      await adminQuery(`CREATE SCHEMA ${schema}`);
      const database = openDatabase({ kind: 'postgres', url: TEST_DATABASE_URL, schema, poolSize: 5 });
      await migrate(database.db);
      return {
        database,
        schema,
        async cleanup() {
          await database.close();
          await adminQuery(
            `DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS ${schema}_jobs CASCADE`,
          );
        },
      };
    },
  },
];
