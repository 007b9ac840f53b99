// Faithfulness: the SOQL subset Baton needs, through conn.query — every supported form, SOQL's typing and null
// rules, paging with nextRecordsUrl at 2000 records, queryAll, and clear errors for anything else.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SF_FIELDS, SF_MARKETING_QUEUE } from '../../src/crm/salesforce/batonFields.ts';
import { sfError, startHarness, type Harness } from './testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  const rep = h.setup.reps[0]?.id ?? '';
  const rows = [
    {
      LastName: 'Able',
      Company: 'Acme',
      Email: 'able@acme.io',
      NumberOfEmployees: 50,
      LeadSource: 'Web',
      [SF_FIELDS.fit]: 80,
    },
    {
      LastName: 'Baker',
      Company: 'Beta',
      Email: 'baker@beta.io',
      NumberOfEmployees: 500,
      LeadSource: 'Other',
      [SF_FIELDS.fit]: 40,
    },
    { LastName: 'Carter', Company: 'acme labs', NumberOfEmployees: null, LeadSource: 'Web' },
    { LastName: "O'Neil", Company: 'Delta', Email: 'o@delta.io', NumberOfEmployees: 5, [SF_FIELDS.fit]: 95 },
  ];
  for (const row of rows) {
    h.org.createLead({ ...row, OwnerId: rep });
    h.clock.advance(60_000);
  }
});
afterEach(() => expect(h.sandbox.internalErrors).toEqual([]));

const names = async (soql: string): Promise<string[]> =>
  (await h.connection().query<{ LastName: string }>(soql)).records.map((r) => r.LastName);

describe('SOQL subset', () => {
  it('selects fields with comparisons, AND, OR, NOT, IN, LIKE, NULL and booleans', async () => {
    expect(await names("SELECT LastName FROM Lead WHERE Company = 'ACME'")).toEqual(['Able']);
    expect(await names("SELECT LastName FROM Lead WHERE Company != 'Acme' ORDER BY LastName")).toEqual([
      'Baker',
      'Carter',
      "O'Neil",
    ]);
    expect(
      await names('SELECT LastName FROM Lead WHERE NumberOfEmployees >= 50 ORDER BY NumberOfEmployees DESC'),
    ).toEqual(['Baker', 'Able']);
    expect(await names('SELECT LastName FROM Lead WHERE NumberOfEmployees < 100 ORDER BY LastName')).toEqual([
      'Able',
      "O'Neil",
    ]);
    expect(await names("SELECT LastName FROM Lead WHERE LeadSource = 'Web' AND Email != null")).toEqual([
      'Able',
    ]);
    expect(
      await names("SELECT LastName FROM Lead WHERE (LeadSource = 'Other' OR Email = null) ORDER BY LastName"),
    ).toEqual(['Baker', 'Carter']);
    expect(
      await names("SELECT LastName FROM Lead WHERE LastName IN ('Able', 'O\\'Neil') ORDER BY LastName"),
    ).toEqual(['Able', "O'Neil"]);
    expect(
      await names("SELECT LastName FROM Lead WHERE LastName NOT IN ('Able') AND LeadSource != null"),
    ).toEqual(['Baker', 'Carter']);
    expect(await names("SELECT LastName FROM Lead WHERE Company LIKE 'acme%' ORDER BY LastName")).toEqual([
      'Able',
      'Carter',
    ]);
    expect(await names("SELECT LastName FROM Lead WHERE NOT Company LIKE '%a' ORDER BY LastName")).toEqual([
      'Able',
      'Carter',
    ]);
    expect(
      await names('SELECT LastName FROM Lead WHERE IsConverted = false AND NumberOfEmployees = null'),
    ).toEqual(['Carter']);
    expect(
      await names(
        `SELECT LastName FROM Lead WHERE ${SF_FIELDS.fit} > 50 ORDER BY ${SF_FIELDS.fit} DESC LIMIT 1`,
      ),
    ).toEqual(["O'Neil"]);
  });

  it('orders with nulls first ascending (or as told), limits and offsets', async () => {
    expect(await names(`SELECT LastName FROM Lead ORDER BY ${SF_FIELDS.fit} ASC`)).toEqual([
      'Carter',
      'Baker',
      'Able',
      "O'Neil",
    ]);
    expect(await names(`SELECT LastName FROM Lead ORDER BY ${SF_FIELDS.fit} ASC NULLS LAST`)).toEqual([
      'Baker',
      'Able',
      "O'Neil",
      'Carter',
    ]);
    expect(
      await names('SELECT LastName FROM Lead ORDER BY LeadSource DESC, LastName LIMIT 2 OFFSET 1'),
    ).toEqual(['Carter', 'Baker']);
  });

  it('compares datetimes with literals and relative dates, and counts', async () => {
    const conn = h.connection();
    expect(
      await names(
        'SELECT LastName FROM Lead WHERE SystemModstamp > 2026-10-01T09:01:00Z ORDER BY SystemModstamp',
      ),
    ).toEqual(['Carter', "O'Neil"]);
    expect(
      await names(
        'SELECT LastName FROM Lead WHERE CreatedDate >= 2026-10-01T11:01:00+02:00 ORDER BY LastName',
      ),
    ).toEqual(['Baker', 'Carter', "O'Neil"]);
    expect((await conn.query('SELECT COUNT() FROM Lead WHERE CreatedDate = TODAY')).totalSize).toBe(4);
    expect((await conn.query('SELECT COUNT() FROM Lead WHERE CreatedDate = YESTERDAY')).totalSize).toBe(0);
    expect((await conn.query('SELECT COUNT() FROM Lead WHERE CreatedDate = LAST_N_DAYS:7')).totalSize).toBe(
      4,
    );
    const [row] = (
      await conn.query('SELECT Id, CreatedDate, IsConverted FROM Lead ORDER BY CreatedDate LIMIT 1')
    ).records;
    expect(row).toMatchObject({
      attributes: { type: 'Lead' },
      CreatedDate: '2026-10-01T09:00:00.000+0000',
      IsConverted: false,
    });
  });

  it('queries the setup objects Baton reads: queues, users, statuses, campaigns, activities', async () => {
    const conn = h.connection();
    const queues = await conn.query(
      `SELECT Id, DeveloperName FROM Group WHERE Type = 'Queue' AND DeveloperName = '${SF_MARKETING_QUEUE}'`,
    );
    expect(queues.records).toEqual([
      expect.objectContaining({ Id: h.setup.marketingQueue?.id, DeveloperName: SF_MARKETING_QUEUE }),
    ]);
    const supports = await conn.query(
      `SELECT QueueId FROM QueueSobject WHERE SobjectType = 'Lead' AND QueueId = '${String(h.setup.marketingQueue?.id).slice(0, 15)}'`,
    );
    expect(supports.totalSize).toBe(1);
    const users = await conn.query('SELECT Id, Name, Email FROM User WHERE IsActive = true ORDER BY Name');
    expect(users.totalSize).toBe(4);
    const statuses = await conn.query('SELECT ApiName, IsConverted FROM LeadStatus WHERE IsConverted = true');
    expect(statuses.records.map((r) => r.ApiName)).toEqual(['Closed - Converted']);
    for (const object of ['Task', 'Event', 'Campaign', 'CampaignMember', 'Organization']) {
      await expect(conn.query(`SELECT Id FROM ${object} LIMIT 1`)).resolves.toMatchObject({ done: true });
    }
  });

  it('answers what it does not support, or what is wrong, with Salesforce’s error codes', async () => {
    const conn = h.connection();
    const cases: Array<[string, string, string]> = [
      [
        'SELECT Id FROM Lead GROUP BY Status',
        'MALFORMED_QUERY',
        'GROUP BY is not supported by the Salesforce sandbox',
      ],
      [
        'SELECT Owner.Name FROM Lead',
        'MALFORMED_QUERY',
        'The relationship field Owner.Name is not supported',
      ],
      ['SELECT Id, (SELECT Id FROM Tasks) FROM Lead', 'MALFORMED_QUERY', 'A subquery is not supported'],
      [
        "SELECT Id FROM Lead WHERE Status = 'a' AND Company = 'b' OR Title = 'c'",
        'MALFORMED_QUERY',
        "unexpected token: 'OR'",
      ],
      ['SELECT Id FROM Lead WHERE', 'MALFORMED_QUERY', "unexpected token: '<EOF>'"],
      ['SELECT Nope FROM Lead', 'INVALID_FIELD', "No such column 'Nope' on entity 'Lead'"],
      ['SELECT Id FROM Leed', 'INVALID_TYPE', "sObject type 'Leed' is not supported"],
      [
        "SELECT Id FROM Lead WHERE NumberOfEmployees = '5'",
        'INVALID_FIELD',
        "value of filter criterion for field 'NumberOfEmployees' must be of type double and should not be enclosed in quotes",
      ],
      ["SELECT Id FROM Lead WHERE Id = 'abc'", 'INVALID_QUERY_FILTER_OPERATOR', 'invalid ID field: abc'],
      ['SELECT Id FROM Lead WHERE CreatedDate > 2026-10-01', 'INVALID_FIELD', 'must be of type dateTime'],
    ];
    for (const [soql, code, text] of cases) {
      const e = await sfError(conn.query(soql));
      expect({ soql, code: e.name }).toEqual({ soql, code });
      expect(e.message).toContain(text);
    }
    const located = await sfError(conn.query('SELECT Nope FROM Lead'));
    expect(located.message).toBe(
      "\nSELECT Nope FROM Lead\n       ^\nERROR at Row:1:Column:8\nNo such column 'Nope' on entity 'Lead'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.",
    );
  });
});

describe('paging and queryAll', () => {
  it('pages at 2000 records with nextRecordsUrl, and includes deleted rows only in queryAll', async () => {
    const local = await startHarness();
    try {
      const conn = local.connection();
      for (let i = 0; i < 2100; i += 200) {
        const batch = Array.from({ length: Math.min(200, 2100 - i) }, (_, j) => ({
          LastName: `P${i + j}`,
          Company: 'Paged',
        }));
        await conn.sobject('Lead').create(batch, { headers: { 'Sforce-Auto-Assign': 'FALSE' } });
      }
      const first = await conn.query('SELECT Id FROM Lead');
      expect(first).toMatchObject({
        totalSize: 2100,
        done: false,
        nextRecordsUrl: expect.stringMatching(/\/services\/data\/v62\.0\/query\/01g\w+-2000$/),
      });
      expect(first.records).toHaveLength(2000);
      const rest = await conn.queryMore(first.nextRecordsUrl ?? '');
      expect(rest).toMatchObject({ totalSize: 2100, done: true });
      expect(rest.records).toHaveLength(100);
      const all = await conn.query('SELECT Id FROM Lead', { autoFetch: true, maxFetch: 5000 });
      expect(all.records).toHaveLength(2100);
      expect((await sfError(conn.queryMore('01gNOPE-2000'))).name).toBe('INVALID_QUERY_LOCATOR');

      const victim = first.records[0]?.Id ?? '';
      await conn.sobject('Lead').destroy(victim);
      expect((await conn.query(`SELECT Id FROM Lead WHERE Id = '${victim}'`)).totalSize).toBe(0);
      const archived = await conn.query(`SELECT Id, IsDeleted FROM Lead WHERE Id = '${victim}'`, {
        scanAll: true,
      });
      expect(archived.records).toEqual([expect.objectContaining({ Id: victim, IsDeleted: true })]);
    } finally {
      await local.close();
    }
  });
});
