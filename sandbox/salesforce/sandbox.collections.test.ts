// Faithfulness: sObject Collections through jsforce arrays — the 200-record cap (201 → 400 EXCEEDED_ID_LIMIT),
// per-record SaveResults in input order with allOrNone false, everything rolled back with allOrNone true,
// one API call and one transaction per collection, deletes and retrieves by id; Baton's restricted picklists.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sfError, startHarness, type Harness } from './testing/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const leads = (n: number, prefix = 'L') =>
  Array.from({ length: n }, (_, i) => ({ LastName: `${prefix}${i}`, Company: 'Acme' }));

describe('sObject collections', () => {
  it('caps a collection at 200 records: 201 fail the whole call', async () => {
    const conn = h.connection();
    const ok = await conn.sobject('Lead').create(leads(200));
    expect(ok.every((r) => r.success)).toBe(true);
    const tooMany = await sfError(conn.sobject('Lead').create(leads(201)));
    expect(tooMany.name).toBe('EXCEEDED_ID_LIMIT');
    expect(tooMany.message).toBe('record limit reached. cannot submit more than 200 records into this call');
    expect(h.org.leads()).toHaveLength(200);
    // jsforce splits bigger arrays itself when asked to.
    const split = await conn.sobject('Lead').create(leads(201, 'S'), { allowRecursive: true });
    expect(split).toHaveLength(201);
    expect(
      h.sandbox.state.requests
        .all({ method: 'POST', path: '/services/data/v62.0/composite/sobjects' })
        .map((r) => [r.status, r.records]),
    ).toEqual([
      [200, 200],
      [400, 201],
      [200, 200],
      [200, 1],
    ]);
  });

  it('reports failures per record with allOrNone false and saves the rest', async () => {
    const conn = h.connection();
    const [a = '', b = ''] = (await conn.sobject('Lead').create(leads(2))).map((r) => r.id ?? '');
    const results = await conn.sobject('Lead').update(
      [
        { Id: a, Title: 'CTO' },
        { Id: b, Email: 'not-an-email' },
        { Id: a, Nope__c: 1 },
        { Id: '00Q000000000000', Title: 'x' },
      ],
      { allOrNone: false },
    );
    expect(results).toEqual([
      { id: a, success: true, errors: [] },
      {
        id: b,
        success: false,
        errors: [
          {
            statusCode: 'INVALID_EMAIL_ADDRESS',
            message: 'Email: invalid email address: not-an-email',
            fields: ['Email'],
          },
        ],
      },
      {
        id: a,
        success: false,
        errors: [
          {
            statusCode: 'INVALID_FIELD',
            message: "No such column 'Nope__c' on sobject of type Lead",
            fields: ['Nope__c'],
          },
        ],
      },
      {
        id: '00Q000000000000EAA',
        success: false,
        errors: [
          {
            statusCode: 'INVALID_CROSS_REFERENCE_KEY',
            message: 'invalid cross reference id',
            fields: ['Id'],
          },
        ],
      },
    ]);
    expect(h.org.lead(a)?.values.Title).toBe('CTO');
    expect(h.org.lead(b)?.values.Email).toBeNull();
  });

  it('refuses a save an active validation rule refuses, with its message, and lets the others through', async () => {
    h.org.addValidationRule({
      object: 'Lead',
      name: 'Recycling_Needs_Ops',
      message: 'Only marketing ops may recycle a lead that is being worked.',
      field: 'Baton_Stage__c',
      refuses: (next, prev) =>
        next['Baton_Stage__c'] === 'recycled' && prev?.['Status'] === 'Working - Contacted',
    });
    const conn = h.connection();
    const [a = '', b = ''] = (await conn.sobject('Lead').create(leads(2))).map((r) => r.id ?? '');
    await conn.sobject('Lead').update({ Id: a, Status: 'Working - Contacted' });
    const results = await conn.sobject('Lead').update(
      [
        { Id: a, Baton_Stage__c: 'recycled' },
        { Id: b, Baton_Stage__c: 'recycled' },
      ],
      { allOrNone: false },
    );
    expect(results[0]).toMatchObject({
      success: false,
      errors: [
        {
          statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
          message: 'Only marketing ops may recycle a lead that is being worked.',
          fields: ['Baton_Stage__c'],
        },
      ],
    });
    expect(results[1]).toMatchObject({ success: true });
    expect(h.org.lead(a)?.values.Baton_Stage__c).not.toBe('recycled');
  });

  it("refuses a value outside Baton's restricted picklists, as the package's field metadata declares them", async () => {
    const conn = h.connection();
    const [a = ''] = (await conn.sobject('Lead').create(leads(1))).map((r) => r.id ?? '');
    const results = await conn.sobject('Lead').update(
      [
        { Id: a, Baton_Stage__c: 'bogus-stage' },
        { Id: a, Baton_Stage__c: 'recycled', Baton_SLA_Status__c: 'met' },
      ],
      { allOrNone: false },
    );
    expect(results[0]).toMatchObject({
      success: false,
      errors: [{ statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', fields: ['Baton_Stage__c'] }],
    });
    expect(results[1]).toMatchObject({ success: true });
    expect(h.org.lead(a)?.values.Baton_Stage__c).toBe('recycled');
  });

  it('rolls every record back with allOrNone true', async () => {
    const conn = h.connection();
    const results = await conn
      .sobject('Lead')
      .create([{ LastName: 'Kept?', Company: 'Acme' }, { LastName: 'No company' }], { allOrNone: true });
    expect(results).toEqual([
      {
        success: false,
        errors: [
          {
            statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
            message:
              'Record rolled back because not all records were valid and the request was using AllOrNone header',
            fields: [],
          },
        ],
      },
      {
        success: false,
        errors: [
          {
            statusCode: 'REQUIRED_FIELD_MISSING',
            message: 'Required fields are missing: [Company]',
            fields: ['Company'],
          },
        ],
      },
    ]);
    expect(h.org.leads()).toHaveLength(0);
    expect(h.org.changeEvents.events()).toHaveLength(0);
  });

  it('fails the whole call for a value of the wrong type', async () => {
    const e = await sfError(
      h
        .connection()
        .sobject('Lead')
        .create([{ LastName: 'A', Company: 'B', NumberOfEmployees: 'many' }]),
    );
    expect(e.name).toBe('JSON_PARSER_ERROR');
    expect(e.message).toContain('Cannot deserialize instance of int');
  });

  it('commits a collection as one transaction and counts it as one API call', async () => {
    const conn = h.connection();
    await conn.sobject('Lead').create(leads(3));
    const keys = new Set(
      h.org.changeEvents.events().map((e) => e.message.payload.ChangeEventHeader.transactionKey),
    );
    expect(keys.size).toBe(1);
    expect(
      h.org.changeEvents.events().map((e) => e.message.payload.ChangeEventHeader.sequenceNumber),
    ).toEqual([1, 2, 3]);
    expect(conn.limitInfo.apiUsage?.used).toBe(1);
  });

  it('deletes and retrieves by ids', async () => {
    const conn = h.connection();
    const created = await conn.sobject('Lead').create(leads(3));
    const ids = created.map((r) => r.id ?? '');
    const fetched = await conn.sobject('Lead').retrieve(ids, { fields: ['Id', 'LastName'] });
    expect(fetched.map((r) => r?.LastName)).toEqual(['L0', 'L1', 'L2']);
    const deleted = await conn.sobject('Lead').destroy([ids[0] ?? '', ids[1] ?? '']);
    expect(deleted).toEqual([
      { id: ids[0], success: true, errors: [] },
      { id: ids[1], success: true, errors: [] },
    ]);
    const again = await conn.sobject('Lead').destroy([ids[0] ?? '']);
    expect(again[0]).toMatchObject({ success: false, errors: [{ statusCode: 'ENTITY_IS_DELETED' }] });
    const after = await conn.sobject('Lead').retrieve(ids, { fields: ['Id'] });
    expect(after.map((r) => r?.Id ?? null)).toEqual([null, null, ids[2]]);
  });
});
