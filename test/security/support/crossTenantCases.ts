// Requests signed validly for one portal that name another portal's lead: the passport says "not tracked" and
// shows nothing of it, a return is 404, and the other lead stays exactly as it was (the store check).
import fc from 'fast-check';
import type { FuzzCase } from './fuzzRun.ts';
import type { FuzzWorld } from './fuzzWorld.ts';
import { PORTAL_B } from './fuzzWorld.ts';
import { numericId } from './hostileInput.ts';
import { signed } from './signing.ts';
import { cardUrl } from './cardCases.ts';

export function crossTenantArbitrary(world: FuzzWorld): fc.Arbitrary<FuzzCase> {
  const s = world.signer;
  const a = world.tenantA.externalId;
  const targets = [
    { portal: a, lead: world.leadB, foreignOwner: `owner-${PORTAL_B}` },
    ...world.leadsA.map((lead) => ({ portal: PORTAL_B, lead, foreignOwner: `owner-${a}` })),
  ];
  return fc
    .tuple(fc.constantFrom(...targets), numericId(), fc.boolean(), fc.string({ minLength: 8, maxLength: 40 }))
    .map(([t, userId, read, requestId]): FuzzCase => {
      if (read) {
        return {
          endpoint: 'GET /api/hubspot/leads/:id/passport (other portal)',
          req: signed(s, 'GET', cardUrl(`/leads/${t.lead}/passport`, t.portal, userId)),
          expect: {
            kind: 'ok_json',
            check: (json) => {
              const text = JSON.stringify(json);
              if ((json as { tracked?: unknown }).tracked !== false || text.includes(t.foreignOwner))
                throw new Error(
                  `portal ${t.portal} sees lead ${t.lead} of another portal: ${text.slice(0, 300)}`,
                );
            },
          },
        };
      }
      return {
        endpoint: 'POST /api/hubspot/leads/:id/return (other portal)',
        req: signed(
          s,
          'POST',
          cardUrl(`/leads/${t.lead}/return`, t.portal, userId),
          JSON.stringify({ reason: 'not_ready', requestId }),
        ),
        expect: { kind: 'api_error', status: [404] },
      };
    });
}
