// One HubSpot account (portal), as stored: its records per object type, property definitions, lists,
// owners, associations and lead pipelines, and how records are found (by id, following merges, or by email).
import type { Clock } from '../clock.ts';
import type { CrmRecord } from '../model/crmRecord.ts';
import { CONTACT_GROUPS, CONTACT_PROPERTIES } from '../model/contactPropertySeed.ts';
import { ENGAGEMENT_PROPERTIES, engagementGroups } from '../model/engagementPropertySeed.ts';
import type { TouchOptions } from '../model/engagementTouch.ts';
import { LEAD_GROUPS, leadProperties } from '../model/leadPropertySeed.ts';
import { defaultLeadPipeline } from '../model/leadPipelines.ts';
import type { LifecycleBackwardPolicy } from '../model/lifecycleStage.ts';
import {
  isEngagementType,
  OBJECT_TYPE_INFO,
  OBJECT_TYPES,
  type ObjectTypeName,
} from '../model/objectTypes.ts';
import { toDefinition, type SeedProperty } from '../model/propertySeed.ts';
import type { PropertyGroup } from '../model/propertyDefinition.ts';
import { AssociationStore } from './associationStore.ts';
import type { ChangeEvent } from './changeEvents.ts';
import { ListStore } from './listStore.ts';
import { OwnerStore } from './ownerStore.ts';
import { PipelineStore } from './pipelineStore.ts';
import { PropertyStore } from './propertyStore.ts';

export interface PortalDeps {
  clock: Clock;
  nextId(): string;
  nextOwner(): { id: string; userId: number };
  nextListId(): string;
  emit(events: readonly ChangeEvent[]): void;
  lifecycleBackward: LifecycleBackwardPolicy;
  touch: TouchOptions;
}

export class PortalData {
  readonly id: number;
  readonly name: string;
  readonly owners = new OwnerStore();
  readonly lists = new ListStore();
  readonly associations = new AssociationStore();
  readonly installedApps = new Set<number>();
  readonly leadPipelines = new PipelineStore([defaultLeadPipeline()]);
  /**
   * Whether the account has the Leads object (Sales Hub Professional or Enterprise: the Leads spec's
   * x-hubspot-product-tier-requirements, and knowledge.hubspot.com/prospecting/set-up-leads). Without it the
   * sandbox refuses lead calls as a missing scope (http/objectScopes.ts) and never grants the leads scopes.
   */
  leadsObject = true;
  protected readonly deps: PortalDeps;
  private readonly stores = new Map<ObjectTypeName, Map<string, CrmRecord>>();
  private readonly propertyStores = new Map<ObjectTypeName, PropertyStore>();
  protected readonly emailIndex = new Map<string, string>();

  constructor(id: number, name: string, deps: PortalDeps) {
    this.id = id;
    this.name = name;
    this.deps = deps;
    const at = deps.clock.now();
    for (const t of OBJECT_TYPES) {
      this.stores.set(t, new Map());
      const [seeds, groups] = this.seedsOf(t);
      const defs = seeds.map((s, i) => toDefinition(s, i, at));
      this.propertyStores.set(t, new PropertyStore(OBJECT_TYPE_INFO[t].objectTypeId, defs, groups));
    }
  }

  private seedsOf(t: ObjectTypeName): [SeedProperty[], PropertyGroup[]] {
    if (isEngagementType(t)) return [ENGAGEMENT_PROPERTIES[t], engagementGroups(t)];
    if (t === 'leads') return [this.leadSeeds(), LEAD_GROUPS];
    return [CONTACT_PROPERTIES, CONTACT_GROUPS];
  }

  /** Lead properties with the pipeline options of the portal's current lead pipelines. */
  protected leadSeeds(): SeedProperty[] {
    const pipelines = this.leadPipelines.list().map((p) => [p.id, p.label] as const);
    return leadProperties(pipelines, this.leadPipelines.allStages());
  }

  now(): number {
    return this.deps.clock.now();
  }

  properties(type: ObjectTypeName): PropertyStore {
    const s = this.propertyStores.get(type);
    if (!s) throw new Error(`no property store for ${type}`);
    return s;
  }

  /** All stored records of a type, archived ones included. */
  records(type: ObjectTypeName): Map<string, CrmRecord> {
    const s = this.stores.get(type);
    if (!s) throw new Error(`no record store for ${type}`);
    return s;
  }

  /** A record by id; ids of contacts merged away resolve to the survivor, as in HubSpot. */
  find(type: ObjectTypeName, id: string, archived = false): CrmRecord | undefined {
    let r = this.records(type).get(id);
    for (let hops = 0; r?.mergedInto !== undefined && hops < 10; hops++)
      r = this.records(type).get(r.mergedInto);
    return r && r.archived === archived ? r : undefined;
  }

  /** A record by a unique property (idProperty): hs_object_id, or email for contacts. */
  findBy(
    type: ObjectTypeName,
    idProperty: string | undefined,
    value: string,
    archived = false,
  ): CrmRecord | undefined {
    if (!idProperty || idProperty === 'hs_object_id') return this.find(type, value, archived);
    if (type === 'contacts' && idProperty === 'email') {
      const id = this.emailIndex.get(value.trim().toLowerCase());
      return id === undefined ? undefined : this.find(type, id, archived);
    }
    return [...this.records(type).values()].find(
      (r) => r.archived === archived && r.properties[idProperty] === value,
    );
  }

  protected indexEmail(record: CrmRecord, before: string | undefined): void {
    if (record.objectType !== 'contacts') return;
    if (before && this.emailIndex.get(before) === record.id) this.emailIndex.delete(before);
    const email = record.properties.email;
    if (email && !record.archived) this.emailIndex.set(email, record.id);
  }

  /** The record leaves lists, associations and the email index (deleted, merged away, purged). */
  protected forget(record: CrmRecord): void {
    this.lists.dropRecord(OBJECT_TYPE_INFO[record.objectType].objectTypeId, record.id);
    this.associations.dropRecord(record.objectType, record.id);
    const email = record.properties.email;
    if (email && this.emailIndex.get(email) === record.id) this.emailIndex.delete(email);
  }
}
