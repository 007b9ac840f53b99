// The SLA scorecard page in headless chromium after the console's scenario (23 Nov → 8 Dec 2026): a month, the
// running month and weeks, whose figures are the JSON API's; the CSV link; stepping and switching periods in a
// link that reproduces the view; empty, unknown-tenant and bad-period states; a CRM note that stays text.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScorecardResponse, SlaBoard } from '../../src/web/ops/console/client/apiTypes.ts';
import { listTenants } from '../../src/store/tenants.ts';
import { returnLead } from '../support/cardRequest.ts';
import { launchChromium, pageReady, screenshot as saveScreenshot } from './support/chromium.ts';
import { runOpsScenario, type OpsScenario } from './support/opsScenario.ts';

const TOKEN = 'ops-token-for-tests-0123456789';

let s: OpsScenario;
let browser: Browser;
let page: Page;
let base: string;
const pageErrors: string[] = [];

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

const scorecard = (period: string, tenantId = s.tenantId) =>
  api<ScorecardResponse>(`/ops/api/scorecard?tenantId=${tenantId}&period=${period}`);

/** Waits until the page shows `label` (or an error state). */
const shown = (label: string) => page.waitForSelector(`#page-root[data-shown="${label}"]`);

async function open(query: string, label: string): Promise<void> {
  await page.goto(`${base}/ops/scorecard?${query}`);
  await pageReady(page);
  await shown(label);
}

/** The whole page from its top (a full-page shot of a scrolled page draws the sticky top bar mid-page). */
async function screenshot(p: Page, name: string): Promise<void> {
  await p.evaluate(() => window.scrollTo(0, 0));
  await saveScreenshot(p, name);
}

/** How the console writes a 0–1 share. */
const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10} %`;

const kpi = (testId: string) => page.getByTestId(testId);

/** Every headline figure on the page is the API's, raw in data-value and as written. */
async function expectFigures(view: ScorecardResponse): Promise<void> {
  const { marketing: m, sales } = view.scorecard;
  const raw = (n: number | null) => (n === null ? '' : String(n));
  expect(await kpi('kpi-mqls').getAttribute('data-value')).toBe(raw(m.mqls.value));
  expect(await kpi('kpi-mqls').getAttribute('data-change')).toBe(raw(m.mqls.change));
  expect(await kpi('kpi-accept-rate').getAttribute('data-value')).toBe(raw(m.acceptRate.value));
  expect(await kpi('kpi-sla-met').getAttribute('data-value')).toBe(raw(sales.slaMet.value));
  expect(await kpi('kpi-human-latency').getAttribute('data-value')).toBe(
    raw(sales.medianHumanLatencyMinutes.value),
  );
  expect(await kpi('kpi-breaches').getAttribute('data-value')).toBe(raw(sales.breaches.value));
  expect(await kpi('kpi-untouched').getAttribute('data-value')).toBe(raw(sales.untouched.value));
  if (m.acceptRate.value !== null)
    await expect(kpi('kpi-accept-rate').locator('.kpi-value').textContent()).resolves.toBe(
      percent(m.acceptRate.value),
    );
  if (sales.slaMet.value !== null)
    await expect(kpi('kpi-sla-met').locator('.kpi-value').textContent()).resolves.toBe(
      percent(sales.slaMet.value),
    );
  for (const side of ['marketing', 'sales'] as const) {
    const rows = view.scorecard.deviations.filter((d) => d.side === side);
    const table = page.locator(`[data-testid=scorecard-deviations-${side}] tbody tr`);
    await expect.poll(() => table.count()).toBe(rows.length);
  }
  await expect(page.locator('[data-testid=scorecard-reps] tbody tr').count()).resolves.toBe(
    sales.byRep.length,
  );
}

/** Chart.js charts drawn on the page, by their canvas width. */
const chartWidths = () =>
  page.evaluate(() => {
    const lib = (window as unknown as { Chart: { instances: Record<string, { canvas: HTMLCanvasElement }> } })
      .Chart;
    return Object.values(lib.instances).map((c) => c.canvas.width);
  });

beforeAll(async () => {
  [s, browser] = await Promise.all([runOpsScenario(), launchChromium()]);
  base = s.h.running.config.publicUrl;
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${base}/ops/scorecard`);
  expect(new URL(page.url()).pathname).toBe('/ops/login');
  await page.fill('#token', TOKEN);
  await page.click('button[type=submit]');
  await page.waitForURL((url) => url.pathname === '/ops/scorecard');
  await pageReady(page);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await s?.h.close();
});

describe('the SLA scorecard page', () => {
  it('is in the navigation and opens on this month for the chosen tenant', async () => {
    await page.click('nav >> text=SLA scorecard');
    await pageReady(page);
    await shown('2026-12');
    // The default period by name, so the link shows December next month too.
    const url = new URL(page.url());
    expect(url.searchParams.get('tenant')).toBe(s.tenantId);
    expect(url.searchParams.get('period')).toBe('2026-12');
  });

  it('shows November with the API’s figures, returns with their notes, reps by name and lead links', async () => {
    await open(`tenant=${s.tenantId}&period=2026-11`, '2026-11');
    const view = await scorecard('2026-11');
    await expectFigures(view);
    await expect(page.getByTestId('scorecard-period').textContent()).resolves.toContain('November 2026');
    await expect(kpi('kpi-mqls').textContent()).resolves.toContain('▲ 6 vs 2026-10');
    const returns = page.getByTestId('scorecard-returns-table');
    await expect(returns.locator('tbody tr').count()).resolves.toBe(view.scorecard.sales.returns.length);
    await expect(returns.textContent()).resolves.toContain('Phone and company are made up');
    await expect(returns.textContent()).resolves.toContain('Wrong owner or territory');
    const names = Object.values(view.names);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names)
      await expect(page.getByTestId('scorecard-reps').textContent()).resolves.toContain(name);
    const breach = view.scorecard.deviations.find((d) => d.kind === 'sla_breach');
    if (!breach?.leadId) throw new Error('November has a breach');
    const link = page.locator(`[data-testid=scorecard-deviations-sales] a:text-is("${breach.leadId}")`);
    expect(await link.getAttribute('href')).toBe(`/ops/leads/${s.tenantId}/${breach.leadId}`);
    // Over-target slices are marked: PAID_SEARCH rejects one lead of three.
    await page.click('[data-testid=scorecard-rejects] button:has-text("Source")');
    const paid = page.locator('[data-testid=scorecard-reject-table] tr[data-row=PAID_SEARCH]');
    await expect(paid.textContent()).resolves.toContain('over target');
    await page.click('[data-testid=scorecard-rejects] button:has-text("Reason")');
    await expect(page.getByTestId('scorecard-derivation').textContent()).resolves.toContain(
      view.scorecard.capacity.derivation[0] ?? '?',
    );
    const widths = await chartWidths();
    expect(widths).toHaveLength(2);
    for (const w of widths) expect(w).toBeGreaterThan(200);
    await screenshot(page, 'scorecard-month');
  });

  it('steps to the running month, whose next period is not there yet, in a link that reproduces it', async () => {
    await page.click('[data-testid=scorecard-next]');
    await shown('2026-12');
    expect(new URL(page.url()).searchParams.get('period')).toBe('2026-12');
    const view = await scorecard('2026-12');
    await expectFigures(view);
    expect(await page.getByTestId('scorecard-next').isDisabled()).toBe(true);
    await expect(page.getByTestId('scorecard-period').textContent()).resolves.toMatch(
      /running: \d+(\.\d)? % of it gone by/,
    );
    // Reps by name in the deviations, and the capacity meter of the rep over capacity.
    await expect(page.getByTestId('scorecard-deviations-sales').textContent()).resolves.toContain(
      view.names[view.scorecard.sales.byRep[0]?.repId ?? ''] ?? '?',
    );
    await expect(page.getByTestId('scorecard-capacity-reps').textContent()).resolves.toContain(
      'over capacity',
    );
    await page.reload();
    await pageReady(page);
    await shown('2026-12');
    await screenshot(page, 'scorecard-running-month');
  });

  it('switches to weeks by day, back to week 48, with a CSV download of the same figures', async () => {
    await page.selectOption('select[name=kind]', 'week');
    await shown('2026-W50');
    await page.click('[data-testid=scorecard-previous]');
    await shown('2026-W49');
    await page.click('[data-testid=scorecard-previous]');
    await shown('2026-W48');
    expect(new URL(page.url()).searchParams.get('period')).toBe('2026-W48');
    const view = await scorecard('2026-W48');
    await expectFigures(view);
    await expect(page.getByTestId('scorecard-sla-chart').textContent()).resolves.toContain('SLA met per day');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=scorecard-csv]'),
    ]);
    expect(download.suggestedFilename()).toBe(`baton-scorecard-${s.tenantId}-2026-W48.csv`);
    const csv = readFileSync(await download.path(), 'utf8');
    const { marketing: m, sales } = view.scorecard;
    expect(csv.split('\n')[0]).toBe('section,key,metric,value');
    expect(csv).toContain(`mqls,all,value,${m.mqls.value}`);
    expect(csv).toContain(`accept_rate,all,value,${m.acceptRate.value}`);
    expect(csv).toContain(`sla_met_share,all,value,${sales.slaMet.value}`);
    expect(csv).toContain(`breaches,all,value,${sales.breaches.value}`);
    expect(csv).toContain('Phone and company are made up');
    await screenshot(page, 'scorecard-week');

    await page.fill('input[name=period]', '2026-Q4');
    await page.click('button:has-text("Show")');
    await shown('2026-Q4');
    await expectFigures(await scorecard('2026-Q4'));
  });

  it('reads well for a tenant with no data and for a period without hand-overs', async () => {
    const org = (await listTenants(s.h.running.workerDeps.db)).find((t) => t.crm === 'salesforce');
    if (!org) throw new Error('sandbox mode connects a Salesforce org');
    await open(`tenant=${encodeURIComponent(org.id)}&period=2026-12`, '2026-12');
    await expectFigures(await scorecard('2026-12', org.id));
    await expect(page.locator('#page-root').textContent()).resolves.toContain('Nothing to score in 2026-12');
    await expect(page.getByTestId('scorecard-returns').textContent()).resolves.toContain(
      'No rep returned a lead in this period.',
    );
    await screenshot(page, 'scorecard-empty-tenant');

    await open(`tenant=${s.tenantId}&period=2026-10`, '2026-10');
    await expect(page.getByTestId('scorecard-rejects').textContent()).resolves.toContain(
      'No lead was handed to sales in this period',
    );
    expect(await chartWidths()).toHaveLength(0);
  });

  it('shows an error state for an unknown tenant and for periods the API refuses', async () => {
    await open('tenant=no-such-tenant&period=2026-11', 'error');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('No connected tenant has the id');
    for (const [period, message] of [
      ['2026-13', 'The period must be a month (2026-12), an ISO week (2026-W49) or a quarter (2026-Q4)'],
      ['2026-W60', 'The period must be'],
      ['2027-01', '2027-01 has not started yet'],
    ] as const) {
      await open(`tenant=${s.tenantId}&period=${period}`, 'error');
      await expect(page.getByRole('alert').textContent()).resolves.toContain(message);
      // The period stays editable.
      expect(await page.inputValue('input[name=period]')).toBe(period);
    }
    await screenshot(page, 'scorecard-bad-period');
    await page.fill('input[name=period]', '2026-11');
    await page.click('button:has-text("Show")');
    await shown('2026-11');
  });

  it('warns when marketing delivers more MQLs than sales can work', async () => {
    const real = await scorecard('2026-11');
    const card = real.scorecard;
    const staged: ScorecardResponse = {
      ...real,
      scorecard: {
        ...card,
        marketing: {
          ...card.marketing,
          mqls: { ...card.marketing.mqls, committed: 4, committedFrom: 'capacity', committedToDate: 4 },
        },
        capacity: {
          ...card.capacity,
          salesLeadsPerWeek: 1,
          mqlTargetPerWeek: 1,
          derivation: ['So marketing should deliver about 1 MQLs a week.'],
        },
        deviations: [
          {
            side: 'marketing',
            kind: 'mql_over_capacity',
            detail:
              '6 MQLs delivered, more than the 4 sales can work at the measured pace: the surplus waits and rots.',
          },
          ...card.deviations,
        ],
      },
    };
    // The scenario's history is too short for a pace: the API's answer is staged with one.
    await page.route('**/ops/api/scorecard?*', (route) => route.fulfill({ json: staged }));
    await open(`tenant=${s.tenantId}&period=2026-11`, '2026-11');
    const capacity = page.getByTestId('scorecard-capacity');
    await expect(capacity.getByRole('status').textContent()).resolves.toContain(
      'More MQLs than sales can work',
    );
    await expect(kpi('kpi-mqls').locator('.kpi-value').textContent()).resolves.toBe('6 / 4');
    await expect(kpi('kpi-mql-target').locator('.kpi-value').textContent()).resolves.toBe('1 / wk');
    await screenshot(page, 'scorecard-over-capacity');
    await page.unroute('**/ops/api/scorecard?*');
  });

  it('renders a rep’s note as text, never as markup', async () => {
    const board = await api<SlaBoard>(`/ops/api/sla-board?tenantId=${s.tenantId}`);
    const lead = board.leads.find((l) => l.status !== 'breached');
    const rep = s.h.portal.owners.all().find((o) => o.id === lead?.ownerId);
    if (!lead || !rep) throw new Error('the SLA board has a lead waiting with a known rep');
    const note = '<img src=x onerror="window.__noteRan=1"><b>not bold</b>';
    const res = await returnLead(s.h, lead.leadId, rep.userId, {
      reason: 'bad_data',
      note,
      requestId: 'req-scorecard-note-1',
    });
    expect(res.status).toBeLessThan(300);
    await open(`tenant=${s.tenantId}&period=2026-12`, '2026-12');
    const returns = page.getByTestId('scorecard-returns-table');
    await expect(returns.textContent()).resolves.toContain(note);
    await expect(returns.locator('img, b').count()).resolves.toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { __noteRan?: number }).__noteRan),
    ).toBeUndefined();
    await screenshot(page, 'scorecard-returns-note');
  });

  it('fits a phone screen without sideways scrolling, and no page error happened', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open(`tenant=${s.tenantId}&period=2026-11`, '2026-11');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'scorecard-phone');
    expect(pageErrors).toEqual([]);
  });
});
