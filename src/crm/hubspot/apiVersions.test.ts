// No HubSpot API Baton calls ends within six months: no v4 call (unsupported from 2027-03-30), no v1 OAuth call
// (off on 2027-02-16) — not even through @hubspot/api-client's OAuth helpers, which still call v1 — and every API in
// the table (apiVersions.ts) supported for six months from today. test/e2e/hubspotApiVersions.test.ts holds the table
// to the calls Baton really makes.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HUBSPOT_APIS } from './apiVersions.ts';

const SRC = fileURLToPath(new URL('../..', import.meta.url));
const HERE = fileURLToPath(import.meta.url);
// Spelled in pieces so this file does not find itself.
const ENDING = [
  ['/crm', 'v4/'].join('/'),
  ['associations', 'v4'].join('.'),
  ['/oauth', 'v1/'].join('/'),
  ['tokens', 'Api'].join(''),
  ['accessTokens', 'Api'].join(''),
  ['refreshTokens', 'Api'].join(''),
];

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return sourceFiles(path);
      return Promise.resolve(/\.(ts|tsx|js|mjs)$/.test(e.name) && path !== HERE ? [path] : []);
    }),
  );
  return nested.flat();
}

describe('HubSpot API versions', () => {
  it('no v4 call, no v1 OAuth call and no use of the client’s v1 OAuth helpers remains in src/', async () => {
    const found: string[] = [];
    for (const file of await sourceFiles(SRC)) {
      const text = await readFile(file, 'utf8');
      for (const needle of ENDING) if (text.includes(needle)) found.push(`${relative(SRC, file)}: ${needle}`);
    }
    expect(found).toEqual([]);
  });

  it('no API Baton calls stops being supported within six months of today', () => {
    const horizon = new Date();
    horizon.setUTCMonth(horizon.getUTCMonth() + 6);
    const ending = HUBSPOT_APIS.filter(
      (a) => a.unsupportedFrom !== null && new Date(a.unsupportedFrom) <= horizon,
    );
    expect(
      ending.map((a) => `${a.name} (${a.version}) ends ${a.unsupportedFrom}: move to ${a.successor}`),
    ).toEqual([]);
  });
});
