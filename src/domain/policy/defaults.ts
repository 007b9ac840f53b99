// Baton's default tenant policy: the practice numbers from DESIGN.md §2 and a starter scoring model.
import { DEFAULT_NURTURE_LISTS, DEFAULT_REASONS } from '../reasons.ts';
import type { EngagementRule } from '../scoring/engagement.ts';
import type { FitRule } from '../scoring/fit.ts';

const nineToFive = [{ start: '09:00', end: '17:00' }];

export const DEFAULT_FIT_RULES: FitRule[] = [
  {
    id: 'size_mid',
    label: '200–5,000 employees',
    points: 25,
    when: { field: 'employees', op: 'between', min: 200, max: 5000 },
  },
  {
    id: 'size_small',
    label: '50–199 employees',
    points: 15,
    when: { field: 'employees', op: 'between', min: 50, max: 199 },
  },
  {
    id: 'size_large',
    label: 'Over 5,000 employees',
    points: 15,
    when: { field: 'employees', op: 'between', min: 5001 },
  },
  {
    id: 'size_tiny',
    label: 'Fewer than 10 employees',
    points: -10,
    when: { field: 'employees', op: 'between', max: 9 },
  },
  {
    id: 'industry_core',
    label: 'Core industry',
    points: 20,
    when: {
      field: 'industry',
      op: 'in',
      values: ['software', 'saas', 'technology', 'financial services', 'fintech'],
    },
  },
  {
    id: 'country_core',
    label: 'Served country',
    points: 10,
    when: {
      field: 'country',
      op: 'in',
      values: ['us', 'united states', 'ca', 'canada', 'gb', 'united kingdom', 'de', 'germany'],
    },
  },
  {
    id: 'senior_exec',
    label: 'Executive title',
    points: 25,
    when: { field: 'seniority', op: 'in', values: ['executive', 'vp'] },
  },
  {
    id: 'senior_dir',
    label: 'Director-level title',
    points: 20,
    when: { field: 'seniority', op: 'in', values: ['director'] },
  },
  {
    id: 'senior_mgr',
    label: 'Manager title',
    points: 10,
    when: { field: 'seniority', op: 'in', values: ['manager'] },
  },
  {
    id: 'student',
    label: 'Student or intern',
    points: -30,
    when: { field: 'seniority', op: 'in', values: ['student'] },
  },
  {
    id: 'corp_email',
    label: 'Company email',
    points: 10,
    when: { field: 'emailDomainType', op: 'in', values: ['corporate'] },
  },
  {
    id: 'free_email',
    label: 'Free email address',
    points: -15,
    when: { field: 'emailDomainType', op: 'in', values: ['free'] },
  },
  {
    id: 'edu_email',
    label: 'Education email address',
    points: -20,
    when: { field: 'emailDomainType', op: 'in', values: ['education'] },
  },
];

export const DEFAULT_ENGAGEMENT_RULES: EngagementRule[] = [
  { id: 'demo', label: 'Demo request', event: 'demo_request', points: 45 },
  { id: 'contact_sales', label: 'Contact-sales form', event: 'contact_sales', points: 45 },
  { id: 'meeting', label: 'Meeting booked', event: 'meeting_booked', points: 35 },
  {
    id: 'pricing',
    label: 'Pricing page view',
    event: 'page_view',
    detailContains: '/pricing',
    points: 10,
    maxCount: 3,
  },
  { id: 'form', label: 'Form submission', event: 'form_submission', points: 15, maxCount: 3 },
  { id: 'webinar', label: 'Webinar attended', event: 'webinar_attended', points: 15, maxCount: 2 },
  { id: 'download', label: 'Content download', event: 'content_download', points: 10, maxCount: 3 },
  { id: 'email_click', label: 'Email click', event: 'email_click', points: 5, maxCount: 5 },
  { id: 'page_view', label: 'Page view', event: 'page_view', points: 2, maxCount: 10 },
  { id: 'visit', label: 'Website visit', event: 'visit', points: 3, maxCount: 5 },
  { id: 'unsubscribe', label: 'Unsubscribed', event: 'unsubscribe', points: -30 },
  { id: 'bounce', label: 'Email bounced', event: 'email_bounce', points: -20 },
  {
    id: 'careers',
    label: 'Careers page view (job seeker)',
    event: 'page_view',
    detailContains: '/careers',
    points: -10,
    maxCount: 1,
  },
];

/** The input shape of a policy: every field optional, filled from these defaults. */
export const DEFAULT_POLICY = {
  timeZone: 'America/New_York',
  businessHours: {
    mon: nineToFive,
    tue: nineToFive,
    wed: nineToFive,
    thu: nineToFive,
    fri: nineToFive,
    sat: [],
    sun: [],
  },
  holidays: [] as string[],
  sla: {
    firstTouchHours: 24,
    reminderAtPercent: 50,
    escalateAtPercent: 100,
    autoRecycleHours: 72,
    useOwnerTimeZone: true,
    /** Leads already overdue when a portal is installed get this many business hours before Baton acts. */
    installGraceHours: 8,
  },
  recycle: { cooldownDays: 30, maxRecycles: 3, neverBackToReturningRep: true },
  hygiene: { stalledFactor: 2, stalledFallbackDays: 90, wentDarkDays: 30 },
  reasons: DEFAULT_REASONS.map((r) => ({ ...r })),
  nurtureLists: DEFAULT_NURTURE_LISTS.map((l) => ({ ...l })),
  scoring: {
    fitRules: DEFAULT_FIT_RULES,
    engagementRules: DEFAULT_ENGAGEMENT_RULES,
    halfLifeDays: 30,
    bands: { fit: { A: 75, B: 50, C: 25 }, engagement: { 1: 60, 2: 30, 3: 10 } },
  },
  mql: {
    minFitGrade: 'B' as const,
    minEngagementLevel: 2 as const,
    handRaise: {
      events: ['demo_request' as const, 'contact_sales' as const],
      minFitGrade: 'C' as const,
      withinDays: 30,
    },
  },
  capacity: { openLeadsPerRep: 40 },
  rejectRateTarget: 0.1,
  configuredWinProbability: { mql: 0.05, assigned: 0.1, accepted: 0.2, qualified: 0.4 },
};
