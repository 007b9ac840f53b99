// A CRM record as the sandbox stores it, and its public shape (SimplePublicObject): every property value a
// string, requested-but-empty properties null, createdAt/updatedAt ISO, archived flag.
import { alwaysReturned, OBJECT_TYPE_INFO, type ObjectTypeName } from './objectTypes.ts';

export interface PropertyVersion {
  value: string;
  timestamp: number;
  sourceType: string;
  sourceId?: string;
  /** The user who made a UI change: ValueWithTimestamp.updatedByUserId (integer) in the 2026-03 object specs
   * (PublicApiSpecs/CRM/Leads/Rollouts/424/2026-03/leads.json and the contacts spec alike). */
  updatedByUserId?: number;
}

export interface CrmRecord {
  id: string;
  objectType: ObjectTypeName;
  /** Canonical values; a cleared property is absent. */
  properties: Record<string, string>;
  history: Record<string, PropertyVersion[]>;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
  archivedAt?: number;
  /** Set on a contact merged into another: reads by this id answer with the survivor. */
  mergedInto?: string;
}

export interface Selection {
  /** Requested properties; none → the type's defaults. */
  properties?: readonly string[];
  propertiesWithHistory?: readonly string[];
  /** Only properties that exist in the portal are returned (unknown names are ignored, as HubSpot does). */
  exists: (name: string) => boolean;
}

const iso = (ms: number): string => new Date(ms).toISOString();

export function selectedProperties(record: CrmRecord, sel: Selection): Record<string, string | null> {
  const requested = sel.properties && sel.properties.length > 0 ? sel.properties : undefined;
  const names = requested
    ? [...new Set([...requested.filter(sel.exists), ...alwaysReturned(record.objectType)])]
    : [...OBJECT_TYPE_INFO[record.objectType].defaultProperties];
  const out: Record<string, string | null> = {};
  for (const name of names.sort()) out[name] = record.properties[name] ?? null;
  return out;
}

export function toPublicObject(record: CrmRecord, sel: Selection): Record<string, unknown> {
  const withHistory = (sel.propertiesWithHistory ?? []).filter(sel.exists);
  return {
    id: record.id,
    properties: selectedProperties(record, sel),
    ...(withHistory.length > 0 && {
      propertiesWithHistory: Object.fromEntries(
        withHistory.map((name) => [
          name,
          [...(record.history[name] ?? [])].reverse().map((v) => ({ ...v, timestamp: iso(v.timestamp) })),
        ]),
      ),
    }),
    createdAt: iso(record.createdAt),
    updatedAt: iso(record.updatedAt),
    archived: record.archived,
    ...(record.archivedAt !== undefined && { archivedAt: iso(record.archivedAt) }),
  };
}
