// The console's static files, served by Baton itself (no CDN, no build step): the stylesheet, Chart.js from
// node_modules, and the client modules — written in TypeScript and sent with their types stripped (Node's own
// stripper keeps every line and column where it was, so browser errors point at the source).
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire, stripTypeScriptTypes } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Response, type Router } from 'express';

const here = dirname(fileURLToPath(import.meta.url));
const CLIENT_DIR = join(here, 'client');

/** Client module path ("pages/syncLogPage.ts") → browser-ready JavaScript, read once at start-up. */
function clientModules(): Map<string, string> {
  const modules = new Map<string, string>();
  for (const entry of readdirSync(CLIENT_DIR, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
    const file = join(entry.parentPath, entry.name);
    modules.set(
      relative(CLIENT_DIR, file).split(sep).join('/'),
      stripTypeScriptTypes(readFileSync(file, 'utf8')),
    );
  }
  return modules;
}

function chartJs(): string {
  const entry = createRequire(import.meta.url).resolve('chart.js');
  return readFileSync(join(dirname(entry), 'chart.umd.min.js'), 'utf8');
}

function send(res: Response, type: string, body: string): void {
  // Revalidated on each load (express adds an ETag), so a new Baton version never meets a stale script.
  res.set({ 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' }).type(type).send(body);
}

export function consoleAssets(): Router {
  const css = readFileSync(join(here, 'console.css'), 'utf8');
  const chart = chartJs();
  const modules = clientModules();
  const r = express.Router();
  r.get('/console.css', (_req, res) => send(res, 'text/css; charset=utf-8', css));
  r.get('/chart.umd.min.js', (_req, res) => send(res, 'text/javascript; charset=utf-8', chart));
  r.use('/js', (req, res, next) => {
    const code = req.method === 'GET' ? modules.get(req.path.slice(1)) : undefined;
    if (code === undefined) return next();
    send(res, 'text/javascript; charset=utf-8', code);
  });
  return r;
}
