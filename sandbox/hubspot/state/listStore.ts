// Lists v3 in one portal: MANUAL and SNAPSHOT lists take membership changes; DYNAMIC lists are filter-driven
// in HubSpot, so the API refuses to edit them. The sandbox does not evaluate filter branches: a DYNAMIC
// list's members are whatever a simulation sets with setDynamicMembers.
import { notFound, validationError } from '../hubspotErrors.ts';

export type ProcessingType = 'MANUAL' | 'DYNAMIC' | 'SNAPSHOT';

export interface CrmList {
  listId: string;
  name: string;
  objectTypeId: string;
  processingType: ProcessingType;
  listVersion: number;
  createdAt: number;
  updatedAt: number;
  filtersUpdatedAt: number;
  createdById: string;
  filterBranch?: unknown;
  deletedAt?: number;
  /** recordId → first time it joined (membershipTimestamp). */
  members: Map<string, { firstAdded: number; lastAdded: number }>;
}

export interface MembershipChange {
  added: string[];
  removed: string[];
  missing: string[];
}

export class ListStore {
  private readonly lists = new Map<string, CrmList>();

  all(includeDeleted = false): CrmList[] {
    return [...this.lists.values()].filter((l) => includeDeleted || l.deletedAt === undefined);
  }

  get(listId: string): CrmList | undefined {
    const l = this.lists.get(listId);
    return l && l.deletedAt === undefined ? l : undefined;
  }

  require(listId: string): CrmList {
    const l = this.get(listId);
    if (!l) throw notFound(`List ${listId} does not exist.`);
    return l;
  }

  byName(objectTypeId: string, name: string): CrmList | undefined {
    const wanted = name.toLowerCase();
    return this.all().find((l) => l.objectTypeId === objectTypeId && l.name.toLowerCase() === wanted);
  }

  create(list: CrmList): CrmList {
    if (this.byName(list.objectTypeId, list.name)) {
      // List names are unique per object type (get-by-name depends on it).
      throw validationError(`A list named '${list.name}' already exists.`, {
        subCategory: 'ILS.DUPLICATE_LIST_NAMES',
      });
    }
    this.lists.set(list.listId, list);
    return list;
  }

  rename(listId: string, name: string, at: number): CrmList {
    const list = this.require(listId);
    const clash = this.byName(list.objectTypeId, name);
    if (clash && clash.listId !== listId) {
      throw validationError(`A list named '${name}' already exists.`, {
        subCategory: 'ILS.DUPLICATE_LIST_NAMES',
      });
    }
    list.name = name;
    list.updatedAt = at;
    return list;
  }

  remove(listId: string, at: number): void {
    this.require(listId).deletedAt = at;
  }

  restore(listId: string): void {
    const list = this.lists.get(listId);
    if (!list) throw notFound(`List ${listId} does not exist.`);
    delete list.deletedAt;
  }

  /** Refuses membership edits on DYNAMIC lists, as HubSpot does. */
  requireEditable(listId: string): CrmList {
    const list = this.require(listId);
    if (list.processingType === 'DYNAMIC') {
      throw validationError(
        `List ${listId} has processingType DYNAMIC; memberships can only be changed for MANUAL or SNAPSHOT lists.`,
        { subCategory: 'ILS.INVALID_LIST_PROCESSING_TYPE' },
      );
    }
    return list;
  }

  /** Adds and removes members; ids that are not existing records come back as missing. */
  change(
    list: CrmList,
    add: readonly string[],
    remove: readonly string[],
    exists: (id: string) => boolean,
    at: number,
  ): MembershipChange {
    const out: MembershipChange = { added: [], removed: [], missing: [] };
    for (const id of new Set(add)) {
      if (!exists(id)) out.missing.push(id);
      else if (!list.members.has(id)) {
        list.members.set(id, { firstAdded: at, lastAdded: at });
        out.added.push(id);
      }
    }
    for (const id of new Set(remove)) {
      if (list.members.delete(id)) out.removed.push(id);
      else if (!exists(id) && !out.missing.includes(id)) out.missing.push(id);
    }
    if (out.added.length + out.removed.length > 0) {
      list.updatedAt = at;
      list.listVersion += 1;
    }
    return out;
  }

  /** A record left the CRM (deleted or merged away): it leaves every list. */
  dropRecord(objectTypeId: string, recordId: string): string[] {
    const left: string[] = [];
    for (const l of this.lists.values()) {
      if (l.objectTypeId === objectTypeId && l.members.delete(recordId)) left.push(l.listId);
    }
    return left;
  }

  listsOf(objectTypeId: string, recordId: string): CrmList[] {
    return this.all().filter((l) => l.objectTypeId === objectTypeId && l.members.has(recordId));
  }
}
