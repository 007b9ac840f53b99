// The scripts' way to the running Baton's ops API: its address (BATON_URL, else localhost:$PORT), the ops token
// (BATON_OPS_TOKEN, or the one Baton writes to the data folder in development), and refusals read as sentences.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const OPS_BASE_URL = (
  process.env['BATON_URL'] ?? `http://localhost:${process.env['PORT'] ?? '3000'}`
).replace(/\/+$/, '');

function opsToken(): string {
  const dataDir = process.env['PGLITE_DATA_DIR'] ? join(process.env['PGLITE_DATA_DIR'], '..') : 'data';
  const file = join(dataDir, 'dev-ops-token');
  return process.env['BATON_OPS_TOKEN'] || (existsSync(file) ? readFileSync(file, 'utf8').trim() : '');
}

const errorBody = z.object({
  error: z.object({
    message: z.string(),
    problems: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
});

/**
 * A call to `path` with the ops token; answers 2xx only. No token, Baton not answering, or a refusal (its status,
 * message and each field's problem) become an Error whose message says so.
 */
export async function opsFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const token = opsToken();
  if (!token)
    throw new Error('No ops token: set BATON_OPS_TOKEN (or start Baton once in development to create one).');
  let res: Response;
  try {
    res = await fetch(`${OPS_BASE_URL}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
    });
  } catch {
    throw new Error(`Baton is not answering at ${OPS_BASE_URL}: start it with npm start (or set BATON_URL).`);
  }
  if (res.ok) return res;
  const body = errorBody.safeParse(await res.json().catch(() => null));
  const problems = body.data?.error.problems?.map((p) => `\n  ${p.field}: ${p.message}`).join('') ?? '';
  throw new Error(`${res.status}: ${body.data?.error.message ?? 'request failed'}${problems}`);
}
