// Fuzz cases for the ops API with the token (bearer or a session from the login) and hostile queries, path
// values and bodies: a clear 4xx, never a 5xx, nothing changed; the console's everyday reads keep working.
import fc from 'fast-check';
import type { FuzzCase } from './fuzzRun.ts';
import type { FuzzWorld } from './fuzzWorld.ts';
import { OPS_TOKEN } from './fuzzWorld.ts';
import { brokenJson, hostileText, oddJson } from './hostileInput.ts';

const enc = (s: string) => encodeURIComponent(s.slice(0, 500));

export function opsApiArbitrary(world: FuzzWorld, sessionCookie: string): fc.Arbitrary<FuzzCase> {
  const tenantA = world.tenantA.id;
  const isoDate = fc
    .tuple(
      fc.integer({ min: 1, max: 9999 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
      fc.constantFrom('Z', '+14:00', '-12:00'),
    )
    .map(
      ([y, m, d, z]) =>
        `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T00:00:00${z}`,
    );
  const recentDate = fc
    .tuple(fc.integer({ min: 2025, max: 2027 }), fc.integer({ min: 1, max: 12 }))
    .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}-01T00:00:00Z`);
  const value = fc.oneof(
    hostileText,
    isoDate,
    fc.constantFrom(
      '0',
      '-1',
      '501',
      '1.5',
      'day',
      'week',
      'csv',
      'error',
      '2026-12',
      '2026-W53',
      '2026-Q4',
      '0000-00',
    ),
  );
  const param = fc.tuple(
    fc.constantFrom(
      'tenantId',
      'leadId',
      'status',
      'since',
      'until',
      'beforeId',
      'limit',
      'from',
      'to',
      'bucket',
      'format',
      'period',
      'month',
      'colour',
    ),
    value,
  );
  const query = fc.array(param, { maxLength: 5 }).map((ps) => ps.map(([k, v]) => `${k}=${enc(v)}`).join('&'));
  const notATenant = hostileText.filter((t) => t.length > 0 && !t.startsWith('hubspot-'));

  const authenticated: fc.Arbitrary<FuzzCase> = fc
    .oneof(
      fc
        .tuple(
          fc.constantFrom(
            '/ops/api/tenants',
            '/ops/api/alerts',
            '/ops/api/sync-log',
            '/ops/api/failures',
            '/ops/api/sla-board',
            '/ops/api/funnel',
            '/ops/api/scorecard',
            '/ops/api/review',
          ),
          query,
        )
        .map(([path, q]) => ({
          endpoint: `GET ${path} (token)`,
          path: `${path}?${q}`,
          method: 'GET',
          body: '',
        })),
      // A real tenant's funnel over a bounded period (the unbounded one is a test of its own in badInput.test.ts).
      fc
        .tuple(recentDate, recentDate, fc.constantFrom('day', 'week'), fc.constantFrom('json', 'csv'))
        .map(([from, to, bucket, format]) => ({
          endpoint: 'GET /ops/api/funnel (token)',
          path: `/ops/api/funnel?tenantId=${tenantA}&from=${from}&to=${to}&bucket=${bucket}&format=${format}`,
          method: 'GET',
          body: '',
        })),
      fc
        .tuple(
          fc.oneof(notATenant, fc.constant(tenantA)),
          hostileText.filter((l) => l.length > 0),
        )
        .map(([t, l]) => ({
          endpoint: 'GET /ops/api/leads/:t/:l/timeline (token)',
          path: `/ops/api/leads/${enc(t)}/${enc(l)}/timeline`,
          method: 'GET',
          body: '',
        })),
      fc
        .tuple(
          notATenant,
          fc.constantFrom('uninstall', 'backfill'),
          fc.constantFrom('GET', 'POST'),
          fc.oneof(fc.constant(''), brokenJson, oddJson),
        )
        .map(([t, action, method, body]) => ({
          endpoint: `${method} /ops/api/tenants/:id/${action} (token)`,
          path: `/ops/api/tenants/${enc(t)}/${action}`,
          method,
          body,
        })),
      fc
        .oneof(
          brokenJson,
          oddJson,
          notATenant.map((t) => JSON.stringify({ tenantId: t, keys: [t] })),
        )
        .map((body) => ({
          endpoint: 'POST /ops/api/failures/replay (token)',
          path: '/ops/api/failures/replay',
          method: 'POST',
          body,
        })),
      fc
        .oneof(
          brokenJson,
          oddJson,
          fc
            .tuple(fc.oneof(notATenant, fc.constant(tenantA)), value, value, fc.oneof(oddJson, hostileText))
            .map(([t, from, to, policy]) => JSON.stringify({ tenantId: t, from, to, policy })),
          fc
            .tuple(recentDate, recentDate, fc.oneof(hostileText, fc.integer(), fc.constant(-1)))
            .map(([from, to, hours]) =>
              JSON.stringify({ tenantId: tenantA, from, to, policy: { sla: { firstTouchHours: hours } } }),
            ),
        )
        .map((body) => ({
          endpoint: 'POST /ops/api/whatif (token)',
          path: '/ops/api/whatif',
          method: 'POST',
          body,
        })),
      // What the console and Prometheus ask all day: these keep working (200) among the junk.
      fc
        .constantFrom(
          '/ops/api/tenants',
          '/ops/api/alerts',
          '/ops/api/failures',
          `/ops/api/sla-board?tenantId=${tenantA}`,
          `/ops/api/scorecard?tenantId=${tenantA}`,
          '/ops/api/sync-log?limit=5',
          '/metrics',
        )
        .map((path) => ({
          endpoint: `GET ${path.split('?')[0] ?? path} (token)`,
          path,
          method: 'GET',
          body: '',
          valid: true,
        })),
    )
    .chain((r) =>
      fc
        .tuple(fc.constant(r), fc.constantFrom('application/json', 'text/plain', ''), fc.boolean())
        .map(([x, type, bearer]): FuzzCase => ({
          endpoint: x.endpoint,
          req: {
            method: x.method,
            path: x.path,
            headers: {
              'content-type': type,
              ...(bearer ? { authorization: `Bearer ${OPS_TOKEN}` } : { cookie: sessionCookie }),
            },
            body: x.body,
          },
          expect: 'valid' in x ? { kind: 'ok', status: [200] } : { kind: 'no_5xx' },
        })),
    );

  return authenticated;
}
