// `npm run review -- --tenant ID --month YYYY-MM [--out DIR]`: the monthly closed-loop review pack of a tenant,
// fetched from the running Baton's ops API (BATON_URL; BATON_OPS_TOKEN, or the local token Baton writes to the
// data folder in development), written as review-<tenant>-<month>.html and printed to .pdf by headless chromium
// (CHROMIUM_PATH, default /usr/bin/chromium). Prints the two paths; any problem goes to stderr with exit code 1.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { z } from 'zod';

const USAGE = 'Usage: npm run review -- --tenant ID --month YYYY-MM [--out DIR]';

const base = (process.env['BATON_URL'] ?? `http://localhost:${process.env['PORT'] ?? '3000'}`).replace(
  /\/+$/,
  '',
);
const tokenFile = join(
  process.env['PGLITE_DATA_DIR'] ? join(process.env['PGLITE_DATA_DIR'], '..') : 'data',
  'dev-ops-token',
);
const token =
  process.env['BATON_OPS_TOKEN'] || (existsSync(tokenFile) ? readFileSync(tokenFile, 'utf8').trim() : '');
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const errorBody = z.object({
  error: z.object({
    message: z.string(),
    problems: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
});

function options(): { tenant: string; month: string; out: string } {
  let values;
  try {
    ({ values } = parseArgs({
      options: { tenant: { type: 'string' }, month: { type: 'string' }, out: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`, { cause: error });
  }
  if (!values.tenant) throw new Error(`--tenant is missing.\n${USAGE}`);
  if (!values.month) throw new Error(`--month is missing.\n${USAGE}`);
  return { tenant: values.tenant, month: values.month, out: resolve(values.out ?? '.') };
}

async function fetchPack(tenant: string, month: string): Promise<{ html: string; fileName: string }> {
  const url = `${base}/ops/api/review?${new URLSearchParams({ tenantId: tenant, month })}`;
  let res: Response;
  try {
    res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  } catch {
    throw new Error(`Baton is not answering at ${base}: start it with npm start (or set BATON_URL).`);
  }
  if (!res.ok) {
    const body = errorBody.safeParse(await res.json().catch(() => null));
    const problems = body.data?.error.problems?.map((p) => `  ${p.field}: ${p.message}`) ?? [];
    const message = body.data?.error.message ?? 'request failed';
    throw new Error([`Baton refused the review (${res.status}): ${message}`, ...problems].join('\n'));
  }
  const disposition = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '');
  return { html: await res.text(), fileName: disposition?.[1] ?? `review-${tenant}-${month}.html` };
}

async function printPdf(html: string, path: string): Promise<void> {
  if (!existsSync(chromiumPath))
    throw new Error(`No chromium at ${chromiumPath}: install it or set CHROMIUM_PATH.`);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf({ path, format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const o = options();
  if (!token)
    throw new Error('No ops token: set BATON_OPS_TOKEN (or start Baton once in development to create one).');
  const { html, fileName } = await fetchPack(o.tenant, o.month);
  mkdirSync(o.out, { recursive: true });
  const htmlPath = join(o.out, fileName);
  const pdfPath = htmlPath.replace(/\.html$/, '.pdf');
  writeFileSync(htmlPath, html);
  await printPdf(html, pdfPath);
  console.log(htmlPath);
  console.log(pdfPath);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
