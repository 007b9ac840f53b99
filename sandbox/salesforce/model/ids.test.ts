// Salesforce ids: the 18-character checksum (Salesforce's documented example), case restoration of
// case-insensitive 18-character input, and generated ids that are valid.
import { describe, expect, it } from 'vitest';
import { canonicalId, checksumSuffix, IdGenerator } from './ids.ts';

describe('record ids', () => {
  it('computes the 18-character suffix as Salesforce does', () => {
    expect(checksumSuffix('001D000000IqhSL')).toBe('IAZ');
    expect(canonicalId('001D000000IqhSL')).toBe('001D000000IqhSLIAZ');
  });

  it('accepts 18-character ids in any case and restores the original case', () => {
    expect(canonicalId('001d000000iqhsliaz')).toBe('001D000000IqhSLIAZ');
    expect(canonicalId('001D000000IqhSLIAZ')).toBe('001D000000IqhSLIAZ');
  });

  it('reads the suffix as the case of the first 15 characters, and refuses what is no id', () => {
    // AAA says "all lower case": that is another (valid) id.
    expect(canonicalId('001D000000IqhSLAAA')).toBe('001d000000iqhslAAA');
    expect(canonicalId('001D000000IqhSL999')).toBeUndefined();
    expect(canonicalId('abc')).toBeUndefined();
    expect(canonicalId('001D000000IqhS!')).toBeUndefined();
  });

  it('hands out distinct, valid ids per prefix', () => {
    const ids = new IdGenerator();
    const a = ids.next('00Q');
    const b = ids.next('00Q');
    expect(a).not.toBe(b);
    expect(a.slice(0, 3)).toBe('00Q');
    expect(canonicalId(a)).toBe(a);
    expect(canonicalId(a.slice(0, 15))).toBe(a);
  });
});
