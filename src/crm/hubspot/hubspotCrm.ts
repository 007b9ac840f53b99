// The CRM port on HubSpot. Each capability lives in its own module (batched reads, search windows, field writes
// with the two-step lifecycle move, lists v3 membership, tasks, owner names, provisioning); this class holds the
// portal's connection and its lifecycle stages, and hands each call of the port to the module that does it.
import { z } from 'zod';
import type { BatonFields } from '../../domain/decide/effect.ts';
import type { Policy } from '../../domain/policy/schema.ts';
import type { CrmLead, CrmPort, CrmTask, PortalUser, ProvisioningReport, RecordResult } from '../port.ts';
import { writeBatonFields } from './batonFieldWrites.ts';
import { readContacts } from './contactReads.ts';
import { leadObjectProblems, LeadRecordReader } from './leadRecords.ts';
import type { RelatedObjectType } from '../inboundChange.ts';
import { contactsModifiedBetween, countContactsModifiedBetween } from './contactSearch.ts';
import { updateContacts } from './contactUpdates.ts';
import type { HubSpotConnection } from './hubspotConnection.ts';
import {
  HUBSPOT_DEFAULT_STAGES,
  resolveLifecycleStages,
  stageOption,
  type ChosenStages,
  type LifecycleStages,
} from './lifecycleStages.ts';
import { addListMembers, removeListMembers } from './listMembership.ts';
import { ownerNames } from './ownerNames.ts';
import { portalUser } from './portalUser.ts';
import { provisionHubSpot } from './provisioning.ts';
import { plain } from './sdkData.ts';
import { createTasks, findTasks } from './tasks.ts';

const lifecycleProperty = z.object({ options: z.array(stageOption) });

export class HubSpotCrm implements CrmPort {
  private readonly hs: HubSpotConnection;
  /** The portal's lifecycle stages: from provisioning, else read once when a read or write first needs them. */
  private stages: Promise<LifecycleStages> | null = null;
  /** What the policy maps lifecycle meanings to, for portals whose stages were customised. */
  private chosen: ChosenStages = {};
  /** The portal's Lead records (Sales Hub Professional), read with the contacts while the policy follows them. */
  readonly leadRecords: LeadRecordReader;
  private followsLeadRecords = true;

  constructor(connection: HubSpotConnection) {
    this.hs = connection;
    this.leadRecords = new LeadRecordReader(connection);
  }

  /** Whether reads add what the contacts' Lead records say (policy leadObjects.enabled). */
  followLeadObjects(enabled: boolean): void {
    this.followsLeadRecords = enabled;
  }

  /** The policy's lifecycle mapping (applied from the next read of the stages when it changed). */
  chooseStages(chosen: ChosenStages): void {
    if (JSON.stringify(chosen) === JSON.stringify(this.chosen)) return;
    this.chosen = { ...chosen };
    this.stages = null;
  }

  async readLeads(ids: readonly string[]): Promise<CrmLead[]> {
    return this.withLeadRecords(await readContacts(this.hs, ids, this.readingStages()));
  }

  async leadsOfRelated(_type: RelatedObjectType, recordIds: readonly string[]): Promise<Map<string, string>> {
    return this.followsLeadRecords ? this.leadRecords.contactsOf(recordIds) : new Map();
  }

  countLeadsModifiedBetween(from: Date, to: Date): Promise<number> {
    return countContactsModifiedBetween(this.hs, from, to);
  }

  async *leadsModifiedBetween(from: Date, to: Date): AsyncIterable<CrmLead[]> {
    for await (const page of contactsModifiedBetween(this.hs, from, to, this.readingStages()))
      yield await this.withLeadRecords(page);
  }

  /** Every read sees the same person: a contact read without its Lead records would undo their owner. */
  private withLeadRecords(leads: CrmLead[]): Promise<CrmLead[]> {
    return this.followsLeadRecords ? this.leadRecords.addTo(leads) : Promise.resolve(leads);
  }

  writeFields(updates: ReadonlyArray<{ leadId: string; fields: BatonFields }>): Promise<RecordResult[]> {
    return writeBatonFields(this.hs, updates, () => this.lifecycleStages());
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

  portalUser(userId: string): Promise<PortalUser | null> {
    return portalUser(this.hs, userId);
  }

  createTasks(tasks: readonly CrmTask[]): Promise<RecordResult[]> {
    return createTasks(this.hs, tasks);
  }

  /** The leads' tasks (association read, every page, then a batch read of the tasks), matched on owner and subject. */
  findTasks(tasks: readonly CrmTask[]): Promise<boolean[]> {
    return findTasks(this.hs, tasks);
  }

  async provision(policy: Policy): Promise<ProvisioningReport> {
    const { report, stages } = await provisionHubSpot(this.hs, policy);
    this.stages = Promise.resolve(stages);
    if (!this.followsLeadRecords) return report;
    return {
      ...report,
      problems: [...report.problems, ...(await leadObjectProblems(this.leadRecords, policy))],
    };
  }

  /**
   * Reading a stage needs only what its value means: HubSpot's default stages keep their internal values in every
   * portal, and the policy names the custom ones. (Writing also needs the portal's order: lifecycleStages().)
   */
  private readingStages(): LifecycleStages {
    return { ...HUBSPOT_DEFAULT_STAGES, valueOf: { ...HUBSPOT_DEFAULT_STAGES.valueOf, ...this.chosen } };
  }

  /** Read once when provisioning has not run in this process; a failed read is tried again next time. */
  private lifecycleStages(): Promise<LifecycleStages> {
    if (!this.stages) {
      const reading = this.hs
        .call('properties.lifecyclestage.get', [], 'general', (c) =>
          c.crm.properties.coreApi.getByName('contacts', 'lifecyclestage'),
        )
        // Gaps were reported by provisioning; here only the stages are kept.
        .then((p) => resolveLifecycleStages(lifecycleProperty.parse(plain(p)).options, this.chosen).stages);
      this.stages = reading;
      reading.catch(() => {
        if (this.stages === reading) this.stages = null;
      });
    }
    return this.stages;
  }
}
