import { describe, expect, it } from 'vitest';
import { formKind, parseHubSpotDate, toCrmLead } from './contactMapping.ts';

describe('HubSpot contact → lead', () => {
  it('maps profile, owner, lifecycle, last touch and engagement signals', () => {
    const lead = toCrmLead({
      id: '501',
      properties: {
        email: 'ann@acme.io',
        jobtitle: 'VP Sales',
        numemployees: '800',
        industry: 'software',
        country: 'United States',
        hs_analytics_source: 'ORGANIC_SEARCH',
        hs_analytics_first_touch_converting_campaign: 'Q4 launch',
        hubspot_owner_id: '77',
        hubspot_owner_assigneddate: '2026-11-20T20:00:00.000Z',
        lifecyclestage: 'marketingqualifiedlead',
        createdate: '2026-11-01T09:00:00.000Z',
        lastmodifieddate: '2026-11-21T09:00:00.000Z',
        hs_last_sales_activity_timestamp: '2026-11-21T08:00:00.000Z',
        notes_last_contacted: '1795246200000',
        hs_analytics_last_visit_timestamp: '2026-11-19T10:00:00.000Z',
        hs_analytics_last_url: 'https://acme.example/pricing?utm=x',
        recent_conversion_date: '2026-11-19T10:05:00.000Z',
        recent_conversion_event_name: 'Request a demo',
        hs_email_last_click_date: '',
        hs_email_optout: 'true',
      },
    });
    expect(lead).toMatchObject({
      id: '501',
      profile: {
        email: 'ann@acme.io',
        title: 'VP Sales',
        employees: 800,
        source: 'ORGANIC_SEARCH',
        campaign: 'Q4 launch',
      },
      ownerId: '77',
      ownerAssignedAt: new Date('2026-11-20T20:00:00Z'),
      lifecycle: 'mql',
      // the later of the two touch properties (epoch ms 1795246200000 = 2026-11-21T07:30Z is earlier)
      lastTouchAt: new Date('2026-11-21T08:00:00Z'),
    });
    expect(lead.engagement).toEqual([
      { type: 'visit', at: new Date('2026-11-19T10:00:00Z'), detail: null },
      { type: 'page_view', at: new Date('2026-11-19T10:00:00Z'), detail: '/pricing' },
      { type: 'demo_request', at: new Date('2026-11-19T10:05:00Z'), detail: 'Request a demo' },
      { type: 'unsubscribe', at: new Date('2026-11-01T09:00:00Z'), detail: null },
    ]);
  });

  it('tolerates missing and odd values', () => {
    const lead = toCrmLead({
      id: '1',
      properties: { numemployees: 'many', lifecyclestage: 'custom_stage_7', email: null },
    });
    expect(lead.profile.employees).toBeNull();
    expect(lead.profile.email).toBeNull();
    expect(lead.lifecycle).toBe('unknown');
    expect(lead.engagement).toEqual([]);
    expect(lead.lastTouchAt).toBeNull();
  });

  it.each([
    ['Request a demo', 'demo_request'],
    ['Book a Demo', 'demo_request'],
    ['Contact sales', 'contact_sales'],
    ['Talk to an expert', 'contact_sales'],
    ['Webinar registration', 'webinar_attended'],
    ['Download: State of RevOps ebook', 'content_download'],
    ['Newsletter signup', 'form_submission'],
    [null, 'form_submission'],
  ] as const)('form "%s" is a %s', (name, kind) => {
    expect(formKind(name)).toBe(kind);
  });

  it('parses ISO and epoch-millisecond dates, and nothing else', () => {
    expect(parseHubSpotDate('2026-11-19T10:00:00.000Z')).toEqual(new Date('2026-11-19T10:00:00Z'));
    expect(parseHubSpotDate('1795342200000')).toEqual(new Date(1795342200000));
    expect(parseHubSpotDate('')).toBeNull();
    expect(parseHubSpotDate('yesterday')).toBeNull();
  });
});
