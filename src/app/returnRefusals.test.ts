// A refused return request in the rep's words, as the quick action and the funnel card show it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type OpenedEngine } from '../../test/support/engines.ts';
import { pendingEffects } from '../store/effects.ts';
import { connectTenant, type Tenant } from '../store/tenants.ts';
import { refusalInWords, refuseReturnRequest } from './returnRefusals.ts';

describe('refusalInWords', () => {
  it('says why the lead cannot be returned in its stage', () => {
    expect(
      refusalInWords({ kind: 'not_returnable', stage: 'recycled', message: 'internal words' }, 'recycled'),
    ).toBe('Baton did not take this lead back: This lead is already back in nurture.');
  });

  it('lists what breaks the reason’s rules, within the field’s 255 characters', () => {
    const text = refusalInWords(
      {
        kind: 'invalid_return',
        problems: [
          { field: 'note', message: 'Add a note: this reason needs one.' },
          { field: 'reengageAt', message: 'x'.repeat(400) },
        ],
      },
      'assigned',
    );
    expect(text.startsWith('Baton did not take this lead back: Add a note: this reason needs one. xxx')).toBe(
      true,
    );
    expect(text).toHaveLength(255);
  });
});

describe.each(ENGINES)('refuseReturnRequest on $name', (engine) => {
  let e: OpenedEngine;
  let tenant: Tenant;
  beforeAll(async () => {
    e = await engine.open();
    tenant = await connectTenant(e.database.db, { crm: 'salesforce', externalId: '00D9', name: 'Acme' });
  });
  afterAll(() => e?.cleanup());

  it('answers a request once, even when two readers refuse it at the same time', async () => {
    const refusal = {
      tenantId: tenant.id,
      leadId: '00Q1',
      requestedAt: new Date('2026-11-24T15:00:00Z'),
      problem: { kind: 'not_returnable', stage: 'mql', message: 'internal' } as const,
      stage: 'mql' as const,
      now: new Date('2026-11-24T16:00:00Z'),
    };
    const answered = await Promise.all([
      refuseReturnRequest(e.database.db, refusal),
      refuseReturnRequest(e.database.db, refusal),
    ]);
    expect(answered.filter(Boolean)).toHaveLength(1);
    expect(await refuseReturnRequest(e.database.db, refusal)).toBe(false);
    const pending = await pendingEffects(e.database.db, tenant.id, { limit: 10 });
    expect(pending.map((p) => p.effect)).toEqual([
      expect.objectContaining({
        kind: 'write_fields',
        leadId: '00Q1',
        fields: {
          returnRefusal: 'Baton did not take this lead back: This lead is waiting to be assigned to a rep.',
        },
      }),
    ]);
    const logged = await e.database.db
      .selectFrom('sync_log')
      .select('operation')
      .where('tenant_id', '=', tenant.id)
      .execute();
    expect(logged).toEqual([{ operation: 'return request refused' }]);
  });
});
