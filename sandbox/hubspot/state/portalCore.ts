// The writes the API performs on a portal. Every write goes through prepare (validate all) then apply
// (change, emit), so a rejected request changes nothing. Simulation helpers live in portalContacts.ts and
// portal.ts on top of this.
import { notFound, propertyValuesInvalid, validationError } from '../hubspotErrors.ts';
import type { CrmRecord } from '../model/crmRecord.ts';
import { touchUpdates } from '../model/engagementTouch.ts';
import {
  hubspotDefinedTypeIds,
  inverseTypeId,
  isEngagementType,
  OBJECT_TYPE_INFO,
  type ObjectTypeName,
} from '../model/objectTypes.ts';
import type { RawValue } from '../model/propertyValues.ts';
import type { AssociationType } from './associationStore.ts';
import { CALCULATED, type ChangeEvent, type WriteSource } from './changeEvents.ts';
import { requireLeadCreate } from './leadRules.ts';
import type { MembershipChange } from './listStore.ts';
import { PortalData } from './portalData.ts';
import {
  applyProperties,
  newRecord,
  prepareProperties,
  type WriteContext,
  type WriteOptions,
} from './recordWrites.ts';

export type { PortalDeps } from './portalData.ts';

export interface AssociationInput {
  toType: ObjectTypeName;
  toId: string;
  type: AssociationType;
}

export interface CreateInput {
  properties: Readonly<Record<string, RawValue>>;
  associations?: readonly AssociationInput[];
}

export class PortalCore extends PortalData {
  protected writeContext(type: ObjectTypeName): WriteContext {
    return {
      portalId: this.id,
      properties: this.properties(type),
      isOwner: (id) => this.owners.isActive(id),
      contactIdByEmail: (email) => this.emailIndex.get(email),
      lifecycleBackward: this.deps.lifecycleBackward,
      leadPipelines: this.leadPipelines,
    };
  }

  createRecord(type: ObjectTypeName, input: CreateInput, opts: WriteOptions): CrmRecord {
    const [record] = this.createRecords(type, [input], opts);
    if (!record) throw new Error('createRecords returned nothing');
    return record;
  }

  /** Creates all or none: every input is validated (and emails checked against each other) before any write. */
  createRecords(type: ObjectTypeName, inputs: readonly CreateInput[], opts: WriteOptions): CrmRecord[] {
    const ctx = this.writeContext(type);
    const batchEmails = new Map<string, number>();
    const prepared = inputs.map((input, i) => {
      const values = prepareProperties(ctx, type, input.properties, opts, undefined);
      if (values.email) {
        if (batchEmails.has(values.email))
          throw validationError(
            `Duplicate email ${values.email} in inputs ${batchEmails.get(values.email)} and ${i}.`,
          );
        batchEmails.set(values.email, i);
      }
      if (isEngagementType(type) && !values.hs_timestamp) {
        throw propertyValuesInvalid([
          { name: 'hs_timestamp', error: 'REQUIRED_PROPERTY', message: 'hs_timestamp is required' },
        ]);
      }
      for (const a of input.associations ?? []) this.checkAssociation(type, a);
      if (type === 'leads') requireLeadCreate(values, input.associations ?? []);
      return values;
    });
    const at = opts.at ?? this.now();
    return prepared.map((values, i) => {
      const { createdate, ...rest } = values;
      const record = newRecord(type, this.deps.nextId(), at, createdate);
      this.records(type).set(record.id, record);
      const changes = applyProperties(this.id, record, rest, opts.source, at);
      record.updatedAt = at;
      this.indexEmail(record, undefined);
      this.deps.emit([
        this.event(record, 'creation', opts.source, at),
        ...changes.filter((c) => c.kind === 'propertyChange' && !SYSTEM.has(c.propertyName)),
      ]);
      for (const a of inputs[i]?.associations ?? [])
        this.associate(type, record.id, a.toType, a.toId, a.type, at);
      return record;
    });
  }

  updateRecord(
    type: ObjectTypeName,
    id: string,
    raw: Readonly<Record<string, RawValue>>,
    opts: WriteOptions,
  ): CrmRecord {
    const record = this.find(type, id);
    if (!record) throw notFound('resource not found', { id: [id] });
    const [updated] = this.updateRecords([{ record, properties: raw }], opts);
    return updated ?? record;
  }

  /** Validates every input, then applies them all. */
  updateRecords(
    inputs: ReadonlyArray<{ record: CrmRecord; properties: Readonly<Record<string, RawValue>> }>,
    opts: WriteOptions,
  ): CrmRecord[] {
    const prepared = inputs.map(({ record, properties }) =>
      prepareProperties(this.writeContext(record.objectType), record.objectType, properties, opts, record),
    );
    const at = opts.at ?? this.now();
    return inputs.map(({ record }, i) => {
      const before = record.properties.email;
      this.deps.emit(applyProperties(this.id, record, prepared[i] ?? {}, opts.source, at));
      this.indexEmail(record, before);
      return record;
    });
  }

  /** Archives (soft-deletes) a record; archiving a missing one is not an error (HubSpot answers 204). */
  archiveRecord(type: ObjectTypeName, id: string, source: WriteSource): boolean {
    const record = this.find(type, id);
    if (!record) return false;
    const at = this.now();
    record.archived = true;
    record.archivedAt = at;
    this.forget(record);
    this.deps.emit([this.event(record, 'deletion', source, at)]);
    return true;
  }

  checkAssociation(fromType: ObjectTypeName, a: AssociationInput): void {
    if (
      a.type.category === 'HUBSPOT_DEFINED' &&
      !hubspotDefinedTypeIds(fromType, a.toType).includes(a.type.typeId)
    ) {
      throw validationError(
        `${a.type.typeId} is not a valid association type id between ${OBJECT_TYPE_INFO[fromType].singular} and ${OBJECT_TYPE_INFO[a.toType].singular}.`,
      );
    }
    if (!this.find(a.toType, a.toId)) {
      throw validationError(
        `The ${OBJECT_TYPE_INFO[a.toType].singular} ${a.toId} to associate does not exist.`,
      );
    }
  }

  /** Associates both ways; an activity newly associated with a contact moves the contact's roll-ups. */
  associate(
    fromType: ObjectTypeName,
    fromId: string,
    toType: ObjectTypeName,
    toId: string,
    type: AssociationType,
    at = this.now(),
  ): boolean {
    const reverse = inverseTypeId(fromType, toType, type.typeId);
    const added = this.associations.add(fromType, fromId, toType, toId, type);
    if (reverse !== undefined)
      this.associations.add(toType, toId, fromType, fromId, {
        category: type.category,
        typeId: type.category === 'HUBSPOT_DEFINED' ? reverse : type.typeId,
      });
    if (added) {
      if (isEngagementType(fromType) && toType === 'contacts') this.touch(fromType, fromId, toId, at);
      if (fromType === 'contacts' && isEngagementType(toType)) this.touch(toType, toId, fromId, at);
    }
    return added;
  }

  unassociate(fromType: ObjectTypeName, fromId: string, toType: ObjectTypeName, toId: string): void {
    this.associations.remove(fromType, fromId, toType, toId);
    this.associations.remove(toType, toId, fromType, fromId);
  }

  private touch(type: ObjectTypeName, engagementId: string, contactId: string, at: number): void {
    const activity = this.find(type, engagementId);
    const contact = this.find('contacts', contactId);
    const ts = activity?.properties.hs_timestamp;
    if (!activity || !contact || !ts || !isEngagementType(type)) return;
    const updates = touchUpdates(type, Date.parse(ts), contact.properties, this.deps.touch);
    this.deps.emit(applyProperties(this.id, contact, updates, CALCULATED, at));
  }

  changeListMembers(listId: string, add: readonly string[], remove: readonly string[]): MembershipChange {
    const list = this.lists.requireEditable(listId);
    return this.lists.change(list, add, remove, (id) => this.find('contacts', id) !== undefined, this.now());
  }

  protected event(
    record: CrmRecord,
    kind: 'creation' | 'deletion' | 'privacyDeletion' | 'restore',
    source: WriteSource,
    at: number,
  ): ChangeEvent {
    return {
      kind,
      portalId: this.id,
      objectType: record.objectType,
      objectId: record.id,
      occurredAt: at,
      source,
    };
  }
}

/** Set by HubSpot on creation: no propertyChange notifications for them. */
const SYSTEM = new Set([
  'hs_object_id',
  'createdate',
  'lastmodifieddate',
  'hs_createdate',
  'hs_lastmodifieddate',
]);
