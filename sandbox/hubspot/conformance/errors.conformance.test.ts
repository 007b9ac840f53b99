// Conformance: the sandbox's error answers (400, 401, 403, 404, 409) against the spec's `Error` schema,
// over the wire (api-client's apiRequest, plain fetch) and as api-client's ApiException hands them to Baton.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiError, startHarness, type Harness } from '../testing/harness.ts';
import { conforms } from './conforms.ts';
import { hubspotError } from './schemas/errorSchemas.ts';
import { viaClient, viaFetch, type WireAnswer } from './wire.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ rateLimits: false });
});
afterEach(() => h.close());

const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', path: string, body?: unknown) =>
  viaClient(h.client(), method, path, body);

/** The answer is an `Error` with this status and category; returns the parsed body. */
function expectError(answer: WireAnswer, status: number, category: string) {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toContain('application/json');
  const body = conforms(hubspotError, answer.body, `${status} body`);
  expect(body.category).toBe(category);
  return body;
}

describe('400 VALIDATION_ERROR', () => {
  it('a body the endpoint cannot read: errors name the field (`in`)', async () => {
    const answer = await call('POST', '/crm/v3/objects/contacts/batch/update', {
      inputs: [{ properties: { jobtitle: 'VP' } }],
    });
    const body = expectError(answer, 400, 'VALIDATION_ERROR');
    expect(body.errors?.[0]?.in).toBe('inputs.0.id');
  });

  it('a body that is not JSON', async () => {
    const answer = await viaFetch(h.baseUrl, 'POST', '/crm/v3/objects/contacts', {
      token: h.setup.accessToken,
      body: '{"properties": {',
    });
    expectError(answer, 400, 'VALIDATION_ERROR');
  });

  it('a body over the size limit: 413, still an `Error`', async () => {
    const answer = await viaFetch(h.baseUrl, 'POST', '/crm/v3/objects/contacts', {
      token: h.setup.accessToken,
      body: JSON.stringify({ properties: { description: 'x'.repeat(11 * 1024 * 1024) } }),
    });
    expectError(answer, 413, 'VALIDATION_ERROR');
  });

  it('an unknown property: PROPERTY_DOESNT_EXIST in errors[].code with the property in context', async () => {
    const answer = await call('POST', '/crm/v3/objects/contacts', {
      properties: { email: 'x@b.co', favourite_colour: 'blue' },
    });
    const body = expectError(answer, 400, 'VALIDATION_ERROR');
    expect(body.errors).toEqual([
      expect.objectContaining({
        code: 'PROPERTY_DOESNT_EXIST',
        context: { propertyName: ['favourite_colour'] },
      }),
    ]);
  });

  it('more than 100 batch inputs', async () => {
    const inputs = Array.from({ length: 101 }, (_, i) => ({ properties: { email: `b${i}@b.co` } }));
    const body = expectError(
      await call('POST', '/crm/v3/objects/contacts/batch/create', { inputs }),
      400,
      'VALIDATION_ERROR',
    );
    expect(body.errors?.[0]).toMatchObject({ in: 'inputs' });
  });

  it('an invalid value in a batch update fails the whole batch (207 is for batch create with objectWriteTraceId)', async () => {
    const [a, b] = h.setup.portal.seedContacts(2, (i) => ({ email: `v${i}@b.co` }));
    const answer = await call('POST', '/crm/v3/objects/contacts/batch/update', {
      inputs: [
        { id: a?.id, properties: { jobtitle: 'VP' } },
        { id: b?.id, properties: { lifecyclestage: 'not_a_stage' } },
      ],
    });
    const body = expectError(answer, 400, 'VALIDATION_ERROR');
    expect(body.errors?.[0]).toMatchObject({ code: 'INVALID_OPTION' });
    expect(h.setup.portal.contact(a?.id ?? '')?.properties.jobtitle).toBeUndefined();
  });

  it('a search past 10,000 results', async () => {
    const answer = await call('POST', '/crm/v3/objects/contacts/search', {
      filterGroups: [],
      sorts: [],
      properties: [],
      limit: 10,
      after: '10000',
    });
    expectError(answer, 400, 'VALIDATION_ERROR');
  });

  it('as api-client hands it over: ApiException.body is the raw `Error`', async () => {
    const err = await apiError(
      h.client().crm.contacts.basicApi.create({ properties: { email: 'not an email' }, associations: [] }),
    );
    expect(err.code).toBe(400);
    expect(conforms(hubspotError, err.body, 'ApiException body').category).toBe('VALIDATION_ERROR');
  });
});

describe('401 and 403', () => {
  it('no token, or one HubSpot does not know: INVALID_AUTHENTICATION', async () => {
    expectError(await viaFetch(h.baseUrl, 'GET', '/crm/v3/objects/contacts'), 401, 'INVALID_AUTHENTICATION');
    expectError(
      await viaFetch(h.baseUrl, 'GET', '/crm/v3/objects/contacts', { token: 'nope' }),
      401,
      'INVALID_AUTHENTICATION',
    );
  });

  it('an expired access token: EXPIRED_AUTHENTICATION with the expiry in context', async () => {
    h.clock.advance(31 * 60_000);
    const body = expectError(await call('GET', '/crm/v3/objects/contacts'), 401, 'EXPIRED_AUTHENTICATION');
    expect(Object.values(body.context ?? {}).flat()).toHaveLength(1);
  });

  it('a token without the scope: MISSING_SCOPES with the scope in errors[].context and a link', async () => {
    const { token } = h.sandbox.state.createPrivateAppToken(h.setup.portal.id, {
      scopes: ['crm.objects.contacts.read'],
    });
    const body = expectError(
      await viaClient(h.client(token), 'POST', '/crm/v3/objects/contacts', { properties: {} }),
      403,
      'MISSING_SCOPES',
    );
    expect(body.errors?.[0]?.context).toEqual({ requiredGranularScopes: ['crm.objects.contacts.write'] });
    expect(Object.keys(body.links ?? {})).not.toHaveLength(0);
  });
});

describe('404 OBJECT_NOT_FOUND', () => {
  it('a record, an owner, a property, a list, a path', async () => {
    const paths: Array<['GET' | 'PUT', string, unknown?]> = [
      ['GET', '/crm/v3/objects/contacts/999999'],
      ['GET', '/crm/v3/owners/999999'],
      ['GET', '/crm/v3/properties/contacts/no_such_property'],
      ['PUT', '/crm/v3/lists/999999/memberships/add', ['1']],
      ['GET', '/crm/v3/no/such/path'],
    ];
    for (const [method, path, body] of paths) {
      expectError(await call(method, path, body), 404, 'OBJECT_NOT_FOUND');
    }
  });

  it('as api-client hands it over', async () => {
    const err = await apiError(h.client().crm.contacts.basicApi.getById('999999'));
    expect(err.code).toBe(404);
    conforms(hubspotError, err.body, 'ApiException body');
  });
});

describe('409', () => {
  it('a contact whose email another contact has: CONFLICT', async () => {
    h.setup.portal.createContact({ email: 'taken@b.co' });
    const body = expectError(
      await call('POST', '/crm/v3/objects/contacts', { properties: { email: 'taken@b.co' } }),
      409,
      'CONFLICT',
    );
    expect(body.message).toMatch(/Existing ID: \d+/);
  });

  it('a property or group name already taken: OBJECT_ALREADY_EXISTS', async () => {
    const group = { name: 'baton', label: 'Baton' };
    expect((await call('POST', '/crm/v3/properties/contacts/groups', group)).status).toBe(201);
    const property = {
      name: 'baton_stage',
      label: 'Baton stage',
      type: 'string',
      fieldType: 'text',
      groupName: 'baton',
    };
    expect((await call('POST', '/crm/v3/properties/contacts', property)).status).toBe(201);
    expectError(await call('POST', '/crm/v3/properties/contacts', property), 409, 'OBJECT_ALREADY_EXISTS');
    const again = await call('POST', '/crm/v3/properties/contacts/groups', group);
    expect(again.status).toBe(409);
    conforms(hubspotError, again.body, 'duplicate group');
  });
});
