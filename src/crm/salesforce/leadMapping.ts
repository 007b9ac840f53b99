// Salesforce Lead → the CRM-neutral lead the worker sees, plus a rep's pending "Return to marketing" request
// (written by the quick action into the Lead's return-request fields).
import { z } from 'zod';
import type { EngagementEvent } from '../../domain/scoring/profile.ts';
import type { CrmLead, CrmLifecycle } from '../port.ts';
import { SF_RETURN_REQUEST } from './batonFields.ts';

export const LEAD_FIELDS = [
  'Id',
  'Email',
  'Title',
  'Company',
  'Industry',
  'NumberOfEmployees',
  'Country',
  'LeadSource',
  'Status',
  'OwnerId',
  'IsConverted',
  'CreatedDate',
  'LastModifiedDate',
  'SystemModstamp',
  'LastModifiedById',
  SF_RETURN_REQUEST.reason,
  SF_RETURN_REQUEST.note,
  SF_RETURN_REQUEST.reengageAt,
  SF_RETURN_REQUEST.requestedAt,
] as const;

const text = z.string().nullable().optional();
export const leadRecordSchema = z.object({
  Id: z.string(),
  Email: text,
  Title: text,
  Company: text,
  Industry: text,
  NumberOfEmployees: z.number().nullable().optional(),
  Country: text,
  LeadSource: text,
  Status: text,
  OwnerId: z.string(),
  IsConverted: z.boolean().optional(),
  CreatedDate: z.string(),
  LastModifiedDate: z.string(),
  SystemModstamp: z.string().optional(),
  LastModifiedById: text,
  [SF_RETURN_REQUEST.reason]: text,
  [SF_RETURN_REQUEST.note]: text,
  [SF_RETURN_REQUEST.reengageAt]: text,
  [SF_RETURN_REQUEST.requestedAt]: text,
});
export type LeadRecord = z.infer<typeof leadRecordSchema>;

export interface ReturnRequest {
  reason: string;
  note: string | null;
  reengageOn: string | null;
  requestedAt: Date;
  byUserId: string | null;
}

/** Salesforce keeps no marketing engagement without a marketing tool; the lead source says how they came in. */
function engagementOf(r: LeadRecord): EngagementEvent[] {
  const source = (r.LeadSource ?? '').toLowerCase();
  const at = new Date(r.CreatedDate);
  if (/demo/.test(source)) return [{ type: 'demo_request', at, detail: r.LeadSource ?? null }];
  if (/contact|sales/.test(source)) return [{ type: 'contact_sales', at, detail: r.LeadSource ?? null }];
  if (/web|form/.test(source)) return [{ type: 'form_submission', at, detail: r.LeadSource ?? null }];
  return [];
}

export function returnRequestOf(r: LeadRecord): ReturnRequest | null {
  const reason = r[SF_RETURN_REQUEST.reason];
  const requestedAt = r[SF_RETURN_REQUEST.requestedAt];
  if (!reason || !requestedAt) return null;
  const reengage = r[SF_RETURN_REQUEST.reengageAt];
  return {
    reason,
    note: r[SF_RETURN_REQUEST.note] ?? null,
    reengageOn: reengage && /^\d{4}-\d{2}-\d{2}$/.test(reengage) ? reengage : null,
    requestedAt: new Date(requestedAt),
    byUserId: r.LastModifiedById ?? null,
  };
}

const lifecycleOf = (r: LeadRecord): CrmLifecycle => (r.IsConverted ? 'opportunity' : 'lead');

/** Group ids (queues) start 00G; users 005 (Salesforce object key prefixes). */
const QUEUE_PREFIX = '00G';

/**
 * Who holds the lead as Baton sees it: a user, or nobody while a queue owns it — Baton's marketing queue, or a team's
 * queue where leads wait for a rep to take them. No rep's SLA clock runs for a queue, and no reminder task goes to it
 * (a Task's owner must be a user: FIELD_INTEGRITY_EXCEPTION); the clock starts when a rep takes the lead.
 */
export const ownerOf = (ownerId: string): string | null =>
  ownerId.startsWith(QUEUE_PREFIX) ? null : ownerId;

export function toCrmLead(
  r: LeadRecord,
  lastTouchAt: Date | null,
): CrmLead & { returnRequest: ReturnRequest | null } {
  const text = (v: string | null | undefined) => (v && v.trim() !== '' ? v : null);
  return {
    id: r.Id,
    profile: {
      email: text(r.Email),
      title: text(r.Title),
      employees: r.NumberOfEmployees ?? null,
      industry: text(r.Industry),
      country: text(r.Country),
      source: text(r.LeadSource),
      campaign: null,
    },
    ownerId: ownerOf(r.OwnerId),
    // Salesforce keeps when the owner changed only in field history; Baton takes the change when it sees it.
    ownerAssignedAt: null,
    lifecycle: lifecycleOf(r),
    createdAt: new Date(r.CreatedDate),
    modifiedAt: new Date(r.SystemModstamp ?? r.LastModifiedDate),
    lastTouchAt,
    engagement: engagementOf(r),
    returnRequest: returnRequestOf(r),
  };
}
