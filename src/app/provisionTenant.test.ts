// Provisioning records what the account lacks, the change-capture check included; a check that fails is one more
// problem to show, never a failed provisioning (the lists and the rest of the report are kept).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type OpenedEngine } from '../../test/support/engines.ts';
import type { ProvisioningReport } from '../crm/port.ts';
import type { CrmProvider } from '../crm/provider.ts';
import { readCheckpoint } from '../store/checkpoints.ts';
import { connectTenant, type Tenant } from '../store/tenants.ts';
import { LISTS_CHECKPOINT, PROVISIONING_CHECKPOINT, provisionTenant } from './connectCrm.ts';
import { z } from 'zod';

const engine = ENGINES.find((e) => e.name === 'pglite') ?? ENGINES[0];
const NOW = new Date('2026-12-07T10:00:00Z');

/** A provider with only what provisioning uses: the port's own report, and a change-capture check. */
function provider(changeCapture: () => Promise<Array<{ what: string; fix: string }>>): CrmProvider {
  const report: ProvisioningReport = {
    created: ['campaign General nurture'],
    unchanged: ['queue Baton_Marketing'],
    problems: [],
    lists: { general: '701xx' },
  };
  const partial: Pick<CrmProvider, 'port' | 'changeCaptureProblems'> = {
    port: async () => ({ provision: async () => structuredClone(report) }) as never,
    changeCaptureProblems: changeCapture,
  };
  return partial as CrmProvider;
}

describe('provisioning with the change-capture check', () => {
  let e: OpenedEngine;
  let tenant: Tenant;
  beforeAll(async () => {
    e = await (engine ?? ENGINES[0]!).open();
    tenant = await connectTenant(e.database.db, { crm: 'salesforce', externalId: '00D1', name: 'Globex' });
  });
  afterAll(() => e.cleanup());
  const deps = () => ({ db: e.database.db, now: () => NOW });
  const stored = () =>
    readCheckpoint(
      e.database.db,
      tenant.id,
      PROVISIONING_CHECKPOINT,
      z.object({ problems: z.array(z.object({ what: z.string(), fix: z.string() })) }),
    );

  it('adds what the check finds to the report', async () => {
    const refused = { what: 'Change events: refused', fix: 'Give View All Data' };
    const report = await provisionTenant(
      deps(),
      provider(async () => [refused]),
      tenant,
    );
    expect(report.problems).toEqual([refused]);
    expect((await stored())?.problems).toEqual([refused]);
  });

  it('a check that throws is reported as a problem, and the lists are still recorded', async () => {
    const report = await provisionTenant(
      deps(),
      provider(async () => {
        throw new Error('no usable session');
      }),
      tenant,
    );
    expect(report.problems.map((p) => p.what)).toEqual([
      'Baton could not check change capture: no usable session',
    ]);
    expect(
      await readCheckpoint(e.database.db, tenant.id, LISTS_CHECKPOINT, z.record(z.string(), z.string())),
    ).toEqual({
      general: '701xx',
    });
  });
});
