// Faithfulness: the Tooling API query Baton's connect check sends — the org's Change Data Capture selections as
// PlatformEventChannelMember rows of the standard channel (ChangeEvents_<Entity>ChangeEvent), following the CDC
// selection settings; other Tooling objects and bad fields are refused.
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './testing/harness.ts';

let h: Harness;
afterEach(() => h.close());

const toolingQuery = (soql: string) =>
  fetch(`${h.baseUrl}/services/data/v62.0/tooling/query?q=${encodeURIComponent(soql)}`, {
    headers: { authorization: `Bearer ${h.setup.accessToken}` },
  });

describe('Tooling API: Change Data Capture selections', () => {
  it('lists one standard-channel member per selected entity, and follows the selection', async () => {
    h = await startHarness();
    const res = await toolingQuery('SELECT DeveloperName, SelectedEntity FROM PlatformEventChannelMember');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { totalSize: number; records: Array<Record<string, unknown>> };
    expect(body.records.map((r) => [r['DeveloperName'], r['SelectedEntity']])).toEqual([
      ['ChangeEvents_LeadChangeEvent', 'LeadChangeEvent'],
      ['ChangeEvents_TaskChangeEvent', 'TaskChangeEvent'],
      ['ChangeEvents_EventChangeEvent', 'EventChangeEvent'],
    ]);
    expect(body.records[0]?.['attributes']).toMatchObject({ type: 'PlatformEventChannelMember' });

    h.sandbox.setCdc({ entities: ['Lead'] });
    const after = (await (
      await toolingQuery('SELECT SelectedEntity FROM PlatformEventChannelMember')
    ).json()) as { records: Array<Record<string, unknown>> };
    expect(after.records.map((r) => r['SelectedEntity'])).toEqual(['LeadChangeEvent']);
  });

  it('refuses objects it does not serve, unknown fields, an empty query and a missing token', async () => {
    h = await startHarness();
    const other = await toolingQuery('SELECT Id FROM ApexClass');
    expect(other.status).toBe(400);
    expect(await other.json()).toEqual([expect.objectContaining({ errorCode: 'INVALID_TYPE' })]);
    const field = await toolingQuery('SELECT Nope FROM PlatformEventChannelMember');
    expect(await field.json()).toEqual([expect.objectContaining({ errorCode: 'INVALID_FIELD' })]);
    const empty = await toolingQuery(' ');
    expect(await empty.json()).toEqual([expect.objectContaining({ errorCode: 'MALFORMED_QUERY' })]);
    const anonymous = await fetch(
      `${h.baseUrl}/services/data/v62.0/tooling/query?q=${encodeURIComponent('SELECT Id FROM PlatformEventChannelMember')}`,
    );
    expect(anonymous.status).toBe(401);
  });
});
