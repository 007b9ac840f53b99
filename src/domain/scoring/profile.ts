// What Baton knows about a lead for scoring, independent of the CRM it came from.

export interface LeadProfile {
  email?: string | null;
  employees?: number | null;
  industry?: string | null;
  country?: string | null;
  title?: string | null;
  source?: string | null;
  campaign?: string | null;
}

export const ENGAGEMENT_TYPES = [
  'visit',
  'page_view',
  'form_submission',
  'email_open',
  'email_click',
  'content_download',
  'webinar_attended',
  'meeting_booked',
  'demo_request',
  'contact_sales',
  'unsubscribe',
  'email_bounce',
] as const;
export type EngagementType = (typeof ENGAGEMENT_TYPES)[number];

export interface EngagementEvent {
  type: EngagementType;
  at: Date;
  /** Page URL, form or email name: rules can match on it (e.g. the pricing page). */
  detail?: string | null;
}

export type Seniority = 'executive' | 'vp' | 'director' | 'manager' | 'individual' | 'student';

const SENIORITY_PATTERNS: Array<[Seniority, RegExp]> = [
  ['student', /\b(student|intern|trainee)\b/i],
  // "president" but not "vice president", which is a VP title below.
  ['executive', /\b(chief|ceo|cfo|cto|coo|cmo|cio|cro|founder|co-founder|owner|(?<!vice[- ])president)\b/i],
  ['vp', /\b(vp|svp|evp|vice[- ]president)\b/i],
  ['director', /\b(director|head of)\b/i],
  ['manager', /\b(manager|lead|supervisor)\b/i],
];

export function seniorityOf(title: string | null | undefined): Seniority | null {
  if (!title?.trim()) return null;
  return SENIORITY_PATTERNS.find(([, re]) => re.test(title))?.[0] ?? 'individual';
}

export type EmailDomainType = 'corporate' | 'free' | 'education';

const FREE_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'ymail.com',
  'hotmail.com',
  'outlook.com',
  'live.com',
  'msn.com',
  'aol.com',
  'icloud.com',
  'me.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.de',
  'web.de',
  'mail.com',
  'mail.ru',
  'yandex.ru',
  'yandex.com',
  'qq.com',
  '163.com',
  'zoho.com',
]);

export function emailDomainTypeOf(email: string | null | undefined): EmailDomainType | null {
  const domain = email?.split('@')[1]?.trim().toLowerCase();
  if (!domain) return null;
  if (FREE_MAIL.has(domain) || /^(yahoo|hotmail|outlook|live)\.[a-z.]+$/.test(domain)) return 'free';
  if (/(\.edu|\.edu\.[a-z]{2}|\.ac\.[a-z]{2})$/.test(domain)) return 'education';
  return 'corporate';
}
