// Field bitmaps as the Pub/Sub API guide describes them ("Event Deserialization Considerations"): the documented
// example ['0x650004E0', '4-0x10', '7-0x06'] read against a schema with compound fields at positions 4 and 7.
import avro from 'avsc';
import { describe, expect, it } from 'vitest';
import { BitmapError, fieldNamesFromBitmaps, type AvroRecordShape } from './fieldBitmaps.ts';

const optional = (type: unknown) => ({ type: ['null', type], default: null });
const compound = (name: string, parts: string[]) =>
  optional({ type: 'record', name, fields: parts.map((p) => ({ name: p, ...optional('string') })) });

/** 31 top-level fields: header, 3 plain fields, Name (4), 2 plain, Address (7), then plain F8…F30. */
const schema = avro.Type.forSchema({
  type: 'record',
  name: 'LeadChangeEvent',
  namespace: 'com.sforce.eventbus',
  fields: [
    {
      name: 'ChangeEventHeader',
      type: { type: 'record', name: 'Header', fields: [{ name: 'entityName', type: 'string' }] },
    },
    { name: 'F1', ...optional('string') },
    { name: 'F2', ...optional('string') },
    { name: 'F3', ...optional('string') },
    {
      name: 'Name',
      ...compound('NameParts', ['Salutation', 'FirstName', 'LastName', 'MiddleName', 'Suffix']),
    },
    { name: 'F5', ...optional('string') },
    { name: 'F6', ...optional('string') },
    { name: 'Address', ...compound('AddressParts', ['Street', 'City', 'State', 'PostalCode']) },
    ...Array.from({ length: 23 }, (_, i) => ({ name: `F${i + 8}`, ...optional('long') })),
  ],
} as avro.Schema) as unknown as AvroRecordShape;

describe('Pub/Sub field bitmaps', () => {
  it('reads the documented example: bit i is the field at position i; "4-0x10" is a nested field of field 4', () => {
    // 0x650004E0 = bits 5, 6, 7, 10, 24, 26, 29, 30 (and 0x10 = bit 4; 0x06 = bits 1 and 2).
    expect(fieldNamesFromBitmaps(['0x650004E0', '4-0x10', '7-0x06'], schema)).toEqual([
      'F5',
      'F6',
      'Address',
      'F10',
      'F24',
      'F26',
      'F29',
      'F30',
      'Name.Suffix',
      'Address.City',
      'Address.State',
    ]);
  });

  it('reads lower-case hex, an empty bitmap and an empty list as what they say', () => {
    expect(fieldNamesFromBitmaps(['0x6'], schema)).toEqual(['F1', 'F2']);
    expect(fieldNamesFromBitmaps(['0x0'], schema)).toEqual([]);
    expect(fieldNamesFromBitmaps(['0x'], schema)).toEqual([]);
    expect(fieldNamesFromBitmaps([], schema)).toEqual([]);
    expect(fieldNamesFromBitmaps(['0x0', '4-0x6'], schema)).toEqual(['Name.FirstName', 'Name.LastName']);
  });

  it('refuses what it cannot read rather than guess: a bit past the schema, a plain field as parent, not hex', () => {
    expect(() => fieldNamesFromBitmaps(['0x80000000'], schema)).toThrow(BitmapError);
    expect(() => fieldNamesFromBitmaps(['1-0x01'], schema)).toThrow(/no compound field/);
    expect(() => fieldNamesFromBitmaps(['99-0x01'], schema)).toThrow(/no compound field/);
    expect(() => fieldNamesFromBitmaps(['4-0x40'], schema)).toThrow(/bit 6/);
    expect(() => fieldNamesFromBitmaps(['LastName'], schema)).toThrow(/not a field bitmap/);
    expect(() => fieldNamesFromBitmaps(['0xZZ'], schema)).toThrow(/not a field bitmap/);
  });
});
