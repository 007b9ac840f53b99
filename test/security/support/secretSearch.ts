// Looking for secrets where they must not be: whole, encoded (base64, hex, URL) or cut short (any 16-character
// stretch of a token).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Tables } from '../../../src/store/tables.ts';

/** The forms a secret could take in text: as is, base64, hex, and any 16-character piece of it. */
export function telltalesOf(secret: string): string[] {
  const pieces: string[] = [];
  for (let i = 0; i + 16 <= secret.length; i += 8) pieces.push(secret.slice(i, i + 16));
  const bytes = Buffer.from(secret, 'utf8');
  return [secret, bytes.toString('base64'), bytes.toString('hex'), encodeURIComponent(secret), ...pieces];
}

/** Which secrets (by label) show up in `text`. */
export function secretsIn(text: string, secrets: ReadonlyMap<string, string>): string[] {
  return [...secrets].filter(([, s]) => telltalesOf(s).some((t) => text.includes(t))).map(([label]) => label);
}

/** Every row of every table Baton's database has (all schemas, pg-boss's included), as JSON text. */
export async function dumpDatabase(db: Kysely<Tables>): Promise<Map<string, string>> {
  const tables = await sql<{ schema: string; name: string }>`
    select table_schema as schema, table_name as name from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`.execute(db);
  const dump = new Map<string, string>();
  for (const t of tables.rows) {
    const rows = await sql<{
      row: string;
    }>`select row_to_json(x)::text as row from ${sql.table(`${t.schema}.${t.name}`)} x`.execute(db);
    dump.set(`${t.schema}.${t.name}`, rows.rows.map((r) => r.row).join('\n'));
  }
  return dump;
}

/** Files under `dir` whose bytes contain one of the secrets (raw UTF-8). */
export function filesHolding(dir: string, secrets: ReadonlyMap<string, string>): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const bytes = readFileSync(path);
        for (const [label, s] of secrets)
          if (bytes.includes(Buffer.from(s, 'utf8'))) found.push(`${path}: ${label}`);
      }
    }
  };
  walk(dir);
  return found;
}
