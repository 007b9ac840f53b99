// The what-if page in headless chromium after the console's scenario (23 Nov → 8 Dec 2026): a much shorter
// first-touch deadline replayed over 1 Nov → 8 Dec, whose figures, load per rep, changed leads and limits are the
// JSON API's answer to the very body the page sent; the common-settings fields writing into the JSON; invalid JSON
// caught in the browser (nothing sent) and an invalid value shown by its field beside the editor.
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WhatIfResponse } from '../../src/web/ops/console/client/apiTypes.ts';
import { launchChromium, pageReady, screenshot as saveScreenshot } from './support/chromium.ts';
import { runOpsScenario, type OpsScenario } from './support/opsScenario.ts';

const TOKEN = 'ops-token-for-tests-0123456789';
const PROPOSAL = { sla: { firstTouchHours: 1 } };

let s: OpsScenario;
let browser: Browser;
let page: Page;
let base: string;
const pageErrors: string[] = [];
/** Every what-if the page sent, in order. */
const sent: Request[] = [];

async function apiWhatIf(body: unknown): Promise<WhatIfResponse> {
  const res = await fetch(`${base}/ops/api/whatif`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as WhatIfResponse;
}

/** The whole page from its top (a full-page shot of a scrolled page draws the sticky top bar mid-page). */
async function screenshot(name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await saveScreenshot(page, name);
}

const results = () => page.getByTestId('what-if-results');
const editor = () => page.locator('textarea[name=policy]');
const problems = () => page.getByTestId('what-if-problems');

async function runAndWait(state: 'done' | 'error'): Promise<void> {
  await page.click('button:has-text("Run what-if")');
  await page.waitForSelector(`[data-testid=what-if-results][data-state=${state}]`);
}

/** A figure's raw value on one side, as the page holds it. */
const cellValue = (key: string, side: 'baseline' | 'proposed') =>
  page
    .locator(`[data-testid=what-if-figures-table] tr[data-row=${key}] [data-side=${side}]`)
    .getAttribute('data-value');

const raw = (v: number | boolean | null): string =>
  v === null ? '' : String(typeof v === 'boolean' ? +v : v);

beforeAll(async () => {
  [s, browser] = await Promise.all([runOpsScenario(), launchChromium()]);
  base = s.h.running.config.publicUrl;
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/ops/api/whatif') sent.push(r);
  });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await s?.h.close();
});

describe('the what-if page', () => {
  it('is reached from the navigation after the login', async () => {
    await page.goto(`${base}/ops/what-if`);
    expect(new URL(page.url()).pathname).toBe('/ops/login');
    await page.fill('#token', TOKEN);
    await page.click('button[type=submit]');
    await page.waitForURL('**/ops/what-if');
    await pageReady(page);
    await expect(page.locator('nav a[aria-current=page]').textContent()).resolves.toBe('What-if');
    // The example proposal fills its common-settings field.
    expect(JSON.parse(await editor().inputValue())).toEqual({ sla: { firstTouchHours: 16 } });
    await expect(page.locator('input[name="sla.firstTouchHours"]').inputValue()).resolves.toBe('16');
    await expect(results().getAttribute('data-state')).resolves.toBe('idle');
  });

  it('writes the common settings into the JSON and takes them out again when blank', async () => {
    await page.fill('input[name="rejectRateTarget"]', '15');
    await page.fill('input[name="recycle.cooldownDays"]', '14');
    expect(JSON.parse(await editor().inputValue())).toEqual({
      sla: { firstTouchHours: 16 },
      rejectRateTarget: 0.15,
      recycle: { cooldownDays: 14 },
    });
    await page.fill('input[name="rejectRateTarget"]', '');
    await page.fill('input[name="recycle.cooldownDays"]', '');
    expect(JSON.parse(await editor().inputValue())).toEqual({ sla: { firstTouchHours: 16 } });
  });

  it('replays a much shorter first-touch deadline and shows what the JSON API answers to the same body', async () => {
    await page.fill('input[name=from]', '2026-11-01');
    await page.fill('input[name=to]', '2026-12-08');
    await editor().fill(JSON.stringify(PROPOSAL));
    await expect(page.locator('input[name="sla.firstTouchHours"]').inputValue()).resolves.toBe('1');
    await runAndWait('done');

    expect(sent).toHaveLength(1);
    const body = sent[0]!.postDataJSON() as Record<string, unknown>;
    expect(body).toEqual({
      tenantId: s.tenantId,
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-09T00:00:00.000Z',
      policy: PROPOSAL,
    });
    const api = await apiWhatIf(body);
    // The scenario's leads, touched hours after assignment, breach a one-hour deadline.
    expect(api.proposed.breaches).toBeGreaterThan(api.baseline.breaches);
    expect(api.changed.count).toBeGreaterThan(0);

    const figures = {
      mqls: (x: WhatIfResponse['baseline']) => x.mqls,
      breaches: (x: WhatIfResponse['baseline']) => x.breaches,
      autoRecycles: (x: WhatIfResponse['baseline']) => x.autoRecycles,
      reMqls: (x: WhatIfResponse['baseline']) => x.reMqls,
      rejectRate: (x: WhatIfResponse['baseline']) => x.rejectRate,
      overTarget: (x: WhatIfResponse['baseline']) => x.overTarget,
      peakLoad: (x: WhatIfResponse['baseline']) => x.capacity.peakLoad,
      repsOverCapacity: (x: WhatIfResponse['baseline']) => x.capacity.repsOverCapacity,
      mqlsCapacityAllows: (x: WhatIfResponse['baseline']) => x.capacity.mqlsCapacityAllows,
    };
    for (const [key, pick] of Object.entries(figures)) {
      expect(await cellValue(key, 'baseline'), key).toBe(raw(pick(api.baseline)));
      expect(await cellValue(key, 'proposed'), key).toBe(raw(pick(api.proposed)));
    }
    const breaches = page.locator('[data-testid=what-if-figures-table] tr[data-row=breaches]');
    await expect(breaches.textContent()).resolves.toContain(
      `▲ ${api.proposed.breaches - api.baseline.breaches}`,
    );
    await expect(breaches.locator('[data-tendency]').getAttribute('data-tendency')).resolves.toBe('bad');
    expect(await page.getByTestId('what-if-kpi-breaches').getAttribute('data-value')).toBe(
      String(api.proposed.breaches),
    );

    const count = page.getByTestId('what-if-changed-count');
    await expect(count.getAttribute('data-value')).resolves.toBe(String(api.changed.count));
    await expect(count.textContent()).resolves.toBe(`${api.changed.count} of ${api.leads} leads`);
    const changedRows = page.locator('[data-testid=what-if-changed-table] tbody tr');
    await expect(changedRows.count()).resolves.toBe(api.changed.leads.length);
    const first = api.changed.leads[0]!;
    const firstRow = changedRows.first();
    await expect(firstRow.getAttribute('data-row')).resolves.toBe(first.leadId);
    await expect(firstRow.textContent()).resolves.toContain(first.proposed);
    await expect(firstRow.locator('a').getAttribute('href')).resolves.toBe(
      `/ops/leads/${s.tenantId}/${first.leadId}`,
    );

    const reps = new Set([...api.baseline.load, ...api.proposed.load].map((l) => l.ownerId));
    await expect(page.locator('[data-testid=what-if-load-table] tbody tr').count()).resolves.toBe(reps.size);
    await expect(page.locator('[data-testid=what-if-limits] li').allTextContents()).resolves.toEqual(
      api.limits,
    );
    expect(await page.getByTestId('what-if-stale').isHidden()).toBe(true);

    // The address reproduces the view: window and proposal.
    const url = new URL(page.url());
    expect(url.searchParams.get('from')).toBe('2026-11-01');
    expect(JSON.parse(url.searchParams.get('policy') ?? 'null')).toEqual(PROPOSAL);
    await screenshot('what-if-result');
  });

  it('opens a shared link with its figures, and says when the proposal changed since', async () => {
    await page.reload();
    await pageReady(page);
    await expect(results().getAttribute('data-state')).resolves.toBe('done');
    expect(sent).toHaveLength(2);
    expect(sent[1]!.postDataJSON()).toEqual(sent[0]!.postDataJSON());
    await page.fill('input[name="sla.firstTouchHours"]', '4');
    expect(await page.getByTestId('what-if-stale').isVisible()).toBe(true);
  });

  it('catches invalid JSON in the browser and sends nothing', async () => {
    const before = sent.length;
    await editor().fill('{"sla": {"firstTouchHours": 8,}}');
    await page.click('button:has-text("Run what-if")');
    await expect(problems().textContent()).resolves.toContain(
      'The proposal is not valid JSON: nothing was sent.',
    );
    await expect(problems().locator('li').textContent()).resolves.toMatch(/JSON/);
    await expect(editor().getAttribute('aria-invalid')).resolves.toBe('true');
    expect(sent.length).toBe(before);
    // Typing clears the error.
    await editor().fill('{"sla": {"firstTouchHours": 8}}');
    await expect(problems().textContent()).resolves.toBe('');
  });

  it('shows the server’s problem with a policy value beside the editor, on its field', async () => {
    await editor().fill('{"sla": {"firstTouchHours": -4}}');
    await runAndWait('error');
    const text = await problems().textContent();
    expect(text).toContain('sla.firstTouchHours');
    expect(text).toContain('First touch within (sla.firstTouchHours): must be more than 0');
    await expect(
      page.locator('input[name="sla.firstTouchHours"]').getAttribute('aria-invalid'),
    ).resolves.toBe('true');
    await expect(results().textContent()).resolves.toContain('The proposal was not run');
    // The API says the same, field by field.
    const res = await fetch(`${base}/ops/api/whatif`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(sent.at(-1)!.postDataJSON()),
    });
    expect(res.status).toBe(400);
    const error = ((await res.json()) as { error: { problems: Array<{ field: string }> } }).error;
    expect(error.problems.map((p) => p.field)).toEqual(['policy.sla.firstTouchHours']);
    await screenshot('what-if-error');
  });

  it('says why a window longer than a year is refused, by its field', async () => {
    await editor().fill('{"sla": {"firstTouchHours": 8}}');
    await page.fill('input[name=from]', '2025-01-01');
    await runAndWait('error');
    await expect(results().textContent()).resolves.toContain('From: must be at most 366 days before to');
    await expect(problems().textContent()).resolves.toBe('');
  });

  it('raised no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
