// Conformance: the objects API's batch answers — 200/201 success, 207 multi-status with some ids missing —
// against `BatchResponseSimplePublicObject[WithErrors]` and `StandardError`, over the wire and through
// api-client's typed batch calls (whose models Baton reads).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../testing/harness.ts';
import { conforms } from './conforms.ts';
import {
  batchResponseSimplePublicObject,
  batchResponseSimplePublicObjectWithErrors,
  batchResponseSimplePublicUpsertObject,
} from './schemas/batchSchemas.ts';
import { viaClient } from './wire.ts';

let h: Harness;
let ids: string[];
beforeEach(async () => {
  h = await startHarness({ rateLimits: false });
  ids = h.setup.portal
    .seedContacts(3, (i) => ({ email: `b${i}@b.co`, jobtitle: 'Analyst' }))
    .map((c) => c.id);
});
afterEach(() => h.close());

const post = (path: string, body: unknown) => viaClient(h.client(), 'POST', path, body);
const read = (inputIds: string[], extra: Record<string, unknown> = {}) =>
  post('/crm/v3/objects/contacts/batch/read', {
    inputs: inputIds.map((id) => ({ id })),
    properties: ['email', 'jobtitle'],
    propertiesWithHistory: [],
    ...extra,
  });

describe('batch read', () => {
  it('all found: 200 BatchResponseSimplePublicObject', async () => {
    const answer = await read(ids);
    expect(answer.status).toBe(200);
    const body = conforms(batchResponseSimplePublicObject, answer.body, 'batch read');
    expect(body.results.map((r) => r.id).sort()).toEqual([...ids].sort());
  });

  it('with property history: each version a ValueWithTimestamp', async () => {
    const answer = await read(ids.slice(0, 1), { propertiesWithHistory: ['jobtitle'] });
    const body = conforms(batchResponseSimplePublicObject, answer.body, 'batch read with history');
    expect(body.results[0]?.propertiesWithHistory?.jobtitle?.[0]?.value).toBe('Analyst');
  });

  it('some ids missing: 207 with errors (StandardError: status, category, message, context, errors, links)', async () => {
    const answer = await read([ids[0] ?? '', '999998', '999999']);
    expect(answer.status).toBe(207);
    const body = conforms(batchResponseSimplePublicObjectWithErrors, answer.body, 'batch read 207');
    expect(body.results.map((r) => r.id)).toEqual([ids[0]]);
    expect(body.numErrors).toBe(1);
    expect(body.errors).toEqual([
      expect.objectContaining({
        category: 'OBJECT_NOT_FOUND',
        context: { ids: ['999998', '999999'] },
        errors: [],
        links: {},
      }),
    ]);
  });

  it('through api-client: the 207 model carries errors and links', async () => {
    const res = await h.client().crm.contacts.batchApi.readWithHttpInfo({
      inputs: [{ id: ids[0] ?? '' }, { id: '999999' }],
      properties: ['email'],
      propertiesWithHistory: [],
    });
    expect(res.httpStatusCode).toBe(207);
    const [error] = 'errors' in res.data ? (res.data.errors ?? []) : [];
    expect(error).toMatchObject({ category: 'OBJECT_NOT_FOUND', errors: [], links: {} });
  });
});

describe('batch update', () => {
  const update = (inputs: Array<{ id: string; properties: Record<string, string> }>) =>
    post('/crm/v3/objects/contacts/batch/update', { inputs });

  it('all found: 200 BatchResponseSimplePublicObject with the written values', async () => {
    const answer = await update(ids.map((id) => ({ id, properties: { jobtitle: 'VP' } })));
    expect(answer.status).toBe(200);
    const body = conforms(batchResponseSimplePublicObject, answer.body, 'batch update');
    expect(body.results.every((r) => r.properties.jobtitle === 'VP')).toBe(true);
  });

  it('some ids missing: 207, the others updated', async () => {
    const answer = await update([
      { id: ids[0] ?? '', properties: { jobtitle: 'VP' } },
      { id: '424242', properties: { jobtitle: 'VP' } },
    ]);
    expect(answer.status).toBe(207);
    const body = conforms(batchResponseSimplePublicObjectWithErrors, answer.body, 'batch update 207');
    expect(body.errors?.[0]).toMatchObject({ category: 'OBJECT_NOT_FOUND', context: { ids: ['424242'] } });
    expect(h.setup.portal.contact(ids[0] ?? '')?.properties.jobtitle).toBe('VP');
  });

  it('through api-client: updateWithHttpInfo reads the 207 as BatchResponseSimplePublicObjectWithErrors', async () => {
    const res = await h.client().crm.contacts.batchApi.updateWithHttpInfo({
      inputs: [
        { id: ids[1] ?? '', properties: { jobtitle: 'CMO' } },
        { id: '424242', properties: { jobtitle: 'CMO' } },
      ],
    });
    expect(res.httpStatusCode).toBe(207);
    expect(res.data).toMatchObject({ numErrors: 1 });
    const [error] = 'errors' in res.data ? (res.data.errors ?? []) : [];
    expect(error).toMatchObject({ status: 'error', errors: [], links: {} });
  });
});

describe('batch create and upsert', () => {
  it('create: 201 BatchResponseSimplePublicObject', async () => {
    const answer = await post('/crm/v3/objects/contacts/batch/create', {
      inputs: [{ properties: { email: 'new1@b.co' } }, { properties: { email: 'new2@b.co' } }],
    });
    expect(answer.status).toBe(201);
    expect(conforms(batchResponseSimplePublicObject, answer.body, 'batch create').results).toHaveLength(2);
  });

  it('upsert: 200 BatchResponseSimplePublicUpsertObject, `new` telling created from updated', async () => {
    const answer = await post('/crm/v3/objects/contacts/batch/upsert', {
      inputs: [
        { id: 'b0@b.co', idProperty: 'email', properties: { jobtitle: 'VP' } },
        { id: 'fresh@b.co', idProperty: 'email', properties: { jobtitle: 'VP' } },
      ],
    });
    expect(answer.status).toBe(200);
    const body = conforms(batchResponseSimplePublicUpsertObject, answer.body, 'batch upsert');
    expect(body.results.map((r) => r.new).sort()).toEqual([false, true]);
  });
});
