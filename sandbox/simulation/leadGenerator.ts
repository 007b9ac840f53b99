// One realistic inbound contact: who they are (name, company, title, size, industry, country, email domain,
// source and campaign), shaped by their persona: students write from .edu addresses, job seekers from
// Gmail, competitors from a rival's domain; buyers mostly from their company's.
import type { Dice } from './randomness.ts';
import {
  COMPANY_SIZES,
  COMPANY_STEMS,
  COMPANY_SUFFIXES,
  COMPETITOR_DOMAINS,
  CORE_INDUSTRIES,
  CORPORATE_TLDS,
  COUNTRIES,
  EDU_DOMAINS,
  FIRST_NAMES,
  FREE_MAIL_DOMAINS,
  LAST_NAMES,
  OTHER_INDUSTRIES,
  SENIORITY_MIX,
  SOURCES,
  TITLES,
  type SeniorityBand,
} from './people.ts';
import type { PersonaName } from './scenario.ts';

export interface GeneratedLead {
  persona: PersonaName;
  firstName: string;
  lastName: string;
  company: string;
  seniority: SeniorityBand;
  emailKind: 'corporate' | 'free' | 'education';
  /** Contact properties as the portal's form or import would set them. */
  properties: Record<string, string>;
}

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

function seniorityFor(persona: PersonaName, d: Dice): SeniorityBand {
  if (persona === 'student') return 'student';
  if (persona === 'job_seeker')
    return d.weighted([
      ['individual', 6],
      ['student', 2],
      ['manager', 2],
    ]);
  // Buyers skew senior: the people who ask for a demo tend to own the problem.
  if (persona === 'hand_raiser' || persona === 'evaluator')
    return d.weighted([
      ['executive', 12],
      ['vp', 15],
      ['director', 22],
      ['manager', 28],
      ['individual', 23],
    ]);
  return d.weighted(SENIORITY_MIX);
}

function emailKindFor(persona: PersonaName, d: Dice): GeneratedLead['emailKind'] {
  if (persona === 'student') return d.chance(0.85) ? 'education' : 'free';
  if (persona === 'job_seeker') return d.chance(0.8) ? 'free' : 'corporate';
  if (persona === 'competitor') return 'corporate';
  return d.weighted([
    ['corporate', 82],
    ['free', 15],
    ['education', 3],
  ]);
}

export function generateLead(d: Dice, persona: PersonaName, n: number): GeneratedLead {
  const firstName = d.pick(FIRST_NAMES);
  const lastName = d.pick(LAST_NAMES);
  const seniority = seniorityFor(persona, d);
  const emailKind = emailKindFor(persona, d);
  const competitorDomain = persona === 'competitor' ? d.pick(COMPETITOR_DOMAINS) : null;
  const company = competitorDomain
    ? (competitorDomain.split('.')[0]?.replace(/^\w/, (c) => c.toUpperCase()) ?? 'Rival')
    : `${d.pick(COMPANY_STEMS)} ${d.pick(COMPANY_SUFFIXES)}`;
  const domain =
    competitorDomain ??
    (emailKind === 'free'
      ? d.pick(FREE_MAIL_DOMAINS)
      : emailKind === 'education'
        ? d.pick(EDU_DOMAINS)
        : `${slug(company)}${d.pick(CORPORATE_TLDS)}`);
  // The running number keeps emails unique (HubSpot refuses a second contact with the same email).
  const local =
    emailKind === 'free'
      ? `${slug(firstName)}.${slug(lastName)}${n}`
      : `${slug(firstName)}.${slug(lastName)}.${n}`;
  const [low, high] = d.weighted(COMPANY_SIZES);
  const core =
    persona === 'competitor' || d.chance(persona === 'hand_raiser' || persona === 'evaluator' ? 0.6 : 0.4);
  const { source, campaign } = d.weighted(SOURCES);
  const properties: Record<string, string> = {
    email: `${local}@${domain}`,
    firstname: firstName,
    lastname: lastName,
    jobtitle: d.pick(TITLES[seniority]),
    company,
    // Students and job seekers often leave company details out.
    ...(seniority !== 'student' && { numemployees: String(d.int(low, high)) }),
    ...(seniority !== 'student' && { industry: d.pick(core ? CORE_INDUSTRIES : OTHER_INDUSTRIES) }),
    country: d.weighted(COUNTRIES),
    hs_analytics_source: source,
    ...(campaign && { hs_analytics_first_touch_converting_campaign: campaign }),
    lifecyclestage: persona === 'casual' && d.chance(0.5) ? 'subscriber' : 'lead',
  };
  return { persona, firstName, lastName, company, seniority, emailKind, properties };
}
