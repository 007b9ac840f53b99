// The console's pages: where each lives under /ops, its name in the navigation and what it is for.
export type ConsolePageId =
  'overview' | 'sync-log' | 'failures' | 'tenants' | 'sla' | 'funnel' | 'scorecard' | 'what-if' | 'lead';

export interface ConsolePage {
  id: ConsolePageId;
  /** Express path under /ops (the lead page: its prefix, followed by /:tenantId/:leadId). */
  path: string;
  title: string;
  lede: string;
  /** Label in the navigation; pages without one are reached by links (a lead's timeline). */
  nav?: string;
  /** Loads Chart.js. */
  charts?: boolean;
}

export const CONSOLE_PAGES: readonly ConsolePage[] = [
  {
    id: 'overview',
    path: '/',
    nav: 'Overview',
    title: 'Overview',
    lede: 'Alerts, leads held up by sync errors, and every tenant at a glance.',
  },
  {
    id: 'sync-log',
    path: '/sync-log',
    nav: 'Sync log',
    title: 'Sync log',
    lede: 'Every CRM call and inbound event, newest first. Record ids open the lead’s timeline.',
  },
  {
    id: 'failures',
    path: '/failures',
    nav: 'Failures',
    title: 'Failures and dead letters',
    lede: 'CRM writes that failed for good, grouped by cause. Fix the cause, then replay: the writes go out on the next flush.',
  },
  {
    id: 'tenants',
    path: '/tenants',
    nav: 'Tenants',
    title: 'Tenants',
    lede: 'Connection, API budget, webhooks, change capture and polling, initial sync and provisioning, per connected CRM.',
  },
  {
    id: 'sla',
    path: '/sla',
    nav: 'SLA board',
    title: 'SLA board',
    lede: 'Assigned leads by time left to first touch, and each rep’s load against capacity.',
  },
  {
    id: 'funnel',
    path: '/funnel',
    nav: 'Funnel analytics',
    title: 'Funnel analytics',
    lede: 'Stages, velocity, SLA compliance, first-touch latency, reject rate against its target, recycling and win probabilities.',
    charts: true,
  },
  {
    id: 'scorecard',
    path: '/scorecard',
    nav: 'SLA scorecard',
    title: 'SLA scorecard',
    lede: 'Both sides of the SLA for a month, week or quarter: marketing’s MQL volume and quality, sales’ deadlines, the capacity that sizes the commitment, and every deviation.',
    charts: true,
  },
  {
    id: 'what-if',
    path: '/what-if',
    nav: 'What-if',
    title: 'What-if',
    lede: 'Replay a past window of a tenant’s ledger under a proposed policy before an admin saves it: the figures under the policy in force and the proposal side by side, the leads that would have ended differently, and what the replay cannot know.',
  },
  {
    id: 'lead',
    path: '/leads',
    title: 'Lead timeline',
    lede: 'Events, decisions and CRM writes for one lead, in one list.',
  },
];
