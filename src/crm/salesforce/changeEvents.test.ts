// Change Data Capture messages → inbound changes: Lead creates/updates/deletes, Baton's own writes dropped by
// the exact client name in changeOrigin, tasks and events routed to their lead by WhoId (contacts ignored,
// unknown WhoId → re-read), GAP events → re-read or changes keyed by replayId, the dedupe key of a redelivery,
// and the schema that refuses malformed messages.
import { describe, expect, it } from 'vitest';
import {
  changeEventMessageSchema,
  isOwnChange,
  mapChangeEvent,
  type ChangeEventMessage,
} from './changeEvents.ts';

const COMMIT = Date.parse('2026-11-22T10:15:30.000Z');
const UI_ORIGIN = 'com/salesforce/api/soap/62.0;client=SfdcInternalAPI/';
const BATON_ORIGIN = 'com/salesforce/api/rest/62.0;client=Baton';

/** A message as the Pub/Sub decoder hands it over (reference §2.2, bitmaps already decoded to names). */
function message(
  header: Partial<ChangeEventMessage['payload']['ChangeEventHeader']> & { entityName: string },
  fields: Record<string, unknown> = {},
  replayId = 'r1201',
): unknown {
  return {
    schema: 'IeRuaY6cbI_HsV8Rv1Mc5g',
    payload: {
      ChangeEventHeader: {
        commitNumber: 11_717_400_001_234,
        commitUser: '005xx000001SwiUAAS',
        sequenceNumber: 1,
        recordIds: ['00Qxx0000001AAAEA2'],
        changeType: 'UPDATE',
        changeOrigin: UI_ORIGIN,
        transactionKey: '0004b6f1-2c3d-8e2a-bd41-7e3a5f0c9d12',
        commitTimestamp: COMMIT,
        changedFields: ['Status', 'LastModifiedDate'],
        ...header,
      },
      ...fields,
    },
    event: { replayId },
  };
}

const map = (raw: unknown) => mapChangeEvent(changeEventMessageSchema.parse(raw));

describe('Salesforce change events', () => {
  it('maps a Lead CREATE to a change with the created fields and the commit time', () => {
    const out = map(
      message({
        entityName: 'Lead',
        changeType: 'CREATE',
        changedFields: [],
        recordIds: ['00Qxx0000001AAAEA2'],
      }),
    );
    expect(out).toEqual({
      replayId: 'r1201',
      reread: false,
      changes: [
        {
          dedupeKey: 'sf:0004b6f1-2c3d-8e2a-bd41-7e3a5f0c9d12:00Qxx0000001AAAEA2',
          change: {
            kind: 'changed',
            leadId: '00Qxx0000001AAAEA2',
            occurredAt: new Date(COMMIT),
            properties: [],
          },
        },
      ],
    });
  });

  it('maps a Lead UPDATE of several records (one transaction) to one change per record', () => {
    const out = map(
      message({
        entityName: 'Lead',
        recordIds: ['00Qxx0000001AAAEA2', '00Qxx0000001BBBEA2'],
        changedFields: ['OwnerId', 'Baton_Return_Requested_At__c'],
      }),
    );
    expect(out.reread).toBe(false);
    expect(out.changes.map((c) => [c.dedupeKey, c.change])).toEqual([
      [
        'sf:0004b6f1-2c3d-8e2a-bd41-7e3a5f0c9d12:00Qxx0000001AAAEA2',
        {
          kind: 'changed',
          leadId: '00Qxx0000001AAAEA2',
          occurredAt: new Date(COMMIT),
          properties: ['OwnerId', 'Baton_Return_Requested_At__c'],
        },
      ],
      [
        'sf:0004b6f1-2c3d-8e2a-bd41-7e3a5f0c9d12:00Qxx0000001BBBEA2',
        {
          kind: 'changed',
          leadId: '00Qxx0000001BBBEA2',
          occurredAt: new Date(COMMIT),
          properties: ['OwnerId', 'Baton_Return_Requested_At__c'],
        },
      ],
    ]);
  });

  it('maps a Lead DELETE to a deletion (not a privacy erasure)', () => {
    const out = map(message({ entityName: 'Lead', changeType: 'DELETE', changedFields: [] }));
    expect(out.changes).toEqual([
      {
        dedupeKey: 'sf:0004b6f1-2c3d-8e2a-bd41-7e3a5f0c9d12:00Qxx0000001AAAEA2',
        change: {
          kind: 'deleted',
          leadId: '00Qxx0000001AAAEA2',
          occurredAt: new Date(COMMIT),
          privacy: false,
        },
      },
    ]);
  });

  it("drops Baton's own writes (client=Baton), but not a client whose name only starts with Baton", () => {
    const own = map(message({ entityName: 'Lead', changeOrigin: BATON_ORIGIN }));
    expect(own).toEqual({ replayId: 'r1201', changes: [], reread: false });
    const other = map(
      message({ entityName: 'Lead', changeOrigin: 'com/salesforce/api/rest/62.0;client=BatonX' }),
    );
    expect(other.changes).toHaveLength(1);
    const uiChange = map(message({ entityName: 'Lead', changeOrigin: UI_ORIGIN }));
    expect(uiChange.changes).toHaveLength(1);
    expect(isOwnChange(BATON_ORIGIN)).toBe(true);
    expect(isOwnChange('com/salesforce/api/rest/62.0;client=Baton;foo=bar')).toBe(true);
    expect(isOwnChange('com/salesforce/api/rest/62.0;client=BatonX')).toBe(false);
    expect(isOwnChange('com/salesforce/api/rest/62.0;client=MyBaton')).toBe(false);
    expect(isOwnChange('')).toBe(false);
  });

  it('routes a Task on a lead (WhoId 00Q…) to a change for that lead, keyed by the task', () => {
    const out = map(
      message(
        {
          entityName: 'Task',
          changeType: 'CREATE',
          recordIds: ['00Txx000000TaskAAA'],
          changedFields: [],
        },
        { WhoId: '00Qxx0000001AAAEA2', Subject: 'Call', Status: 'Completed' },
      ),
    );
    expect(out).toEqual({
      replayId: 'r1201',
      reread: false,
      changes: [
        {
          dedupeKey: 'sf:0004b6f1-2c3d-8e2a-bd41-7e3a5f0c9d12:00Txx000000TaskAAA',
          change: {
            kind: 'changed',
            leadId: '00Qxx0000001AAAEA2',
            occurredAt: new Date(COMMIT),
            properties: ['Task.WhoId'],
          },
        },
      ],
    });
  });

  it('routes an Event on a lead the same way', () => {
    const out = map(
      message(
        { entityName: 'Event', changeType: 'CREATE', recordIds: ['00Uxx000000EvtAAA'] },
        { WhoId: '00Qxx0000001BBBEA2' },
      ),
    );
    expect(
      out.changes.map((c) => [c.change.leadId, c.change.kind === 'changed' && c.change.properties]),
    ).toEqual([['00Qxx0000001BBBEA2', ['Event.WhoId']]]);
  });

  it('ignores a Task on a contact (WhoId 003…) and a deleted task', () => {
    const onContact = map(
      message(
        { entityName: 'Task', changeType: 'CREATE', recordIds: ['00Txx000000TaskAAA'] },
        { WhoId: '003xx000004TmiQAAS' },
      ),
    );
    expect(onContact).toEqual({ replayId: 'r1201', changes: [], reread: false });
    const deleted = map(
      message(
        { entityName: 'Task', changeType: 'DELETE', recordIds: ['00Txx000000TaskAAA'] },
        { WhoId: '00Qxx0000001AAAEA2' },
      ),
    );
    expect(deleted).toEqual({ replayId: 'r1201', changes: [], reread: false });
  });

  it('asks for a re-read when a Task UPDATE does not carry WhoId (it only does when WhoId changed)', () => {
    const out = map(
      message({
        entityName: 'Task',
        changeType: 'UPDATE',
        recordIds: ['00Txx000000TaskAAA'],
        changedFields: ['Status'],
      }),
    );
    expect(out).toEqual({ replayId: 'r1201', changes: [], reread: true });
    const nullWho = map(
      message({ entityName: 'Task', changeType: 'UPDATE', changedFields: ['Status'] }, { WhoId: null }),
    );
    expect(nullWho.reread).toBe(true);
  });

  it('asks for a re-read on GAP_OVERFLOW, whatever the origin', () => {
    const out = map(
      message({
        entityName: 'Lead',
        changeType: 'GAP_OVERFLOW',
        recordIds: [],
        changeOrigin: BATON_ORIGIN,
        transactionKey: '',
      }),
    );
    expect(out).toEqual({ replayId: 'r1201', changes: [], reread: true });
  });

  it('asks for a re-read, never an id, when recordIds is a wildcard (a field type conversion: "00Q*")', () => {
    for (const entityName of ['Lead', 'Task']) {
      const prefix = entityName === 'Lead' ? '00Q' : '00T';
      const out = map(
        message({ entityName, recordIds: [`${prefix}*`], changedFields: [], changeOrigin: '' }, {}, 'r1300'),
      );
      expect(out).toEqual({ replayId: 'r1300', changes: [], reread: true });
    }
  });

  it('turns a GAP_UPDATE into changes keyed by replayId (gap events have no usable transaction), even from Baton', () => {
    const out = map(
      message(
        {
          entityName: 'Lead',
          changeType: 'GAP_UPDATE',
          recordIds: ['00Qxx0000001AAAEA2', '00Qxx0000001BBBEA2'],
          changeOrigin: BATON_ORIGIN,
          changedFields: [],
        },
        {},
        'r5001',
      ),
    );
    expect(out.replayId).toBe('r5001');
    expect(out.reread).toBe(false);
    expect(out.changes.map((c) => [c.dedupeKey, c.change.kind, c.change.leadId])).toEqual([
      ['sf:Lead:r5001:00Qxx0000001AAAEA2', 'changed', '00Qxx0000001AAAEA2'],
      ['sf:Lead:r5001:00Qxx0000001BBBEA2', 'changed', '00Qxx0000001BBBEA2'],
    ]);
    const gapDelete = map(
      message({ entityName: 'Lead', changeType: 'GAP_DELETE', changedFields: [] }, {}, 'r5002'),
    );
    expect(gapDelete.changes[0]).toMatchObject({
      dedupeKey: 'sf:Lead:r5002:00Qxx0000001AAAEA2',
      change: { kind: 'deleted' },
    });
  });

  it('a redelivery of the same transaction has the same dedupe key; another transaction does not', () => {
    const first = map(message({ entityName: 'Lead' }, {}, 'r1201'));
    const redelivered = map(message({ entityName: 'Lead' }, {}, 'r1202'));
    const next = map(
      message({ entityName: 'Lead', transactionKey: 'ffff0000-1111-2222-3333-444455556666' }, {}, 'r1203'),
    );
    expect(redelivered.changes[0]?.dedupeKey).toBe(first.changes[0]?.dedupeKey);
    expect(next.changes[0]?.dedupeKey).not.toBe(first.changes[0]?.dedupeKey);
    // Without a transaction key the replayId keeps events apart.
    const noKey = map(message({ entityName: 'Lead', transactionKey: '' }, {}, 'r1300'));
    expect(noKey.changes[0]?.dedupeKey).toBe('sf:Lead:r1300:00Qxx0000001AAAEA2');
  });

  it('ignores entities Baton does not subscribe to', () => {
    const out = map(message({ entityName: 'Contact', recordIds: ['003xx000004TmiQAAS'] }));
    expect(out).toEqual({ replayId: 'r1201', changes: [], reread: false });
  });

  it('the schema refuses malformed messages', () => {
    const ok = message({ entityName: 'Lead' });
    expect(changeEventMessageSchema.safeParse(ok).success).toBe(true);
    const bad: Array<[string, unknown]> = [
      ['no payload', { event: { replayId: 'r1' } }],
      ['no event', { payload: (ok as { payload: unknown }).payload }],
      ['replayId as a number', { ...(ok as object), event: { replayId: 1 } }],
      ['no header', { payload: {}, event: { replayId: 'r1' } }],
      ['empty entity', message({ entityName: '' })],
      ['recordIds not a list', message({ entityName: 'Lead', recordIds: '00Q' as never })],
      [
        'commitTimestamp as a date string',
        message({ entityName: 'Lead', commitTimestamp: '2026-11-22' as never }),
      ],
      ['negative commitTimestamp', message({ entityName: 'Lead', commitTimestamp: -1 })],
      ['numeric WhoId', message({ entityName: 'Task' }, { WhoId: 42 })],
      ['not an object', 'CREATE 00Q'],
      ['null', null],
    ];
    for (const [what, raw] of bad) {
      expect(changeEventMessageSchema.safeParse(raw).success, what).toBe(false);
    }
  });
});
