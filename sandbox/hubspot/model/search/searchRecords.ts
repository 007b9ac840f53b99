// CRM search: filter groups (OR of ANDs), free-text query, sorts and offset paging, with HubSpot's limits:
// ≤ 5 groups × ≤ 6 filters and ≤ 18 filters in all, ≤ 200 results a page, and at most 10,000 results per
// query — paging to `after` ≥ 10,000 is a 400 (reference/hubspot-platform.md §4). The exact wording of
// those 400s is not documented; the messages here are ours, the status and category are HubSpot's.
import { validationError } from '../../hubspotErrors.ts';
import type { CrmRecord } from '../crmRecord.ts';
import type { PropertyDefinition } from '../propertyDefinition.ts';
import { compare, comparable, matchesFilter, type Filter } from './filters.ts';

export const SEARCH_LIMITS = {
  maxFilterGroups: 5,
  maxFiltersPerGroup: 6,
  maxFilters: 18,
  maxPageSize: 200,
  defaultPageSize: 10,
  maxResults: 10_000,
} as const;

export interface Sort {
  propertyName: string;
  direction: 'ASCENDING' | 'DESCENDING';
}

export interface SearchQuery {
  filterGroups: Array<{ filters: Filter[] }>;
  sorts: Sort[];
  query?: string | undefined;
  limit: number;
  after: number;
}

export interface SearchPage {
  total: number;
  results: CrmRecord[];
  nextAfter?: string;
}

type Definitions = (name: string) => PropertyDefinition | undefined;

export function checkSearchLimits(q: SearchQuery, definitions: Definitions): void {
  const groups = q.filterGroups;
  if (groups.length > SEARCH_LIMITS.maxFilterGroups) {
    throw validationError(
      `Too many filter groups: ${groups.length}. A search may have at most ${SEARCH_LIMITS.maxFilterGroups} filterGroups.`,
    );
  }
  const crowded = groups.find((g) => g.filters.length > SEARCH_LIMITS.maxFiltersPerGroup);
  if (crowded) {
    throw validationError(
      `Too many filters in a group: ${crowded.filters.length}. A filterGroup may have at most ${SEARCH_LIMITS.maxFiltersPerGroup} filters.`,
    );
  }
  const total = groups.reduce((n, g) => n + g.filters.length, 0);
  if (total > SEARCH_LIMITS.maxFilters) {
    throw validationError(
      `Too many filters: ${total}. A search may have at most ${SEARCH_LIMITS.maxFilters} filters.`,
    );
  }
  if (q.limit < 1 || q.limit > SEARCH_LIMITS.maxPageSize) {
    throw validationError(`limit must be between 1 and ${SEARCH_LIMITS.maxPageSize}, got ${q.limit}.`);
  }
  if (q.after >= SEARCH_LIMITS.maxResults) {
    throw validationError(
      `Search results are capped at ${SEARCH_LIMITS.maxResults} per query; after=${q.after} is beyond them.`,
    );
  }
  const named = [
    ...groups.flatMap((g) => g.filters.map((f) => f.propertyName)),
    ...q.sorts.map((s) => s.propertyName),
  ];
  const unknown = named.find((name) => !definitions(name));
  if (unknown !== undefined) throw validationError(`Property "${unknown}" does not exist`);
}

function matchesQuery(record: CrmRecord, query: string, searchable: readonly string[]): boolean {
  const needle = query.trim().toLowerCase();
  if (needle === '') return true;
  return searchable.some((name) => (record.properties[name] ?? '').toLowerCase().includes(needle));
}

function sorter(sorts: Sort[], definitions: Definitions): (a: CrmRecord, b: CrmRecord) => number {
  const byId = (a: CrmRecord, b: CrmRecord): number => Number(a.id) - Number(b.id);
  return (a, b) => {
    for (const s of sorts) {
      const def = definitions(s.propertyName);
      const x = a.properties[s.propertyName];
      const y = b.properties[s.propertyName];
      const cx = x === undefined ? undefined : comparable(def, x);
      const cy = y === undefined ? undefined : comparable(def, y);
      if (cx === undefined && cy === undefined) continue;
      if (cx === undefined) return 1; // records without the value sort last either way
      if (cy === undefined) return -1;
      const c = compare(cx, cy);
      if (c !== 0) return s.direction === 'DESCENDING' ? -c : c;
    }
    return byId(a, b);
  };
}

export function searchRecords(
  records: Iterable<CrmRecord>,
  q: SearchQuery,
  definitions: Definitions,
  searchable: readonly string[],
): SearchPage {
  const hits: CrmRecord[] = [];
  for (const r of records) {
    if (r.archived) continue;
    const inGroups =
      q.filterGroups.length === 0 ||
      q.filterGroups.some((g) => g.filters.every((f) => matchesFilter(r, f, definitions(f.propertyName))));
    if (inGroups && (q.query === undefined || matchesQuery(r, q.query, searchable))) hits.push(r);
  }
  hits.sort(sorter(q.sorts, definitions));
  const end = Math.min(q.after + q.limit, hits.length);
  return {
    total: hits.length,
    results: hits.slice(q.after, end),
    // HubSpot offers the next page even past the cap; following it is the 400 clients run into.
    ...(end < hits.length && { nextAfter: String(end) }),
  };
}
