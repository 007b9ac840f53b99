// Decoding a Pub/Sub API change event: the Avro payload read with the schema its id names (fetched once), the
// header's bitmaps read as field names, the replay id kept as base64; bytes that do not fit are an UnreadableEvent,
// a schema that cannot be fetched is asked again next time.
import avro from 'avsc';
import { describe, expect, it } from 'vitest';
import { ChangeEventDecoder, UnreadableEvent } from './changeEventDecoder.ts';

const optional = (type: avro.Schema) => ({ type: ['null', type] as avro.Schema, default: null });

const SCHEMA = {
  type: 'record',
  name: 'LeadChangeEvent',
  namespace: 'com.sforce.eventbus',
  fields: [
    {
      name: 'ChangeEventHeader',
      type: {
        type: 'record',
        name: 'ChangeEventHeader',
        fields: [
          { name: 'entityName', type: 'string' },
          { name: 'recordIds', type: { type: 'array', items: 'string' } },
          { name: 'changeType', type: { type: 'enum', name: 'ChangeType', symbols: ['CREATE', 'UPDATE'] } },
          { name: 'changeOrigin', type: 'string' },
          { name: 'transactionKey', type: 'string' },
          { name: 'sequenceNumber', type: 'int' },
          { name: 'commitTimestamp', type: 'long' },
          { name: 'commitNumber', type: 'long' },
          { name: 'commitUser', type: 'string' },
          { name: 'nulledFields', type: { type: 'array', items: 'string' } },
          { name: 'diffFields', type: { type: 'array', items: 'string' } },
          { name: 'changedFields', type: { type: 'array', items: 'string' } },
        ],
      },
    },
    {
      name: 'Name',
      ...optional({
        type: 'record',
        name: 'Name',
        fields: ['Salutation', 'FirstName', 'LastName'].map((n) => ({ name: n, ...optional('string') })),
      }),
    },
    { name: 'Status', ...optional('string') },
    { name: 'OwnerId', ...optional('string') },
    { name: 'LastModifiedDate', ...optional('long') },
  ],
} as const;

const type = avro.Type.forSchema(SCHEMA as unknown as avro.Schema);

function consumerEvent(changedFields: string[], replay = 7): Parameters<ChangeEventDecoder['decode']>[0] {
  const payload = Buffer.from(
    type.toBuffer({
      ChangeEventHeader: {
        entityName: 'Lead',
        recordIds: ['00Qxx0000001AAAEA2'],
        changeType: 'UPDATE',
        changeOrigin: 'com/salesforce/api/rest/62.0;client=Baton',
        transactionKey: '0004b6f1',
        sequenceNumber: 1,
        commitTimestamp: 1_763_800_000_000,
        commitNumber: 11_717_400_001_234,
        commitUser: '005xx000001SwiUAAS',
        nulledFields: [],
        diffFields: [],
        changedFields,
      },
      Name: { Salutation: null, FirstName: 'Ana', LastName: null },
      Status: 'Working',
      OwnerId: null,
      LastModifiedDate: 1_763_800_000_000,
    }),
  );
  const replayId = Buffer.alloc(8);
  replayId.writeBigUInt64BE(BigInt(replay));
  return { event: { id: 'e1', schemaId: 'schema-1', payload }, replayId };
}

describe('ChangeEventDecoder', () => {
  it('reads the payload with its schema, the changed fields as names, the replay id as base64', async () => {
    const asked: string[] = [];
    const decoder = new ChangeEventDecoder((id) => {
      asked.push(id);
      return Promise.resolve(JSON.stringify(SCHEMA));
    });
    // Status (bit 2), LastModifiedDate (bit 4); Name.FirstName (nested bit 1 of field 1).
    const message = await decoder.decode(consumerEvent(['0x14', '1-0x02']));
    expect(message.payload.ChangeEventHeader).toMatchObject({
      entityName: 'Lead',
      changeType: 'UPDATE',
      commitTimestamp: 1_763_800_000_000,
      changedFields: ['Status', 'LastModifiedDate', 'Name.FirstName'],
    });
    expect(message.payload['Status']).toBe('Working');
    expect(message.event.replayId).toBe(Buffer.from([0, 0, 0, 0, 0, 0, 0, 7]).toString('base64'));
    await decoder.decode(consumerEvent(['0x4'], 8));
    expect(asked).toEqual(['schema-1']);
  });

  it('bytes that do not fit the schema, or a bitmap naming no field, are an unreadable event', async () => {
    const decoder = new ChangeEventDecoder(() => Promise.resolve(JSON.stringify(SCHEMA)));
    const garbled = consumerEvent(['0x4']);
    garbled.event.payload = Buffer.from(garbled.event.payload.subarray(0, 10));
    await expect(decoder.decode(garbled)).rejects.toBeInstanceOf(UnreadableEvent);
    await expect(decoder.decode(consumerEvent(['0x400']))).rejects.toThrow(/bit 10 names no field/);
  });

  it('a schema that cannot be fetched fails this event and is asked again for the next', async () => {
    let calls = 0;
    const decoder = new ChangeEventDecoder(() => {
      calls++;
      return calls === 1
        ? Promise.reject(new Error('14 UNAVAILABLE'))
        : Promise.resolve(JSON.stringify(SCHEMA));
    });
    await expect(decoder.decode(consumerEvent(['0x4']))).rejects.toThrow(/UNAVAILABLE/);
    await expect(decoder.decode(consumerEvent(['0x4']))).resolves.toMatchObject({
      payload: { ChangeEventHeader: { changedFields: ['Status'] } },
    });
    expect(calls).toBe(2);
  });
});
