// The ops console in headless chromium against Baton in sandbox mode, after a scenario that made real data:
// the login gate, the sync log down to a failed call, the lead's timeline, a replay that goes out once the cause
// is fixed, a Lead-workspace disqualification held until its reason is given, tenants, the SLA board, and funnel
// analytics whose numbers are the JSON API's.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  FailuresView,
  Funnel,
  SlaBoard,
  SyncLogResponse,
} from '../../src/web/ops/console/client/apiTypes.ts';
import { acceptIntoInbox } from '../../src/store/inbox.ts';
import { listTenants } from '../../src/store/tenants.ts';
import { recordTopicFlowing, recordTopicProblem } from '../../src/app/changeCaptureHealth.ts';
import { insertNewEffects, markEffectsFailed } from '../../src/store/effects.ts';
import { drainInbox } from '../../src/worker/drainInbox.ts';
import { hotLead } from '../support/sandboxLeads.ts';
import { launchChromium, pageReady, screenshot } from './support/chromium.ts';
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

async function open(path: string): Promise<void> {
  await page.goto(`${base}${path}`);
  await pageReady(page);
}

/** How the console writes a 0–1 share. */
const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10} %`;

beforeAll(async () => {
  [s, browser] = await Promise.all([runOpsScenario(), launchChromium()]);
  base = s.h.running.config.publicUrl;
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await s?.h.close();
});

describe('the ops console in a browser', () => {
  it('refuses pages, scripts and the API without a login, and sends the browser to the login form', async () => {
    const pageRes = await fetch(`${base}/ops/sync-log?status=error`, { redirect: 'manual' });
    expect(pageRes.status).toBe(302);
    expect(pageRes.headers.get('location')).toBe('/ops/login?next=%2Fops%2Fsync-log%3Fstatus%3Derror');
    const apiRes = await fetch(`${base}/ops/api/sync-log`);
    expect(apiRes.status).toBe(401);
    expect(await apiRes.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    expect((await fetch(`${base}/ops/assets/js/main.ts`)).status).toBe(401);

    await page.goto(`${base}/ops/funnel`);
    expect(new URL(page.url()).pathname).toBe('/ops/login');
    await page.fill('#token', 'not-the-ops-token-000');
    await page.click('button[type=submit]');
    await page.getByRole('alert').getByText('That token is not right.').waitFor();
    await screenshot(page, '01-login');
  });

  it('logs in with the ops token, back to the page asked for; the overview shows the stuck-MQL banner', async () => {
    await page.fill('#token', TOKEN);
    await page.click('button[type=submit]');
    await page.waitForURL('**/ops/funnel');
    await pageReady(page);

    await open('/ops');
    const failures = await api<FailuresView>('/ops/api/failures');
    expect(failures.stuckMqls.message).toBe('1 MQLs are stuck behind sync errors and their SLA is running');
    const banner = page.getByTestId('stuck-banner');
    await expect(banner.textContent()).resolves.toContain(failures.stuckMqls.message);
    await expect(banner.textContent()).resolves.toContain(s.reMqlLead);
    await expect(page.getByTestId('tenant-tile').textContent()).resolves.toContain('connected');
    await screenshot(page, '02-overview');
  });

  it('filters the sync log to the failed call and opens that lead’s timeline from its record id', async () => {
    await page.click('nav >> text=Sync log');
    await pageReady(page);
    const live = page.getByRole('button', { name: 'Pause live updates' });
    await live.click();
    await expect(page.getByTestId('live-status').textContent()).resolves.toMatch(/^Paused/);
    await page.fill('input[name=since]', '2099-01-01T00:00');
    await page.click('button:has-text("Apply")');
    await page.getByText('No CRM calls or events match these filters.').waitFor();
    await page.fill('input[name=since]', '');
    await page.selectOption('select[name=status]', 'error');
    await page.fill('input[name=lead]', s.recycledLead);
    await page.click('button:has-text("Apply")');
    const rows = page.locator('[data-testid=sync-log-table] tbody tr');
    await rows.first().waitFor();
    await expect.poll(() => rows.count()).toBe(1);
    const failed = await api<SyncLogResponse>(
      `/ops/api/sync-log?status=error&leadId=${s.recycledLead}&tenantId=${s.tenantId}`,
    );
    expect(failed.rows).toHaveLength(1);
    const call = failed.rows[0]!;
    expect(call).toMatchObject({
      operation: expect.stringMatching(/^lists\.memberships\.add/),
      httpStatus: 404,
    });
    expect(await rows.first().getAttribute('data-row')).toBe(String(call.id));
    const text = await rows.first().textContent();
    expect(text).toContain(call.operation);
    expect(text).toContain('not_found');
    expect(new URL(page.url()).searchParams.get('status')).toBe('error');
    await screenshot(page, '03-sync-log-failed-call');

    await rows.first().locator(`a:text-is("${s.recycledLead}")`).click();
    await page.waitForURL(`**/ops/leads/${s.tenantId}/${s.recycledLead}`);
    await pageReady(page);
    const timeline = page.getByTestId('timeline');
    await expect(timeline.locator('li.tl-crm_call.status-error').textContent()).resolves.toContain(
      call.operation,
    );
    await expect(timeline.locator('li.tl-decision').last().textContent()).resolves.toContain(
      'assigned → recycled (sla untouched)',
    );
    await screenshot(page, '04-lead-timeline');
  });

  it('replays dead letters once the cause is fixed: the writes go out and their groups disappear', async () => {
    await open('/ops/failures');
    const groups = page.locator('[data-testid=failure-table] tbody tr');
    await expect.poll(() => groups.count()).toBe(2);
    await screenshot(page, '05-failures');

    // The fix: someone restores the two deleted nurture lists in HubSpot.
    for (const id of s.deletedLists) s.h.portal.lists.restore(id);
    const addGroup = groups.filter({ hasText: 'lists.memberships.add' });
    await addGroup.getByRole('button', { name: /^Replay/ }).click();
    await page.getByTestId('replay-result').getByText('1 write is back in the queue').waitFor();
    await expect.poll(() => groups.count()).toBe(1);
    await s.h.flush(); // the flush the replay queued
    const untouched = await s.h.listId('nurture_untouched');
    expect(s.h.portal.listMembers(untouched)).toContain(s.recycledLead);
    const sent = await api<SyncLogResponse>(
      `/ops/api/sync-log?status=ok&leadId=${s.recycledLead}&tenantId=${s.tenantId}`,
    );
    expect(sent.rows[0]?.operation).toMatch(/^lists\.memberships\.add/);

    await page.click('button:has-text("Replay all")');
    await expect.poll(() => groups.count()).toBe(0);
    await s.h.flush();
    await page.click('button:has-text("Refresh")');
    // Until the flush, the replayed write still held its MQL; after it, the banner goes.
    await page.getByTestId('stuck-banner').waitFor({ state: 'detached' });
    await expect(page.getByTestId('failure-groups').textContent()).resolves.toContain('No dead letters');
    expect((await api<FailuresView>('/ops/api/failures')).total).toBe(0);
    await screenshot(page, '06-failures-replayed');
  });

  it('shows an inbox item set aside because the CRM would not read its record, and replays it', async () => {
    const deps = s.h.running.workerDeps;
    const org = (await listTenants(deps.db)).find((t) => t.crm === 'salesforce');
    if (!org) throw new Error('sandbox mode connects a Salesforce org');
    // A change naming "00Q*" as a lead (as a release without the wildcard rule stored them): the org answers 400.
    await acceptIntoInbox(deps.db, {
      tenantId: org.id,
      source: 'salesforce.cdc',
      dedupeKey: 'sf:Lead:999:00Q*',
      leadId: '00Q*',
      payload: { kind: 'changed', leadId: '00Q*', occurredAt: s.h.now().toISOString(), properties: [] },
    });
    const drain = async () => drainInbox(deps, org, await deps.crmFor(org));
    expect(await drain()).toMatchObject({ failed: 1, more: false });

    await open(`/ops/failures?tenant=${org.id}`);
    const rows = page.locator('[data-testid=set-aside-table] tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    await expect(rows.first().textContent()).resolves.toMatch(
      /00Q\*[\s\S]*The CRM will not read this record/,
    );
    await page.getByTestId('set-aside-inbox').scrollIntoViewIfNeeded();
    await screenshot(page, '06a-set-aside-inbox');

    await page.getByRole('button', { name: 'Replay set-aside items' }).click();
    await page.getByTestId('inbox-replay-result').getByText('1 inbox items are back in the inbox').waitFor();
    await expect.poll(() => rows.count()).toBe(0);
    expect(await s.h.running.queue.queued('inbox.drain')).toEqual(
      expect.arrayContaining([expect.objectContaining({ tenantId: org.id })]),
    );
    // The cause is not fixed: the drain sets it aside again, and the rest of the inbox is unaffected.
    expect(await drain()).toMatchObject({ failed: 1 });
    expect((await api<FailuresView>('/ops/api/failures')).setAsideInbox.count).toBe(1);
    // Back to the portal, as the console remembers the tenant last chosen.
    await open(`/ops/failures?tenant=${s.tenantId}`);
  });

  it('lists a Lead-workspace disqualification Baton holds, until the rep gives the reason on the record', async () => {
    const [rep] = s.h.portal.owners.all().filter((o) => o.email.endsWith('@acme.example'));
    if (!rep) throw new Error('the sandbox portal has reps');
    const id = hotLead(s.h, 40);
    await s.h.settle();
    const record = s.h.portal.createLead(id, rep.id, { at: s.h.now().getTime() });
    await s.h.settle();
    s.h.portal.disqualifyLead(record.id, null, null, { userId: rep.userId, at: s.h.now().getTime() });
    await s.h.settle();

    await open('/ops/failures');
    const rows = page.locator('[data-testid=held-table] tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    await expect(rows.first().textContent()).resolves.toContain(record.id);
    await expect(rows.first().textContent()).resolves.toContain('without a reason');
    await page.getByTestId('held-returns').scrollIntoViewIfNeeded();
    await screenshot(page, '06b-held-returns');

    s.h.portal.disqualifyLead(record.id, 'NO_RESPONSE', null, {
      userId: rep.userId,
      at: s.h.now().getTime(),
    });
    await s.h.settle();
    await page.click('button:has-text("Refresh")');
    await expect.poll(() => rows.count()).toBe(0);
    await expect(page.getByTestId('held-returns').textContent()).resolves.toContain('No held returns');
    expect((await api<FailuresView>('/ops/api/failures')).heldReturns.count).toBe(0);
  });

  it('shows each tenant’s connection, API budget and provisioning, and the SLA board', async () => {
    await open('/ops/tenants');
    const card = page.getByTestId('tenant-card');
    await expect(card.textContent()).resolves.toMatch(
      /connected[\s\S]*API budget[\s\S]*of 110 in the last 10 s/,
    );
    await screenshot(page, '07-tenants');

    // A Salesforce topic the org refuses stands on its card, with the fix, until it flows again.
    const org = (await listTenants(s.h.running.workerDeps.db)).find((t) => t.crm === 'salesforce');
    if (!org) throw new Error('the scenario connects a Salesforce org');
    const problem =
      'the connected user may not subscribe to TaskChangeEvent (task and event change events need "View All Data")';
    await recordTopicProblem(
      s.h.running.workerDeps.db,
      org.id,
      { topic: '/data/TaskChangeEvent', problem, kind: 'refused' },
      s.h.now(),
    );
    await open(`/ops/tenants?tenant=${encodeURIComponent(org.id)}`);
    const capture = page.getByRole('region', { name: 'Change capture' });
    await expect(capture.textContent()).resolves.toContain(`TaskChangeEvent stopped: ${problem}`);
    await expect(capture.textContent()).resolves.toMatch(/Fix: Give the connected user the permission/);
    await capture.scrollIntoViewIfNeeded();
    await screenshot(page, '07a-tenants-change-capture-refused');
    await recordTopicFlowing(s.h.running.workerDeps.db, org.id, '/data/TaskChangeEvent');
    // A validation rule of the org refused one of Baton's writes for good: the card names the rule's message.
    const db = s.h.running.workerDeps.db;
    const rule = 'Leads are recycled by marketing ops only (ticket OPS-123).';
    await insertNewEffects(db, org.id, [
      {
        key: 'rule-refused-1',
        leadId: '00Q5g000000RULE1AAA',
        kind: 'add_to_list',
        list: 'nurture_not_ready',
      },
    ]);
    await markEffectsFailed(db, org.id, ['rule-refused-1'], `FIELD_CUSTOM_VALIDATION_EXCEPTION: ${rule}`, {
      dead: true,
    });
    await open(`/ops/tenants?tenant=${encodeURIComponent(org.id)}`);
    await expect(page.getByRole('region', { name: 'Change capture' }).textContent()).resolves.toContain(
      'flowing',
    );
    await expect(page.getByTestId('tenant-card').textContent()).resolves.toContain(
      `A rule of this org refused 1 of Baton's writes: “${rule}”`,
    );
    await screenshot(page, '07b-tenants-validation-rule');
    await db.deleteFrom('effects').where('key', '=', 'rule-refused-1').execute();

    await open(`/ops/sla?tenant=${s.tenantId}`);
    const board = await api<SlaBoard>(`/ops/api/sla-board?tenantId=${s.tenantId}`);
    expect(board.totals).toEqual({ assigned: 3, dueSoon: 1, breached: 1 });
    expect(await page.getByTestId('kpi-breached').getAttribute('data-value')).toBe('1');
    const first = page.locator('[data-testid=sla-leads] tbody tr').first();
    expect(await first.getAttribute('data-row')).toBe(board.leads[0]?.leadId);
    await expect(first.textContent()).resolves.toContain('breached');
    const over = board.overCapacity.map((o) => o.repId);
    expect(over).toHaveLength(1);
    await expect(page.getByTestId('sla-reps').textContent()).resolves.toContain('over capacity');
    // Reps by name, read from HubSpot's owners API.
    const named = board.reps.filter((r) => r.name !== null);
    expect(named.length).toBeGreaterThan(0);
    await expect(page.getByTestId('sla-reps').textContent()).resolves.toContain(named[0]?.name ?? '?');
    await screenshot(page, '08-sla-board');
  });

  it('draws funnel analytics with Chart.js whose numbers are the JSON API’s, with JSON and CSV links', async () => {
    await open(`/ops/funnel?tenant=${s.tenantId}`);
    const report = await api<Funnel>(`/ops/api/funnel?tenantId=${s.tenantId}&bucket=week`);
    const rate = report.rejectRate.rate;
    expect(rate).not.toBeNull();
    const kpi = page.getByTestId('kpi-reject-rate');
    expect(await kpi.getAttribute('data-value')).toBe(String(rate));
    await expect(kpi.locator('.kpi-value').textContent()).resolves.toBe(percent(rate ?? 0));
    const mql = report.stages.find((x) => x.stage === 'mql');
    expect(await page.getByTestId('kpi-mqls').getAttribute('data-value')).toBe(String(mql?.enteredLeads));
    await expect(page.getByTestId('conversion-table').textContent()).resolves.toContain(
      percent(report.conversion.find((c) => c.from === 'mql')?.rate ?? 0),
    );

    const charts = await page.evaluate(() => {
      const lib = (
        window as unknown as { Chart: { instances: Record<string, { canvas: HTMLCanvasElement }> } }
      ).Chart;
      return Object.values(lib.instances).map((c) => c.canvas.width);
    });
    expect(charts.length).toBeGreaterThanOrEqual(9);
    for (const width of charts) expect(width).toBeGreaterThan(200);

    const json = await page.getByTestId('funnel-json').getAttribute('href');
    expect(json).toBe(`/ops/api/funnel?tenantId=${s.tenantId}&bucket=week`);
    const sameReport = await page.evaluate(async (url) => (await fetch(url)).json(), json ?? '');
    expect(sameReport).toEqual(report);
    const csvHref = await page.getByTestId('funnel-csv').getAttribute('href');
    const csv = await page.evaluate(async (url) => (await fetch(url)).text(), csvHref ?? '');
    expect(csv).toContain(`reject_rate,all,rate,${rate}`);
    await screenshot(page, '09-funnel');

    await page.click('[data-testid=funnel-slices] button:has-text("Rep")');
    await expect(page.getByTestId('funnel-slices').textContent()).resolves.toContain(
      report.rejectRate.byRep[0]?.key ?? '(none)',
    );
    // Who clicked "Return to marketing", next to whose leads they were.
    const actors = page.getByTestId('funnel-return-actors');
    await expect(actors.textContent()).resolves.toContain('Who returned them');
    await expect(actors.textContent()).resolves.toContain(report.rejectRate.byActor[0]?.key ?? '(no user)');
    await actors.scrollIntoViewIfNeeded();
    await screenshot(page, '09b-funnel-by-rep-and-actor');
  });

  it('fits a phone screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open('/ops');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, '10-overview-phone');
    expect(pageErrors).toEqual([]);
  });

  it('"Sign out everywhere" ends this browser’s session and every other one', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const other = await browser.newPage();
    await other.goto(`${base}/ops/login`);
    await other.fill('#token', TOKEN);
    await other.click('button[type=submit]');
    await other.waitForURL('**/ops');
    await open('/ops/tenants');
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.waitForURL('**/ops/login');
    for (const browserPage of [page, other]) {
      await browserPage.goto(`${base}/ops/tenants`);
      expect(new URL(browserPage.url()).pathname).toBe('/ops/login');
      const status = await browserPage.evaluate(async () => (await fetch('/ops/api/tenants')).status);
      expect(status).toBe(401);
    }
    await other.close();
  });
});
