// An alert that starts is logged and POSTed to the alert webhook as JSON; a webhook that refuses it or cannot be
// reached is a warning, never a failure of the check.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Alert } from '../domain/alerts.ts';
import type { Logger } from '../logger.ts';
import { announceAlert } from './announceAlert.ts';

const alert: Alert = {
  kind: 'mql_over_capacity',
  tenantId: 'hubspot-1',
  severity: 'warning',
  key: 'hubspot-1:mql_over_capacity:2026-12',
  message: 'Acme: 120 MQLs in 2026-12 so far, more than the 90 sales can work.',
};

let server: Server;
let base: string;
const received: unknown[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push(JSON.parse(body));
      res.statusCode = req.url === '/refuse' ? 503 : 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const logger = () => {
  const warn = vi.fn();
  return { log: { warn } as unknown as Logger, warn };
};

describe('announceAlert', () => {
  it('logs the alert and posts it to the webhook as JSON', async () => {
    const { log, warn } = logger();
    await announceAlert(alert, { log, webhookUrl: `${base}/ok` });
    expect(received.at(-1)).toEqual({ source: 'baton', ...alert });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[1]).toBe(alert.message);
  });

  it('a webhook that refuses the alert, or cannot be reached, is a warning and not a failure', async () => {
    const refused = logger();
    await expect(
      announceAlert(alert, { log: refused.log, webhookUrl: `${base}/refuse` }),
    ).resolves.toBeUndefined();
    expect(refused.warn).toHaveBeenLastCalledWith({ status: 503 }, 'alert webhook refused the alert');
    const unreachable = logger();
    await expect(
      announceAlert(alert, { log: unreachable.log, webhookUrl: 'http://127.0.0.1:9/hook' }),
    ).resolves.toBeUndefined();
    expect(unreachable.warn.mock.calls.at(-1)?.[1]).toBe('alert webhook could not be reached for the alert');
  });

  it('without a webhook it only logs', async () => {
    const before = received.length;
    const { log, warn } = logger();
    await announceAlert(alert, { log, webhookUrl: null });
    expect(received.length).toBe(before);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
