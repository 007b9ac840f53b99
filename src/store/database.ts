// One query layer over both engines: PGlite (embedded, file-backed, the default) and PostgreSQL (DATABASE_URL).
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { MIGRATIONS } from './migrations/index.ts';
import type { Tables } from './tables.ts';

export type Engine = 'pglite' | 'postgres';

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string } // 'memory://' for an in-memory database
  | { kind: 'postgres'; url: string; schema?: string; poolSize?: number };

export interface Database {
  db: Kysely<Tables>;
  engine: Engine;
  /** What the job queue needs to share the same database. */
  jobBackend:
    | { kind: 'pglite'; pglite: PGlite }
    | { kind: 'postgres'; url: string; schema: string | undefined; poolSize: number };
  close(): Promise<void>;
}

const INT8 = 20;

export function openDatabase(target: DatabaseTarget): Database {
  if (target.kind === 'pglite') {
    if (!target.dataDir.startsWith('memory://')) mkdirSync(target.dataDir, { recursive: true });
    const pglite = new PGlite(target.dataDir, { parsers: { [INT8]: Number } });
    const db = new Kysely<Tables>({ dialect: new PGliteDialect({ pglite }) });
    return {
      db,
      engine: 'pglite',
      jobBackend: { kind: 'pglite', pglite },
      close: async () => {
        await db.destroy();
        if (!pglite.closed) await pglite.close();
      },
    };
  }
  const poolSize = target.poolSize ?? 10;
  const pool = new pg.Pool({
    connectionString: target.url,
    max: poolSize,
    ...(target.schema && { options: `-c search_path=${target.schema}` }),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'postgres',
    jobBackend: { kind: 'postgres', url: target.url, schema: target.schema, poolSize },
    close: () => db.destroy(),
  };
}

function migrator(db: Kysely<Tables>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
}

/** Brings the schema to the latest version; safe to run from several processes at once (PostgreSQL locks). */
export async function migrate(db: Kysely<Tables>): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Ready means every known migration has run. */
export async function isMigrated(db: Kysely<Tables>): Promise<boolean> {
  const all = await migrator(db).getMigrations();
  return all.length > 0 && all.every((m) => m.executedAt !== undefined);
}
