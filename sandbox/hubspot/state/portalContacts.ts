// What people do to contacts in the HubSpot UI: create and edit them (no forward-only lifecycle rule
// there), delete, purge (GDPR) and merge; and the portal's users/owners.
import { notFound, validationError } from '../hubspotErrors.ts';
import type { CrmRecord } from '../model/crmRecord.ts';
import { defaultAssociationTypeId, OBJECT_TYPE_INFO } from '../model/objectTypes.ts';
import type { RawValue } from '../model/propertyValues.ts';
import { uiSource, type ChangeSource, type WriteSource } from './changeEvents.ts';
import type { Owner, OwnerTeam } from './ownerStore.ts';
import { PortalCore } from './portalCore.ts';
import { applyProperties, type WriteOptions } from './recordWrites.ts';

export interface ActorOptions {
  /** Who did it in HubSpot: a user (CRM_UI, the default) or another source. */
  source?: ChangeSource;
  userId?: number;
  /** For API sources: the app id (as HubSpot reports it in sourceId). */
  sourceId?: string;
  at?: number;
}

export type Props = Readonly<Record<string, RawValue>>;

/** Merges never move identity and bookkeeping properties. */
const KEEP_ON_MERGE = new Set([
  'hs_object_id',
  'createdate',
  'lastmodifieddate',
  'email',
  'hs_merged_object_ids',
]);
/** Records whose association moves to the surviving contact on a merge (activities, and leads). */
const MOVED_ON_MERGE = ['calls', 'emails', 'meetings', 'notes', 'tasks', 'leads'] as const;

export class PortalContacts extends PortalCore {
  /** The user OAuth installs and UI edits act as (the portal's first user unless set). */
  installingUserId: number | undefined;

  get domain(): string {
    return `${this.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')}.example.com`;
  }

  protected source(opts: ActorOptions): WriteSource {
    const changeSource = opts.source ?? 'CRM_UI';
    if (changeSource === 'CRM_UI') return uiSource(opts.userId ?? this.installingUserId ?? 0);
    const sourceId = opts.sourceId ?? (opts.userId !== undefined ? `userId:${opts.userId}` : undefined);
    return { changeSource, ...(sourceId !== undefined && { sourceId }) };
  }

  protected uiWrite(opts: ActorOptions): WriteOptions {
    return { source: this.source(opts), viaApi: false, ...(opts.at !== undefined && { at: opts.at }) };
  }

  createOwner(input: { email: string; firstName?: string; lastName?: string; teams?: OwnerTeam[] }): Owner {
    const { id, userId } = this.deps.nextOwner();
    const at = this.now();
    const owner = this.owners.add({
      id,
      userId,
      email: input.email,
      firstName: input.firstName ?? input.email.split('@')[0] ?? '',
      lastName: input.lastName ?? '',
      teams: input.teams ?? [],
      archived: false,
      createdAt: at,
      updatedAt: at,
    });
    this.installingUserId ??= userId;
    return owner;
  }

  deactivateOwner(ownerId: string): void {
    const o = this.owners.get(ownerId);
    if (o) Object.assign(o, { archived: true, updatedAt: this.now() });
  }

  contact(id: string): CrmRecord | undefined {
    return this.find('contacts', id);
  }

  contacts(): CrmRecord[] {
    return [...this.records('contacts').values()].filter((r) => !r.archived && r.mergedInto === undefined);
  }

  createContact(properties: Props, opts: ActorOptions = {}): CrmRecord {
    return this.createRecord('contacts', { properties }, this.uiWrite(opts));
  }

  /** Many contacts at once (large portals for search and benchmark runs). */
  seedContacts(
    count: number,
    make: (i: number) => Props,
    opts: ActorOptions = { source: 'API' },
  ): CrmRecord[] {
    return Array.from({ length: count }, (_, i) => this.createContact(make(i), opts));
  }

  /** A property edit in the UI: users may move the lifecycle stage back directly. */
  setProperties(contactId: string, properties: Props, opts: ActorOptions = {}): CrmRecord {
    return this.updateRecord('contacts', contactId, properties, this.uiWrite(opts));
  }

  deleteContact(contactId: string, opts: ActorOptions = {}): boolean {
    return this.archiveRecord('contacts', contactId, this.source(opts));
  }

  /** GDPR delete: the record is gone for good (no archive), with privacyDeletion and deletion events. */
  privacyDeleteContact(contactId: string, opts: ActorOptions = {}): boolean {
    const record = this.find('contacts', contactId);
    if (!record) return false;
    const at = this.now();
    const source = opts.source ? this.source(opts) : { changeSource: 'GDPR' as const };
    this.forget(record);
    this.records('contacts').delete(record.id);
    this.deps.emit([
      this.event(record, 'privacyDeletion', source, at),
      this.event(record, 'deletion', source, at),
    ]);
    return true;
  }

  /**
   * Merges `secondaryId` into `primaryId`: the primary keeps its id and values, takes the values it lacks,
   * the lists and the activities; reads of the secondary id answer with the primary.
   */
  mergeContacts(primaryId: string, secondaryId: string, opts: ActorOptions = {}): CrmRecord {
    const primary = this.find('contacts', primaryId);
    const secondary = this.find('contacts', secondaryId);
    if (!primary || !secondary)
      throw notFound('resource not found', { id: [primary ? secondaryId : primaryId] });
    if (primary.id === secondary.id) throw validationError('Cannot merge a contact with itself.');
    const at = this.now();
    const source = this.source(opts);
    const moved = Object.fromEntries(
      Object.entries(secondary.properties).filter(
        ([name]) => !KEEP_ON_MERGE.has(name) && primary.properties[name] === undefined,
      ),
    );
    const mergedIds = [
      primary.properties.hs_merged_object_ids,
      secondary.properties.hs_merged_object_ids,
      secondary.id,
    ]
      .filter((v): v is string => Boolean(v))
      .join(';');
    const lists = this.lists.listsOf(OBJECT_TYPE_INFO.contacts.objectTypeId, secondary.id);
    const activities = MOVED_ON_MERGE.flatMap((t) =>
      this.associations.of('contacts', secondary.id, t).map((a) => ({ t, id: a.toId })),
    );
    const secondaryEmail = secondary.properties.email;
    this.forget(secondary);
    Object.assign(secondary, { archived: true, archivedAt: at, mergedInto: primary.id });
    const changes = applyProperties(
      this.id,
      primary,
      { ...moved, hs_merged_object_ids: mergedIds },
      source,
      at,
    );
    for (const l of lists) this.lists.change(l, [primary.id], [], () => true, at);
    for (const a of activities) {
      const typeId = defaultAssociationTypeId('contacts', a.t);
      if (typeId !== undefined)
        this.associate('contacts', primary.id, a.t, a.id, { category: 'HUBSPOT_DEFINED', typeId }, at);
    }
    this.indexEmail(primary, secondaryEmail);
    this.deps.emit([
      {
        kind: 'merge',
        portalId: this.id,
        objectType: 'contacts',
        objectId: primary.id,
        occurredAt: at,
        source,
        primaryObjectId: primary.id,
        mergedObjectIds: [secondary.id],
        newObjectId: primary.id,
        numberOfPropertiesMoved: Object.keys(moved).length,
      },
      ...changes,
    ]);
    return primary;
  }
}
