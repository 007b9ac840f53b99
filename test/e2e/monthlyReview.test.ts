// The monthly review pack end to end: Baton in sandbox mode after weeks of real handoffs spanning November and
// December 2026, and `npm run review` run as a subprocess against it, as ops would. The HTML's leads and figures
// are checked against the ledger; bad input ends with a message naming the problem and a non-zero exit code.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHandover, isRepReturn } from '../../src/domain/funnel/rejectRate.ts';
import { ledgerForPeriod } from '../../src/store/ledger.ts';
import { runOpsScenario, type OpsScenario } from '../browser/support/opsScenario.ts';

const TOKEN = 'ops-token-for-tests-0123456789';
// Months in New York (the tenant's time zone): 1 Nov 2026 00:00 EDT and 1 Dec 2026 00:00 EST.
const NOVEMBER = { from: new Date('2026-11-01T04:00:00Z'), to: new Date('2026-12-01T05:00:00Z') };
const DECEMBER = { from: new Date('2026-12-01T05:00:00Z'), to: new Date('2027-01-01T05:00:00Z') };

let s: OpsScenario;
let out: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The review script in its own process (the server runs in this one, so the call must not block it). */
function review(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/review.ts', ...args], {
      env: {
        PATH: process.env['PATH'] ?? '',
        BATON_URL: s.h.running.config.publicUrl,
        BATON_OPS_TOKEN: TOKEN,
        // No token file here: only BATON_OPS_TOKEN counts.
        PGLITE_DATA_DIR: join(out, 'no-data', 'pglite'),
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The HTML of one section of the pack (by its id). */
function section(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  expect(start).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</section>', start));
}

const rowsOf = (part: string) => (part.match(/<tr>/g) ?? []).length - 1; // less the header row

async function monthRows(month: { from: Date; to: Date }) {
  const rows = await ledgerForPeriod(s.h.running.workerDeps.db, s.tenantId, month.from, month.to);
  return rows.filter((r) => r.at >= month.from && r.at < month.to);
}

beforeAll(async () => {
  s = await runOpsScenario();
  out = mkdtempSync(join(tmpdir(), 'baton-review-'));
}, 90_000);

afterAll(async () => {
  await s?.h.close();
});

describe('npm run review', () => {
  it('writes November’s pack as HTML and PDF, with every lead handed over and every rep’s feedback', async () => {
    const run = await review(['--tenant', s.tenantId, '--month', '2026-11', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [htmlPath, pdfPath] = run.stdout.trim().split('\n');
    expect(htmlPath).toBe(join(out, `review-${s.tenantId}-2026-11.html`));
    expect(pdfPath).toBe(join(out, `review-${s.tenantId}-2026-11.pdf`));
    expect(
      readFileSync(pdfPath ?? '')
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    const html = readFileSync(htmlPath ?? '', 'utf8');
    expect(html).toContain('<h1>November 2026: ');
    // Self-contained: no scripts, nothing fetched.
    expect(html).not.toMatch(/<script|<link|\ssrc=|url\(/i);

    const rows = await monthRows(NOVEMBER);
    const handedOver = new Set(rows.filter(isHandover).map((r) => r.leadId));
    expect(handedOver.size).toBe(5);
    const table = section(html, 'handed-over');
    expect(rowsOf(table)).toBe(handedOver.size);
    for (const id of handedOver) expect(table).toContain(`#${id}`);
    expect(table).toMatch(/buyer1@<wbr \/>northwind1\.example/);

    const returns = rows.filter(isRepReturn);
    const feedback = section(html, 'feedback');
    expect(rowsOf(feedback)).toBe(returns.length);
    expect(feedback).toContain('Wrong owner or territory');
    expect(feedback).toContain('Not ready to buy yet');
    expect(feedback).toContain('Phone and company are made up');

    // Two of five returned as rejects (wrong owner, bad data): 40 % against the 10 % target.
    expect(section(html, 'summary')).toContain('40\u00a0%');
    expect(section(html, 'deviations')).toContain('Marketing: ');
    expect(section(html, 'former-leads')).toContain(
      'No recycled lead became an opportunity or a win in November 2026.',
    );
    expect(section(html, 'forecast')).toContain('Forecast realism');
  }, 60_000);

  it('writes December’s pack across the month boundary: the new hand-overs and the untouched auto-recycle', async () => {
    const run = await review(['--tenant', s.tenantId, '--month', '2026-12', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const html = readFileSync(join(out, `review-${s.tenantId}-2026-12.html`), 'utf8');
    expect(html).toContain('December 2026 is still running');

    const rows = await monthRows(DECEMBER);
    const handedOver = new Set(rows.filter(isHandover).map((r) => r.leadId));
    expect(handedOver.size).toBeGreaterThanOrEqual(3);
    const table = section(html, 'handed-over');
    expect(rowsOf(table)).toBe(handedOver.size);
    for (const id of handedOver) expect(table).toContain(`#${id}`);
    // November's leads are not December's hand-overs.
    const november = new Set((await monthRows(NOVEMBER)).filter(isHandover).map((r) => r.leadId));
    for (const id of november) if (!handedOver.has(id)) expect(table).not.toContain(`#${id}<`);
    // The lead left untouched in November was auto-recycled on 8 December: a sales deviation of December.
    expect(section(html, 'deviations')).toContain(`#${s.recycledLead}`);
    expect(existsSync(join(out, `review-${s.tenantId}-2026-12.pdf`))).toBe(true);
  }, 60_000);

  it('writes a pack that says so for a month with nothing handed over', async () => {
    const run = await review(['--tenant', s.tenantId, '--month', '2026-10', '--out', out]);
    expect(run.code).toBe(0);
    const html = readFileSync(join(out, `review-${s.tenantId}-2026-10.html`), 'utf8');
    expect(html).toContain('No leads were handed to sales in October 2026.');
  }, 60_000);

  it.each([
    [
      'an unknown tenant',
      ['--tenant', 'hubspot-404', '--month', '2026-11'],
      {},
      /404.*No tenant hubspot-404/,
    ],
    [
      'a malformed month',
      ['--tenant', 'T', '--month', '2026-13'],
      {},
      /400.*month must be YYYY-MM.*"2026-13"/,
    ],
    [
      'a month in the future',
      ['--tenant', 'T', '--month', '2027-01'],
      {},
      /400.*2027-01 has not started yet/,
    ],
    ['no month', ['--tenant', 'T'], {}, /--month is missing/],
    ['an unknown option', ['--tenant', 'T', '--month', '2026-11', '--color'], {}, /Unknown option '--color'/],
    ['no ops token', ['--tenant', 'T', '--month', '2026-11'], { BATON_OPS_TOKEN: '' }, /No ops token/],
    [
      'a wrong ops token',
      ['--tenant', 'T', '--month', '2026-11'],
      { BATON_OPS_TOKEN: 'wrong-token-0123456789' },
      /401/,
    ],
    [
      'no Baton',
      ['--tenant', 'T', '--month', '2026-11'],
      { BATON_URL: 'http://127.0.0.1:9' },
      /not answering/,
    ],
  ])(
    'refuses %s with a message naming the problem and exit code 1',
    async (_what, args, env, message) => {
      const run = await review(
        args.map((a) => (a === 'T' ? s.tenantId : a)),
        env,
      );
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
    },
    30_000,
  );
});
