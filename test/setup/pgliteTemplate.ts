// Global setup: one migrated PGlite database (Baton's tables and the job queue's schema), built once per test
// run. Creating a PGlite database runs initdb (seconds); copying this folder takes milliseconds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate, openDatabase } from '../../src/store/database.ts';
import { JobQueue } from '../../src/store/jobQueue.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const root = mkdtempSync(join(tmpdir(), 'baton-pglite-template-'));
  const dataDir = join(root, 'pglite');
  const database = openDatabase({ kind: 'pglite', dataDir });
  await migrate(database.db);
  const queue = await JobQueue.start(database, { onError: () => {} });
  await queue.stop({ graceful: false });
  await database.close();
  project.provide('pgliteTemplate', dataDir);
  return () => rmSync(root, { recursive: true, force: true });
}
