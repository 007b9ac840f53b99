// `npm run review -- --tenant ID --month YYYY-MM [--out DIR]`: the monthly closed-loop review pack of a tenant,
// fetched from the running Baton's ops API (BATON_URL; BATON_OPS_TOKEN, or the local token Baton writes to the
// data folder in development), written as review-<tenant>-<month>.html and printed to .pdf by headless chromium
// (CHROMIUM_PATH, default /usr/bin/chromium). Prints the two paths; any problem goes to stderr with exit code 1.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchHeadlessChromium } from './headlessChromium.ts';
import { opsFetch } from './opsApiClient.ts';

const USAGE = 'Usage: npm run review -- --tenant ID --month YYYY-MM [--out DIR]';

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
  const res = await opsFetch(`/ops/api/review?${new URLSearchParams({ tenantId: tenant, month })}`);
  const disposition = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '');
  return { html: await res.text(), fileName: disposition?.[1] ?? `review-${tenant}-${month}.html` };
}

async function printPdf(html: string, path: string): Promise<void> {
  const browser = await launchHeadlessChromium();
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
