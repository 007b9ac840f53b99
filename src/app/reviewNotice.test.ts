// Last month's review goes to the alert webhook on the month's first working day, once per tenant and month even
// when two workers tick at the same time; a failed post is tried again later that day.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, type OpenedEngine } from '../../test/support/engines.ts';
import { createLogger } from '../logger.ts';
import { appendLedger } from '../store/ledger.ts';
import { connectTenant, type Tenant } from '../store/tenants.ts';
import { noticeDue, sendReviewNotices, type ReviewNoticeDeps } from './reviewNotice.ts';

const engine = ENGINES.find((e) => e.name === 'pglite') ?? ENGINES[0];
// Tuesday 1 December 2026, 10:00 in New York: the month's first working day.
const DEC_1 = new Date('2026-12-01T15:00:00Z');

let e: OpenedEngine;
let tenant: Tenant;
let server: Server;
let url: string;
let status = 200;
const received: unknown[] = [];

beforeAll(async () => {
  e = await (engine ?? ENGINES[0]!).open();
  tenant = await connectTenant(e.database.db, { crm: 'hubspot', externalId: '77', name: 'Acme' });
  const system = { kind: 'system' as const };
  await appendLedger(e.database.db, tenant.id, [
    {
      leadId: 'L1',
      at: new Date('2026-11-10T15:00:00Z'),
      from: null,
      to: 'mql',
      cause: 'hand_raise',
      actor: system,
    },
    {
      leadId: 'L1',
      at: new Date('2026-11-10T15:00:00Z'),
      from: 'mql',
      to: 'assigned',
      cause: 'assigned',
      actor: system,
      ownerId: 'o1',
    },
  ]);
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      if (status === 200) received.push(JSON.parse(body));
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});

afterAll(async () => {
  server?.close();
  await e?.cleanup();
});

beforeEach(() => {
  received.length = 0;
  status = 200;
});

const deps = (webhookUrl: string | null = url): ReviewNoticeDeps => ({
  db: e.database.db,
  log: createLogger('silent'),
  webhookUrl,
  publicUrl: 'https://baton.example',
});

describe('the monthly review notice', () => {
  it.each([
    ['2026-12-01T15:00:00Z', '2026-11'], // Tuesday 1 Dec
    ['2026-12-02T15:00:00Z', null],
    ['2026-11-02T15:00:00Z', '2026-10'], // Monday 2 Nov: the 1st is a Sunday
    ['2026-11-01T15:00:00Z', null],
    ['2026-12-01T04:00:00Z', null], // still 30 November in New York
  ])('at %s is due for %s', (at, month) => {
    expect(noticeDue(tenant, new Date(at))).toBe(month);
  });

  it('posts a short summary and a link once, even from two workers ticking together', async () => {
    const [a, b] = await Promise.all([sendReviewNotices(deps(), DEC_1), sendReviewNotices(deps(), DEC_1)]);
    expect([...(a ?? []), ...(b ?? [])]).toHaveLength(1);
    expect(received).toEqual([
      {
        source: 'baton',
        kind: 'monthly_review',
        tenantId: tenant.id,
        month: '2026-11',
        message: expect.stringContaining(
          'Closed-loop review for November 2026 (Acme): 1 lead handed over',
        ) as unknown,
        url: `https://baton.example/ops/api/review?tenantId=${tenant.id}&month=2026-11`,
      },
    ]);
    // An hour later (a restart, the next tick): already sent.
    expect(await sendReviewNotices(deps(), new Date(DEC_1.getTime() + 3_600_000))).toEqual([]);
    expect(received).toHaveLength(1);
  });

  it('tries again later that day when the webhook refused it', async () => {
    const feb1 = new Date('2027-02-01T15:00:00Z'); // a Monday
    status = 500;
    expect(await sendReviewNotices(deps(), feb1)).toEqual([]);
    status = 200;
    const later = await sendReviewNotices(deps(), new Date(feb1.getTime() + 300_000));
    expect(later.map((n) => n.month)).toEqual(['2027-01']);
  });

  it('sends nothing without a webhook', async () => {
    expect(await sendReviewNotices(deps(null), new Date('2027-03-01T15:00:00Z'))).toEqual([]);
    expect(received).toEqual([]);
  });
});
