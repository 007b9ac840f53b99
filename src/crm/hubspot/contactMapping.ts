// HubSpot contact → the CRM-neutral lead the worker sees. Engagement is derived from the activity properties
// HubSpot keeps on the contact (last visit, last form, last email click, last meeting); each webhook on one of
// them adds the new occurrence, so Baton sees every change as it happens and the latest one on every read.
import { z } from 'zod';
import type { EngagementEvent, EngagementType } from '../../domain/scoring/profile.ts';
import type { CrmLead } from '../port.ts';
import { HUBSPOT_DEFAULT_STAGES, lifecycleOf, type LifecycleStages } from './lifecycleStages.ts';

export const READ_PROPERTIES = [
  'email',
  'jobtitle',
  'numemployees',
  'industry',
  'country',
  'hs_analytics_source',
  'hs_analytics_first_touch_converting_campaign',
  'hubspot_owner_id',
  'hubspot_owner_assigneddate',
  'lifecyclestage',
  'createdate',
  'lastmodifieddate',
  'hs_last_sales_activity_timestamp',
  'notes_last_contacted',
  'hs_analytics_last_visit_timestamp',
  'hs_analytics_last_url',
  'recent_conversion_date',
  'recent_conversion_event_name',
  'hs_email_last_click_date',
  'hs_email_last_open_date',
  'hs_latest_meeting_activity',
  'hs_email_optout',
  'hs_email_hard_bounce_reason',
] as const;

/** Properties whose change is news for Baton (the webhook subscriptions and the reconciliation both use it). */
export const WATCHED_PROPERTIES = READ_PROPERTIES.filter(
  (p) => p !== 'createdate' && p !== 'lastmodifieddate',
);

export const contactSchema = z.object({
  id: z.string(),
  properties: z.record(z.string(), z.string().nullable().optional()),
  createdAt: z.coerce.date().optional(),
  updatedAt: z.coerce.date().optional(),
});
export type HubSpotContact = z.infer<typeof contactSchema>;

/** HubSpot returns datetimes as ISO strings, dates/some activity stamps as epoch-millisecond strings. */
export function parseHubSpotDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const d = /^\d{10,}$/.test(value) ? new Date(Number(value)) : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A form's name says what kind of hand the person raised. */
export function formKind(name: string | null | undefined): EngagementType {
  const n = (name ?? '').toLowerCase();
  if (/\bdemo\b/.test(n)) return 'demo_request';
  if (/contact (us|sales)|talk to (sales|an expert)|request (a )?(quote|pricing|call)/.test(n))
    return 'contact_sales';
  if (/webinar/.test(n)) return 'webinar_attended';
  if (/download|e-?book|whitepaper|white paper|guide|report/.test(n)) return 'content_download';
  return 'form_submission';
}

function engagementOf(p: Record<string, string | null | undefined>): EngagementEvent[] {
  const events: EngagementEvent[] = [];
  const add = (type: EngagementType, at: Date | null, detail: string | null = null) => {
    if (at) events.push({ type, at, detail });
  };
  const visit = parseHubSpotDate(p['hs_analytics_last_visit_timestamp']);
  add('visit', visit);
  if (p['hs_analytics_last_url'])
    add('page_view', visit, new URL(p['hs_analytics_last_url'], 'https://x').pathname);
  const form = p['recent_conversion_event_name'] ?? null;
  add(formKind(form), parseHubSpotDate(p['recent_conversion_date']), form);
  add('email_click', parseHubSpotDate(p['hs_email_last_click_date']));
  add('email_open', parseHubSpotDate(p['hs_email_last_open_date']));
  add('meeting_booked', parseHubSpotDate(p['hs_latest_meeting_activity']));
  // Opt-outs and bounces are states without their own timestamp: stamped with the record's creation so every
  // read yields the same event (the domain counts each state signal once).
  const created = parseHubSpotDate(p['createdate']);
  if (p['hs_email_optout'] === 'true') add('unsubscribe', created);
  if (p['hs_email_hard_bounce_reason']) add('email_bounce', created);
  return events;
}

const text = (v: string | null | undefined) => (v && v.trim() !== '' ? v : null);

/** A contact as a lead, its lifecycle stage read with the portal's stages. */
export function contactToLead(contact: HubSpotContact, stages: LifecycleStages): CrmLead {
  const p = contact.properties;
  const employees = Number(p['numemployees']);
  const touches = [
    parseHubSpotDate(p['hs_last_sales_activity_timestamp']),
    parseHubSpotDate(p['notes_last_contacted']),
  ];
  const lastTouch = touches.reduce<Date | null>((a, b) => (b && (!a || b > a) ? b : a), null);
  const created = parseHubSpotDate(p['createdate']) ?? contact.createdAt ?? new Date(0);
  return {
    id: contact.id,
    profile: {
      email: text(p['email']),
      title: text(p['jobtitle']),
      employees: p['numemployees'] && Number.isFinite(employees) ? employees : null,
      industry: text(p['industry']),
      country: text(p['country']),
      source: text(p['hs_analytics_source']),
      campaign: text(p['hs_analytics_first_touch_converting_campaign']),
    },
    ownerId: text(p['hubspot_owner_id']),
    ownerAssignedAt: parseHubSpotDate(p['hubspot_owner_assigneddate']),
    lifecycle: lifecycleOf(stages, p['lifecyclestage']),
    createdAt: created,
    modifiedAt: parseHubSpotDate(p['lastmodifieddate']) ?? contact.updatedAt ?? created,
    lastTouchAt: lastTouch,
    engagement: engagementOf(p),
  };
}

/**
 * A contact as a lead with HubSpot's default stages. A default stage keeps its internal value in every portal
 * (renamed, moved or not), so this reads any portal alike; only a custom stage mapped by policy needs the portal's.
 */
export const toCrmLead = (contact: HubSpotContact): CrmLead => contactToLead(contact, HUBSPOT_DEFAULT_STAGES);
