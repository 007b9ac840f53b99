// CRM search filters, evaluated the way HubSpot compares values: numbers as numbers, dates and datetimes as
// instants (filter values in epoch ms or ISO), everything else as case-insensitive text.
// https://developers.hubspot.com/docs/api-reference/latest/crm/search-the-crm
import type { CrmRecord } from '../crmRecord.ts';
import type { PropertyDefinition } from '../propertyDefinition.ts';
import { parseTimestamp } from '../propertyValues.ts';

export const OPERATORS = [
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
] as const;
export type Operator = (typeof OPERATORS)[number];

export interface Filter {
  propertyName: string;
  operator: Operator;
  value?: string | undefined;
  highValue?: string | undefined;
  values?: string[] | undefined;
}

type Comparable = number | string;

export function comparable(def: PropertyDefinition | undefined, text: string): Comparable | undefined {
  switch (def?.type) {
    case 'number': {
      const n = Number(text);
      return text.trim() === '' || Number.isNaN(n) ? undefined : n;
    }
    case 'date':
    case 'datetime':
      return parseTimestamp(text);
    default:
      return text.toLowerCase();
  }
}

export function compare(a: Comparable, b: Comparable): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

const tokens = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}@.]+/u)
    .filter(Boolean);

function containsToken(stored: string, pattern: string): boolean {
  const re = new RegExp(
    `^${pattern
      .toLowerCase()
      .split('*')
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return re.test(stored.toLowerCase()) || tokens(stored).some((t) => re.test(t));
}

export function matchesFilter(
  record: CrmRecord,
  filter: Filter,
  def: PropertyDefinition | undefined,
): boolean {
  const stored = record.properties[filter.propertyName];
  const has = stored !== undefined && stored !== '';
  const mine = has ? comparable(def, stored) : undefined;
  const against = (v: string | undefined): Comparable | undefined =>
    v === undefined ? undefined : comparable(def, v);
  const cmp = (v: string | undefined): number | undefined => {
    const other = against(v);
    return mine === undefined || other === undefined ? undefined : compare(mine, other);
  };
  const eq = (v: string | undefined): boolean => cmp(v) === 0;
  switch (filter.operator) {
    case 'HAS_PROPERTY':
      return has;
    case 'NOT_HAS_PROPERTY':
      return !has;
    case 'EQ':
      return eq(filter.value);
    case 'NEQ':
      return !eq(filter.value);
    case 'LT':
      return (cmp(filter.value) ?? 0) < 0;
    case 'LTE':
      return cmp(filter.value) !== undefined && (cmp(filter.value) ?? 1) <= 0;
    case 'GT':
      return (cmp(filter.value) ?? 0) > 0;
    case 'GTE':
      return cmp(filter.value) !== undefined && (cmp(filter.value) ?? -1) >= 0;
    case 'BETWEEN': {
      const low = cmp(filter.value);
      const high = cmp(filter.highValue);
      return low !== undefined && high !== undefined && low >= 0 && high <= 0;
    }
    case 'IN':
      return (filter.values ?? []).some(eq);
    case 'NOT_IN':
      return !(filter.values ?? []).some(eq);
    case 'CONTAINS_TOKEN':
      return has && containsToken(stored, filter.value ?? '');
    case 'NOT_CONTAINS_TOKEN':
      return !(has && containsToken(stored, filter.value ?? ''));
  }
}
