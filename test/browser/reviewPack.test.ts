// The monthly review pack in headless chromium, on the data of a scenario spanning November and December 2026:
// each section screenshotted (on screen and as printed on A4) next to the console's screenshots, the PDF checked,
// and a rep's note holding markup shown as text, never run.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { returnLead } from '../support/cardRequest.ts';
import { hotLead } from '../support/sandboxLeads.ts';
import { launchChromium, pageReady, screenshot } from './support/chromium.ts';
import { runOpsScenario, type OpsScenario } from './support/opsScenario.ts';

const TOKEN = 'ops-token-for-tests-0123456789';
const SCREENSHOTS = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));
const PACKS = fileURLToPath(new URL('../../test-output/review/', import.meta.url));
const SECTIONS = ['summary', 'former-leads', 'handed-over', 'feedback', 'deviations', 'forecast'];
const HOSTILE = '<script>window.pwned = true</script><img src=x onerror="window.pwned = true"> & "quotes"';

let s: OpsScenario;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

async function pack(month: string): Promise<string> {
  const url = `${s.h.running.config.publicUrl}/ops/api/review?tenantId=${s.tenantId}&month=${month}`;
  const res = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-disposition')).toContain(`review-${s.tenantId}-${month}.html`);
  const html = await res.text();
  mkdirSync(PACKS, { recursive: true });
  writeFileSync(`${PACKS}review-${month}.html`, html);
  return html;
}

/** Opens the pack as a file, as someone who was mailed it would. */
async function open(month: string): Promise<void> {
  await pack(month);
  await page.emulateMedia({ media: 'screen' });
  await page.goto(pathToFileURL(`${PACKS}review-${month}.html`).href);
}

async function shootSections(prefix: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const id of SECTIONS)
    await page.locator(`#${id}`).screenshot({ path: `${SCREENSHOTS}${prefix}-${id}.png` });
}

/** The viewer draws a page some time after the load event, into a plugin the DOM does not see: a screenshot
 * of an undrawn page is a few KB of plain grey, so it is taken again until the page is there. */
async function shootPdfPage(path: string, n: number): Promise<void> {
  const viewer = await browser.newPage({ viewport: { width: 1000, height: 1300 } });
  await viewer.goto(`${pathToFileURL(path).href}#page=${n}&view=FitH&toolbar=0`);
  let shot = await viewer.screenshot();
  for (let tries = 0; shot.length < 12_000 && tries < 40; tries++) {
    await viewer.waitForTimeout(250);
    shot = await viewer.screenshot();
  }
  writeFileSync(`${SCREENSHOTS}review-2026-11-pdf-page-${n}.png`, shot);
  await viewer.close();
}

beforeAll(async () => {
  [s, browser] = await Promise.all([runOpsScenario(), launchChromium()]);
  // A rep's note that holds markup: it must read as text in the pack.
  const reps = s.h.portal.owners.all().filter((o) => o.email.endsWith('@acme.example'));
  const rep = reps[0];
  if (!rep) throw new Error('the sandbox portal has no sales reps');
  const lead = hotLead(s.h, 41);
  await s.h.settle();
  s.h.portal.setProperties(lead, { hubspot_owner_id: rep.id }, { source: 'CRM_UI' });
  await s.h.settle();
  const returned = await returnLead(s.h, lead, rep.userId, {
    reason: 'bad_data',
    note: HOSTILE,
    requestId: 'req-hostile-note-1',
  });
  expect(returned.status).toBe(200);
  await s.h.settle();
  page = await browser.newPage({ viewport: { width: 1100, height: 900 }, acceptDownloads: true });
  page.on('pageerror', (e) => pageErrors.push(e.message));
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await s?.h.close();
});

describe('the review pack in a browser', () => {
  it('downloads from the console’s funnel page', async () => {
    const base = s.h.running.config.publicUrl;
    await page.goto(`${base}/ops/funnel`);
    await page.fill('#token', TOKEN);
    await page.click('button[type=submit]');
    await page.waitForURL('**/ops/funnel');
    await pageReady(page);
    const form = page.getByTestId('review-download');
    await form.locator('input[name=month]').fill('2026-11');
    await form.screenshot({ path: `${SCREENSHOTS}review-console-control.png` });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      form.getByRole('button', { name: 'Download review pack' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`review-${s.tenantId}-2026-11.html`);
    const saved = await download.path();
    expect(readFileSync(saved, 'utf8')).toContain('November 2026: ');
  });

  it('shows November’s pack, section by section', async () => {
    await open('2026-11');
    await expect(page.title()).resolves.toContain('Closed-loop review 2026-11');
    for (const id of SECTIONS) expect(await page.locator(`#${id}`).isVisible()).toBe(true);
    await screenshot(page, 'review-2026-11');
    await shootSections('review-2026-11');
  });

  it('shows December’s pack, with a rep’s note holding markup as plain text', async () => {
    await open('2026-12');
    await screenshot(page, 'review-2026-12');
    await shootSections('review-2026-12');
    const note = page.locator('#feedback td.note', { hasText: 'window.pwned' });
    await expect(note.textContent()).resolves.toBe(HOSTILE);
    expect(await page.locator('script, img').count()).toBe(0);
    expect(await page.evaluate(() => 'pwned' in window)).toBe(false);
    expect(pageErrors).toEqual([]);
  });

  it('prints to a paginated A4 PDF', async () => {
    await open('2026-11');
    await page.emulateMedia({ media: 'print' });
    // A4's width less the page margins (210 − 24 mm) at 96 dpi: the width the PDF lays the pack out in.
    await page.setViewportSize({ width: 703, height: 1000 });
    await screenshot(page, 'review-2026-11-print');
    await shootSections('review-2026-11-print');
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
    // One page per section at least: summary, former leads, handed over, feedback, deviations, forecast.
    expect(pages.length).toBeGreaterThanOrEqual(SECTIONS.length);
    writeFileSync(`${PACKS}review-2026-11.pdf`, pdf);
    // Each printed page as chromium's PDF viewer shows it.
    for (let n = 1; n <= pages.length; n++) await shootPdfPage(`${PACKS}review-2026-11.pdf`, n);
    await page.setViewportSize({ width: 1100, height: 900 });
  });
});
