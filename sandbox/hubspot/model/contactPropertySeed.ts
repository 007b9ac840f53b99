// The standard contact properties Baton reads, seeded in every portal with HubSpot's names, types and
// default options. Calculated ones (activity roll-ups, analytics, email events) are read-only to the API,
// as in HubSpot; the simulation helpers in state/ are what move them.
import { group, seed, type SeedProperty } from './propertySeed.ts';

const RO = { readOnlyValue: true } as const;

export const LIFECYCLE_STAGES = [
  ['subscriber', 'Subscriber'],
  ['lead', 'Lead'],
  ['marketingqualifiedlead', 'Marketing Qualified Lead'],
  ['salesqualifiedlead', 'Sales Qualified Lead'],
  ['opportunity', 'Opportunity'],
  ['customer', 'Customer'],
  ['evangelist', 'Evangelist'],
  ['other', 'Other'],
] as const;

export const LEAD_STATUSES = [
  'NEW',
  'OPEN',
  'IN_PROGRESS',
  'OPEN_DEAL',
  'UNQUALIFIED',
  'ATTEMPTED_TO_CONTACT',
  'CONNECTED',
  'BAD_TIMING',
] as const;

const ANALYTICS_SOURCES = [
  'ORGANIC_SEARCH',
  'PAID_SEARCH',
  'EMAIL_MARKETING',
  'SOCIAL_MEDIA',
  'REFERRALS',
  'OTHER_CAMPAIGNS',
  'DIRECT_TRAFFIC',
  'OFFLINE',
  'PAID_SOCIAL',
] as const;

export const CONTACT_GROUPS = [
  group('contactinformation', 'Contact information', 0),
  group('sales_properties', 'Sales properties', 1),
  group('analyticsinformation', 'Web analytics history', 2),
  group('conversioninformation', 'Conversion information', 3),
  group('emailinformation', 'Email information', 4),
];

const INFO = 'contactinformation';
const SALES = 'sales_properties';
const ANALYTICS = 'analyticsinformation';
const CONVERSION = 'conversioninformation';
const EMAIL = 'emailinformation';

export const CONTACT_PROPERTIES: SeedProperty[] = [
  seed('email', 'Email', 'string', INFO),
  seed('firstname', 'First Name', 'string', INFO),
  seed('lastname', 'Last Name', 'string', INFO),
  seed('phone', 'Phone Number', 'string', INFO, { fieldType: 'phonenumber' }),
  seed('jobtitle', 'Job Title', 'string', INFO),
  seed('company', 'Company Name', 'string', INFO),
  seed('numemployees', 'Number of Employees', 'number', INFO),
  seed('industry', 'Industry', 'string', INFO),
  seed('country', 'Country/Region', 'string', INFO),
  seed('hubspot_owner_id', 'Contact owner', 'enumeration', SALES, { referencedObjectType: 'OWNER' }),
  seed('hubspot_owner_assigneddate', 'Owner Assigned Date', 'datetime', SALES, RO),
  seed('lifecyclestage', 'Lifecycle Stage', 'enumeration', INFO, {
    fieldType: 'radio',
    options: LIFECYCLE_STAGES,
  }),
  seed('hs_lead_status', 'Lead Status', 'enumeration', SALES, { fieldType: 'radio', options: LEAD_STATUSES }),
  seed('createdate', 'Create Date', 'datetime', INFO),
  seed('lastmodifieddate', 'Last Modified Date', 'datetime', INFO, RO),
  seed('hs_object_id', 'Record ID', 'number', INFO, RO),
  seed('hs_merged_object_ids', 'Merged Contact IDs', 'enumeration', INFO, { ...RO, fieldType: 'checkbox' }),
  seed('hs_last_sales_activity_timestamp', 'Last Engagement Date', 'datetime', SALES, RO),
  seed('notes_last_contacted', 'Last Contacted', 'datetime', SALES, RO),
  seed('notes_last_updated', 'Last Activity Date', 'datetime', SALES, RO),
  seed('num_contacted_notes', 'Number of times contacted', 'number', SALES, RO),
  seed('hs_latest_meeting_activity', 'Latest meeting activity', 'datetime', SALES, RO),
  seed('hs_analytics_source', 'Original Source', 'enumeration', ANALYTICS, {
    ...RO,
    options: ANALYTICS_SOURCES,
  }),
  seed(
    'hs_analytics_first_touch_converting_campaign',
    'First touch converting campaign',
    'string',
    ANALYTICS,
    RO,
  ),
  seed('hs_analytics_num_visits', 'Number of Sessions', 'number', ANALYTICS, RO),
  seed('hs_analytics_num_page_views', 'Number of Pageviews', 'number', ANALYTICS, RO),
  seed('hs_analytics_last_visit_timestamp', 'Time of Last Session', 'datetime', ANALYTICS, RO),
  seed('hs_analytics_last_url', 'Last Page Seen', 'string', ANALYTICS, RO),
  seed('num_conversion_events', 'Number of Form Submissions', 'number', CONVERSION, RO),
  seed('recent_conversion_date', 'Recent Conversion Date', 'datetime', CONVERSION, RO),
  seed('recent_conversion_event_name', 'Recent Conversion', 'string', CONVERSION, RO),
  seed('hs_email_last_click_date', 'Last marketing email click date', 'datetime', EMAIL, RO),
  seed('hs_email_last_open_date', 'Last marketing email open date', 'datetime', EMAIL, RO),
  seed('hs_email_optout', 'Unsubscribed from all email', 'bool', EMAIL, RO),
  seed('hs_email_hard_bounce_reason', 'Email hard bounce reason', 'string', EMAIL, RO),
];
