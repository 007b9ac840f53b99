// The CRM port on Salesforce: Leads read with SOQL (touches from Task/Event rows, not the date-only
// LastActivityDate), writes through sObject Collections (≤ 200 per call, per-record results, assignment rules
// off), Campaigns as nurture lists (an existing member is success), the marketing queue as the owner back with
// marketing, and converted leads left alone. This class holds the per-org state and delegates each concept to its
// own file: leadReads, leadWrites, owners, campaignMembers, batonTasks, provisioning.
import type { BatonFields } from '../../domain/decide/effect.ts';
import type { Policy } from '../../domain/policy/schema.ts';
import type { CrmLead, CrmPort, CrmTask, PortalUser, ProvisioningReport, RecordResult } from '../port.ts';
import { createTasks, findTasks } from './batonTasks.ts';
import { addToCampaign, removeFromCampaign } from './campaignMembers.ts';
import { countLeadsModifiedBetween, type LeadReading, leadsModifiedBetween, readLeads } from './leadReads.ts';
import { writeFields } from './leadWrites.ts';
import { MarketingQueue, setOwners, userNames } from './owners.ts';
import { provision } from './provisioning.ts';
import type { SalesforceConnection } from './salesforceConnection.ts';

export { COLLECTION_LIMIT } from './collections.ts';

export class SalesforceCrm implements CrmPort {
  private readonly sf: SalesforceConnection;
  private readonly queue: MarketingQueue;

  /** Leads seen converted: frozen in Salesforce, so Baton's writes to them are done without a call. */
  private readonly converted = new Set<string>();
  /** Fields of a newer package version this org answered INVALID_FIELD for: left out of later writes. */
  private readonly lackingFields = new Set<string>();
  private readonly reading: LeadReading;

  constructor(connection: SalesforceConnection, now: () => Date = () => new Date()) {
    this.sf = connection;
    this.queue = new MarketingQueue(connection);
    this.reading = { sf: connection, now, converted: this.converted };
  }

  readLeads(ids: readonly string[]): Promise<CrmLead[]> {
    return readLeads(this.reading, ids);
  }

  leadsModifiedBetween(from: Date, to: Date): AsyncIterable<CrmLead[]> {
    return leadsModifiedBetween(this.reading, from, to);
  }

  countLeadsModifiedBetween(from: Date, to: Date): Promise<number> {
    return countLeadsModifiedBetween(this.sf, from, to);
  }

  writeFields(updates: ReadonlyArray<{ leadId: string; fields: BatonFields }>): Promise<RecordResult[]> {
    return writeFields(this.sf, this.converted, updates, this.lackingFields);
  }

  /** The marketing queue's id (the owner of leads back with marketing). */
  marketingQueue(): Promise<string> {
    return this.queue.id();
  }

  setOwners(updates: ReadonlyArray<{ leadId: string; ownerId: string | null }>): Promise<RecordResult[]> {
    return setOwners(this.sf, this.converted, this.queue, updates);
  }

  addToList(campaignId: string, leadIds: readonly string[]): Promise<RecordResult[]> {
    return addToCampaign(this.sf, this.converted, campaignId, leadIds);
  }

  removeFromList(campaignId: string, leadIds: readonly string[]): Promise<RecordResult[]> {
    return removeFromCampaign(this.sf, campaignId, leadIds);
  }

  /** Users (005…) and queues (00G…) by id. */
  userNames(ids: readonly string[]): Promise<Map<string, string>> {
    return userNames(this.sf, ids);
  }

  /** A Salesforce user owns records under their own id; a user of another org is not found. */
  async portalUser(userId: string): Promise<PortalUser | null> {
    if (!userId.startsWith('005')) return null;
    const name = (await userNames(this.sf, [userId])).get(userId);
    return name === undefined ? null : { userId, ownerId: userId, name };
  }

  createTasks(tasks: readonly CrmTask[]): Promise<RecordResult[]> {
    return createTasks(this.sf, tasks);
  }

  /** The leads' Baton tasks (SOQL on WhoId and Subject), matched on owner and subject. */
  findTasks(tasks: readonly CrmTask[]): Promise<boolean[]> {
    return findTasks(this.sf, tasks);
  }

  /** Checks the package's fields and queue, and finds or creates one Campaign per nurture list. */
  provision(policy: Policy): Promise<ProvisioningReport> {
    return provision(this.sf, this.queue, policy);
  }
}
