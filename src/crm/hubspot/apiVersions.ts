// Every HubSpot API Baton calls, its version, and when HubSpot stops supporting it. HubSpot's changelog
// ("legacy-apis-and-legacy-apps-whats-going-unsupported-and-when"): v4 APIs unsupported from 2027-03-30, v1–v3 from
// September 2027 (no day given: read as the 1st); v1 OAuth off on 2027-02-16 ("v1-oauth-api-deprecation"). The
// date-versioned APIs (2026-03) are the successors, with no end announced. @hubspot/api-client 14 speaks only v3/v4
// for the CRM objects, so those calls stay on v3 for now, each behind one adapter function (the successor path is
// named here): the switch is one place per call, due before 2027-09. A test holds this table to what Baton calls.
export interface HubSpotApi {
  name: string;
  /** The path prefix of Baton's calls to it. */
  prefix: string;
  version: string;
  /** The first day HubSpot no longer supports it; null: no end announced. */
  unsupportedFrom: string | null;
  /** Where Baton's calls go when it moves. */
  successor: string | null;
}

const V3_ENDS = '2027-09-01';

export const HUBSPOT_APIS: readonly HubSpotApi[] = [
  {
    name: 'CRM objects (contacts, tasks)',
    prefix: '/crm/v3/objects/',
    version: 'v3',
    unsupportedFrom: V3_ENDS,
    successor: '/crm/objects/2026-03/',
  },
  {
    name: 'Properties',
    prefix: '/crm/v3/properties/',
    version: 'v3',
    unsupportedFrom: V3_ENDS,
    successor: '/crm/properties/2026-03/',
  },
  {
    name: 'Lists',
    prefix: '/crm/v3/lists',
    version: 'v3',
    unsupportedFrom: V3_ENDS,
    successor: '/crm/lists/2026-03',
  },
  {
    name: 'Owners',
    prefix: '/crm/v3/owners',
    version: 'v3',
    unsupportedFrom: V3_ENDS,
    successor: '/crm/owners/2026-03',
  },
  {
    name: 'CRM objects, date-versioned (Lead records)',
    prefix: '/crm/objects/2026-03/',
    version: '2026-03',
    unsupportedFrom: null,
    successor: null,
  },
  {
    name: 'Properties, date-versioned (lead disqualification reasons)',
    prefix: '/crm/properties/2026-03/',
    version: '2026-03',
    unsupportedFrom: null,
    successor: null,
  },
  {
    name: 'Pipelines (lead pipelines)',
    prefix: '/crm/pipelines/2026-03/',
    version: '2026-03',
    unsupportedFrom: null,
    successor: null,
  },
  {
    name: 'Associations',
    prefix: '/crm/associations/2026-03/',
    version: '2026-03',
    unsupportedFrom: null,
    successor: null,
  },
  { name: 'OAuth', prefix: '/oauth/2026-03/', version: '2026-03', unsupportedFrom: null, successor: null },
  {
    name: 'App uninstall',
    prefix: '/appinstalls/2026-03/',
    version: '2026-03',
    unsupportedFrom: null,
    successor: null,
  },
];

/** The API a call path belongs to, or undefined when it is not in the table. */
export const apiOf = (path: string): HubSpotApi | undefined =>
  HUBSPOT_APIS.find((a) => path.startsWith(a.prefix));
