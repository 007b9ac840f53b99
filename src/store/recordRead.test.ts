import { describe, expect, it } from 'vitest';
import { isOlderRead } from './recordRead.ts';

const read = (modified: string, asked: string) => ({
  modifiedAt: new Date(`2026-12-07T10:00:${modified}Z`),
  readAt: new Date(`2026-12-07T10:00:${asked}Z`),
});

describe('isOlderRead', () => {
  it('orders reads by the record’s own modification time first', () => {
    // Read later but through a lagging search index: the record's stamp says it is the older version.
    expect(isOlderRead(read('01', '30'), read('02', '10'))).toBe(true);
    expect(isOlderRead(read('02', '10'), read('01', '30'))).toBe(false);
  });

  it('breaks a tie on the stamp by when the read was asked for', () => {
    // Salesforce stamps whole seconds; a HubSpot Lead record's owner change leaves the contact's stamp alone.
    expect(isOlderRead(read('01', '10'), read('01', '11'))).toBe(true);
    expect(isOlderRead(read('01', '11'), read('01', '10'))).toBe(false);
  });

  it('never calls the same read older than itself', () => {
    expect(isOlderRead(read('01', '10'), read('01', '10'))).toBe(false);
  });
});
