// The CRM port on HubSpot. Each capability lives in its own module (batched reads, search windows, field writes
// with the two-step lifecycle move, lists v3 membership, tasks, owner names, provisioning); this class holds the
// portal's connection and hands each call of the port to the module that does it.
import type { BatonFields } from '../../domain/decide/effect.ts';
import type { Policy } from '../../domain/policy/schema.ts';
import type { CrmLead, CrmPort, CrmTask, ProvisioningReport, RecordResult } from '../port.ts';
import { writeBatonFields } from './batonFieldWrites.ts';
import { readContacts } from './contactReads.ts';
import { contactsModifiedBetween, countContactsModifiedBetween } from './contactSearch.ts';
import { updateContacts } from './contactUpdates.ts';
import type { HubSpotConnection } from './hubspotConnection.ts';
import { addListMembers, removeListMembers } from './listMembership.ts';
import { ownerNames } from './ownerNames.ts';
import { provisionHubSpot } from './provisioning.ts';
import { createTasks, findTasks } from './tasks.ts';

export class HubSpotCrm implements CrmPort {
  private readonly hs: HubSpotConnection;

  constructor(connection: HubSpotConnection) {
    this.hs = connection;
  }

  readLeads(ids: readonly string[]): Promise<CrmLead[]> {
    return readContacts(this.hs, ids);
  }

  countLeadsModifiedBetween(from: Date, to: Date): Promise<number> {
    return countContactsModifiedBetween(this.hs, from, to);
  }

  leadsModifiedBetween(from: Date, to: Date): AsyncIterable<CrmLead[]> {
    return contactsModifiedBetween(this.hs, from, to);
  }

  writeFields(updates: ReadonlyArray<{ leadId: string; fields: BatonFields }>): Promise<RecordResult[]> {
    return writeBatonFields(this.hs, updates);
  }

  setOwners(updates: ReadonlyArray<{ leadId: string; ownerId: string | null }>): Promise<RecordResult[]> {
    return updateContacts(
      this.hs,
      'contacts.owner.update',
      updates.map((u) => ({ id: u.leadId, properties: { hubspot_owner_id: u.ownerId ?? '' } })),
    );
  }

  addToList(listId: string, leadIds: readonly string[]): Promise<RecordResult[]> {
    return addListMembers(this.hs, listId, leadIds);
  }

  removeFromList(listId: string, leadIds: readonly string[]): Promise<RecordResult[]> {
    return removeListMembers(this.hs, listId, leadIds);
  }

  /** Owners carry both ids Baton meets: the owner id (contact owner) and the user id (signed card requests). */
  userNames(ids: readonly string[]): Promise<Map<string, string>> {
    return ownerNames(this.hs, ids);
  }

  createTasks(tasks: readonly CrmTask[]): Promise<RecordResult[]> {
    return createTasks(this.hs, tasks);
  }

  /** The leads' tasks (v4 association read, then a batch read of the tasks), matched on owner and subject. */
  findTasks(tasks: readonly CrmTask[]): Promise<boolean[]> {
    return findTasks(this.hs, tasks);
  }

  provision(policy: Policy): Promise<ProvisioningReport> {
    return provisionHubSpot(this.hs, policy);
  }
}
