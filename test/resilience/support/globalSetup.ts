// Global setup of the resilience suite: a folder shared by its files for this run (the reference run's CRM
// snapshot is computed once and reused by the other files).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    resilienceDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'baton-resilience-run-'));
  project.provide('resilienceDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
