// Validating and applying property writes to a record, with HubSpot's rules: unknown properties and
// invalid values fail the whole write (400), calculated properties are read-only to the API, contact email
// is unique (409), lifecycle stage only moves forward, and the owner assigned date and last-modified date
// follow every real change. Writes that change nothing change nothing (no new version, no webhook).
import { conflict, propertyValuesInvalid, validationError, type PropertyProblem } from '../hubspotErrors.ts';
import type { CrmRecord } from '../model/crmRecord.ts';
import { isBackward, stageOrder, type LifecycleBackwardPolicy } from '../model/lifecycleStage.ts';
import { OBJECT_TYPE_INFO, type ObjectTypeName } from '../model/objectTypes.ts';
import { normalizeValue, type RawValue } from '../model/propertyValues.ts';
import { CALCULATED, type ChangeEvent, type WriteSource } from './changeEvents.ts';
import { prepareLeadPipeline } from './leadRules.ts';
import type { PipelineStore } from './pipelineStore.ts';
import type { PropertyStore } from './propertyStore.ts';

export interface WriteOptions {
  source: WriteSource;
  /** API writes obey the API's rules (read-only roll-ups, forward-only lifecycle); UI and simulations do not. */
  viaApi: boolean;
  at?: number;
}

export interface WriteContext {
  portalId: number;
  properties: PropertyStore;
  isOwner(id: string): boolean;
  contactIdByEmail(email: string): string | undefined;
  lifecycleBackward: LifecycleBackwardPolicy;
  /** The portal's lead pipelines (a lead's stage must be one of its pipeline's). */
  leadPipelines: PipelineStore;
}

export function prepareProperties(
  ctx: WriteContext,
  type: ObjectTypeName,
  raw: Readonly<Record<string, RawValue>>,
  opts: WriteOptions,
  current: CrmRecord | undefined,
): Record<string, string> {
  const problems: PropertyProblem[] = [];
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    const def = ctx.properties.get(name);
    if (!def) {
      problems.push({ name, error: 'PROPERTY_DOESNT_EXIST', message: `Property "${name}" does not exist` });
      continue;
    }
    if (opts.viaApi && def.readOnlyValue) {
      problems.push({ name, error: 'READ_ONLY_VALUE', message: `Property "${name}" is read-only` });
      continue;
    }
    const n = normalizeValue(def, value, { isOwner: ctx.isOwner });
    if (n.ok) values[name] = n.value;
    else problems.push(n.problem);
  }
  if (problems.length > 0) throw propertyValuesInvalid(problems);
  if (type === 'leads') prepareLeadPipeline(ctx.leadPipelines, values, current);
  if (type === 'contacts') {
    guardLifecycle(ctx, values, opts, current);
    const email = values.email;
    const owner = email ? ctx.contactIdByEmail(email) : undefined;
    if (owner !== undefined && owner !== current?.id)
      throw conflict(`Contact already exists. Existing ID: ${owner}`);
  }
  return values;
}

function guardLifecycle(
  ctx: WriteContext,
  values: Record<string, string>,
  opts: WriteOptions,
  current: CrmRecord | undefined,
): void {
  const next = values.lifecyclestage;
  if (!opts.viaApi || !next) return;
  const def = ctx.properties.get('lifecyclestage');
  if (!def || !isBackward(stageOrder(def), current?.properties.lifecyclestage, next)) return;
  if (ctx.lifecycleBackward === 'reject') {
    throw validationError(
      `lifecyclestage can only be set forward: ${current?.properties.lifecyclestage ?? ''} → ${next}. Clear it first, then set it in a separate request.`,
      {
        errors: [
          {
            message: 'Lifecycle stage can only move forward',
            code: 'INVALID_OPTION',
            context: { propertyName: ['lifecyclestage'] },
          },
        ],
      },
    );
  }
  delete values.lifecyclestage; // HubSpot answers success and keeps the later stage
}

const iso = (ms: number): string => new Date(ms).toISOString();
const HISTORY_LIMIT = 20;
/** Types whose owner assigned date HubSpot keeps (contacts; leads as the same CRM owner property). */
const OWNED = new Set<ObjectTypeName>(['contacts', 'leads']);

/** A UI write's user, from the sourceId HubSpot gives it ("userId:123"). */
function userIdOf(source: WriteSource): number | undefined {
  const match = /^userId:(\d+)$/.exec(source.sourceId ?? '');
  return match ? Number(match[1]) : undefined;
}

function setValue(record: CrmRecord, name: string, value: string, at: number, source: WriteSource): void {
  if (value === '') Reflect.deleteProperty(record.properties, name);
  else record.properties[name] = value;
  const versions = record.history[name] ?? [];
  versions.push({
    value,
    timestamp: at,
    sourceType: source.changeSource,
    ...(source.sourceId && { sourceId: source.sourceId }),
    ...(userIdOf(source) !== undefined && { updatedByUserId: userIdOf(source) }),
  });
  record.history[name] = versions.slice(-HISTORY_LIMIT);
}

/** Applies prepared values; returns one propertyChange event per property whose value really changed. */
export function applyProperties(
  portalId: number,
  record: CrmRecord,
  values: Readonly<Record<string, string>>,
  source: WriteSource,
  at: number,
): ChangeEvent[] {
  const changes: Array<{ name: string; value: string; source: WriteSource }> = [];
  const set = (name: string, value: string, by: WriteSource): void => {
    if ((record.properties[name] ?? '') === value) return;
    setValue(record, name, value, at, by);
    changes.push({ name, value, source: by });
  };
  for (const [name, value] of Object.entries(values)) set(name, value, source);
  if (OWNED.has(record.objectType) && changes.some((c) => c.name === 'hubspot_owner_id')) {
    set('hubspot_owner_assigneddate', record.properties.hubspot_owner_id ? iso(at) : '', CALCULATED);
  }
  if (changes.length > 0) {
    // HubSpot stamps a record's last modification when the write happens, so the stamp never goes back. A write
    // the sandbox dates in the past (a test's "assigned hours ago") dates its own property history, not the
    // record's stamp. Sources are silent on backdating (the API has no way to do it); this keeps the one rule
    // integrations rely on, that lastmodifieddate/hs_lastmodifieddate orders reads of a record (CRM search guide:
    // sorting and filtering on it for incremental syncs).
    const modified = OBJECT_TYPE_INFO[record.objectType].modifiedProperty;
    const stamp = Math.max(at, Date.parse(record.properties[modified] ?? '') || 0);
    record.updatedAt = stamp;
    set(modified, iso(stamp), CALCULATED);
  }
  return changes.map((c) => ({
    kind: 'propertyChange',
    portalId,
    objectType: record.objectType,
    objectId: record.id,
    occurredAt: at,
    source: c.source,
    propertyName: c.name,
    propertyValue: c.value,
  }));
}

/** A new record with the system properties HubSpot sets on creation. */
export function newRecord(type: ObjectTypeName, id: string, at: number, createdAt?: string): CrmRecord {
  const info = OBJECT_TYPE_INFO[type];
  const created = createdAt ? Date.parse(createdAt) : at;
  return {
    id,
    objectType: type,
    properties: { hs_object_id: id, [info.createdProperty]: iso(created), [info.modifiedProperty]: iso(at) },
    history: {},
    createdAt: created,
    updatedAt: at,
    archived: false,
  };
}
