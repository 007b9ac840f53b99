// A fresh PGlite database for one test, copied from the migrated template the global setup built.
import { cpSync } from 'node:fs';
import { inject } from 'vitest';

/** Fills `dataDir` with a migrated, empty database. */
export function copyPgliteTemplate(dataDir: string): void {
  cpSync(inject('pgliteTemplate'), dataDir, { recursive: true });
}
