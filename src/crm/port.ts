// The CRM port: what the worker needs from any CRM. HubSpot and Salesforce adapters implement it; the worker
// and the domain never see which one they talk to.
import type { BatonFields } from '../domain/decide/effect.ts';
import type { Policy } from '../domain/policy/schema.ts';
import type { CrmDisqualification } from '../domain/leadObjectReturn.ts';
import type { EngagementEvent, LeadProfile } from '../domain/scoring/profile.ts';
import type { RelatedObjectType } from './inboundChange.ts';

/** Where the CRM's own lifecycle places the record (the adapter maps its CRM's values onto these). */
export type CrmLifecycle =
  'subscriber' | 'lead' | 'mql' | 'sql' | 'opportunity' | 'customer' | 'other' | 'unknown';

/** A lead as the worker sees it, whatever CRM it lives in. */
export interface CrmLead {
  id: string;
  profile: LeadProfile;
  ownerId: string | null;
  /** When the current owner was set, when the CRM knows it. */
  ownerAssignedAt: Date | null;
  lifecycle: CrmLifecycle;
  createdAt: Date;
  modifiedAt: Date;
  /** The latest sales activity (call, email, meeting, note) the CRM has recorded. */
  lastTouchAt: Date | null;
  /** Engagement signals derived from the record's activity properties. */
  engagement: EngagementEvent[];
  /** A rep's "Return to marketing" recorded on the record itself (Salesforce's quick action writes fields). */
  returnRequest?: {
    reason: string;
    note: string | null;
    /** The calendar day (YYYY-MM-DD) the rep picked; it starts in the tenant's time zone. */
    reengageOn: string | null;
    requestedAt: Date;
    byUserId: string | null;
  } | null;
  /**
   * A rep's disqualification of the person in the CRM's own lead workspace (HubSpot's Lead object), in the CRM's
   * words: the policy maps its reason onto Baton's (domain/leadObjectReturn.ts).
   */
  crmDisqualification?: CrmDisqualification | null;
  /** Records the CRM reports changes of separately (HubSpot's Lead records): their changes are traced back here. */
  relatedRecords?: ReadonlyArray<{ objectType: RelatedObjectType; id: string }>;
}

/** A CRM user as Baton checks who acts: HubSpot keeps user and owner ids apart; in Salesforce they are one id. */
export interface PortalUser {
  userId: string;
  ownerId: string;
  name: string | null;
}

/** The closed set of CRM failure kinds; the worker's retry and dead-letter decisions key off them. */
export type CrmErrorKind = 'auth_invalid' | 'rate_limited' | 'retryable' | 'not_found' | 'permanent';

export class CrmError extends Error {
  readonly kind: CrmErrorKind;
  readonly status: number | null;
  constructor(kind: CrmErrorKind, message: string, opts: { status?: number | null; cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.kind = kind;
    this.status = opts.status ?? null;
  }
}

/**
 * Per-record outcome of a batched write (one bad record does not fail the others): done — `leftAlone` says why
 * nothing was sent, e.g. a converted lead — or failed.
 */
export type RecordResult =
  { id: string; ok: true; leftAlone?: string } | { id: string; ok: false; error: CrmError };

export interface ProvisioningProblem {
  what: string;
  /** The exact fix, in words an admin can follow. */
  fix: string;
}

export interface ProvisioningReport {
  created: string[];
  unchanged: string[];
  problems: ProvisioningProblem[];
  /** Nurture list key → the CRM's list (or campaign) id. */
  lists: Record<string, string>;
}

export interface CrmTask {
  leadId: string;
  ownerId: string;
  subject: string;
  body: string;
  dueAt: Date;
}

/** What makes a Baton task the same task: its lead, its owner, its subject (which carries the due time). */
export const taskIdentity = (leadId: string | null, ownerId: string | null, subject: string | null): string =>
  JSON.stringify([leadId ?? '', ownerId ?? '', subject ?? '']);

export interface CrmPort {
  readLeads(ids: readonly string[]): Promise<CrmLead[]>;
  /** Leads modified in [from, to), in pages; windows stay under the CRM's search caps. */
  leadsModifiedBetween(from: Date, to: Date): AsyncIterable<CrmLead[]>;
  /** How many leads were modified in [from, to) (progress of a backfill). */
  countLeadsModifiedBetween(from: Date, to: Date): Promise<number>;
  writeFields(updates: ReadonlyArray<{ leadId: string; fields: BatonFields }>): Promise<RecordResult[]>;
  setOwners(updates: ReadonlyArray<{ leadId: string; ownerId: string | null }>): Promise<RecordResult[]>;
  addToList(listId: string, leadIds: readonly string[]): Promise<RecordResult[]>;
  removeFromList(listId: string, leadIds: readonly string[]): Promise<RecordResult[]>;
  createTasks(tasks: readonly CrmTask[]): Promise<RecordResult[]>;
  /**
   * Which of these tasks the CRM already holds (same lead, owner and subject): a create whose answer never came
   * back may have happened. One flag per task, in order.
   */
  findTasks(tasks: readonly CrmTask[]): Promise<boolean[]>;
  /** People's display names by CRM user or owner id (who returned a lead, whose leads); unknown ids left out. */
  userNames(ids: readonly string[]): Promise<Map<string, string>>;
  /**
   * The signed-in CRM user as an owner of records in this portal or org (who may return a lead); null when the user
   * is not one of its users (an id from another portal, a removed user).
   */
  portalUser(userId: string): Promise<PortalUser | null>;
  /**
   * Whose records these are (HubSpot's Lead record → its contact), for related records Baton has not met yet;
   * records the CRM no longer knows are left out. CRMs without related records leave it out.
   */
  leadsOfRelated?(objectType: RelatedObjectType, recordIds: readonly string[]): Promise<Map<string, string>>;
  /** Creates what Baton needs in the CRM (fields, nurture lists); idempotent; reports what it cannot fix. */
  provision(policy: Policy): Promise<ProvisioningReport>;
}
