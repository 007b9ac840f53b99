// Faithfulness: the associations batch read, date-versioned (2026-03) and v4, as the specs publish it
// (PublicApiSpecs/CRM/Associations/Rollouts/130902/2026-03/associations.json and .../v4/associations.json):
// toObjectId a string, association types with their label, and per record `paging.next.after` only when it has
// more associations than a page, sent back with its id for the next page. A record that does not exist is a 207.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BATCH_READ_PAGE } from './http/routes/associations.ts';
import { startHarness, type Harness } from './testing/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ rateLimits: false });
});
afterEach(() => h.close());

interface ReadAnswer {
  status: string;
  results: Array<{
    from: { id: string };
    to: Array<{
      toObjectId: unknown;
      associationTypes: Array<{ category: string; typeId: number; label: unknown }>;
    }>;
    paging?: { next: { after: string } };
  }>;
  errors?: Array<Record<string, unknown>>;
}

async function read(path: string, inputs: Array<{ id: string; after?: string }>) {
  const res = await h.client().apiRequest({ method: 'POST', path, body: { inputs } });
  return { status: res.status, body: (await res.json()) as ReadAnswer };
}

const DATED = '/crm/associations/2026-03/contacts/tasks/batch/read';

describe('associations batch read', () => {
  it('pages a record with more associations than a page with paging.next.after, to the last one', async () => {
    const portal = h.setup.portal;
    const busy = portal.createContact({ email: 'busy@acme.example' }).id;
    const quiet = portal.createContact({ email: 'quiet@acme.example' }).id;
    const tasks = Array.from({ length: BATCH_READ_PAGE + 2 }, (_, i) =>
      portal.createTask(busy, undefined, h.clock.now() + i, `Task ${i}`),
    );
    const one = portal.createTask(quiet, undefined, h.clock.now(), 'Only');

    const first = await read(DATED, [{ id: busy }, { id: quiet }]);
    expect(first.status).toBe(200);
    const [page1, quietPage] = first.body.results;
    expect(page1?.to).toHaveLength(BATCH_READ_PAGE);
    expect(page1?.to[0]).toEqual({
      toObjectId: tasks[0]?.id,
      associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 203, label: null }],
    });
    expect(typeof page1?.paging?.next.after).toBe('string');
    // paging is present only when the record has more pages.
    expect(quietPage).toEqual({ from: { id: quiet }, to: [expect.objectContaining({ toObjectId: one.id })] });

    const second = await read(DATED, [{ id: busy, after: page1?.paging?.next.after ?? '' }]);
    expect(second.body.results[0]?.to.map((t) => t.toObjectId)).toEqual(
      tasks.slice(BATCH_READ_PAGE).map((t) => t.id),
    );
    expect(second.body.results[0]?.paging).toBeUndefined();
  });

  it('answers a record that does not exist as a 207 error, the others as results', async () => {
    const id = h.setup.portal.createContact({ email: 'here@acme.example' }).id;
    const { status, body } = await read(DATED, [{ id }, { id: '999999' }]);
    expect(status).toBe(207);
    expect(body.results.map((r) => r.from.id)).toEqual([id]);
    expect(body.errors).toEqual([
      expect.objectContaining({
        status: 'error',
        category: 'OBJECT_NOT_FOUND',
        context: { fromObjectId: ['999999'] },
        errors: [],
        links: {},
      }),
    ]);
  });

  it('still serves v4 (until 2027-03-30) with the same shape', async () => {
    const contact = h.setup.portal.createContact({ email: 'v4@acme.example' }).id;
    const task = h.setup.portal.createTask(contact, undefined, h.clock.now());
    const { body } = await read('/crm/v4/associations/contacts/tasks/batch/read', [{ id: contact }]);
    expect(body.results).toEqual([
      { from: { id: contact }, to: [expect.objectContaining({ toObjectId: task.id })] },
    ]);
    const sdk = await h.client().crm.associations.v4.batchApi.getPage('contacts', 'tasks', {
      inputs: [{ id: contact }],
    });
    expect(sdk.results[0]?.to[0]?.toObjectId).toBe(task.id);
  });

  it('refuses a cursor it did not give', async () => {
    const id = h.setup.portal.createContact({ email: 'c@acme.example' }).id;
    const { status, body } = await read(DATED, [{ id, after: 'not-a-cursor' }]);
    expect(status).toBe(400);
    expect(body).toMatchObject({ category: 'VALIDATION_ERROR' });
  });
});
