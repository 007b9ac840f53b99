// What a contact does over the days after they first fill in a form, by persona: page views (pricing, blog,
// careers), forms named as a real portal names them, and marketing email opens and clicks. Sessions fall on
// different days, mostly in working hours; within a session the last page and the form are what HubSpot keeps.
import { BLOG_POSTS, EBOOKS, PRODUCT_PAGES, WEBINARS } from './people.ts';
import type { Dice } from './randomness.ts';
import type { PersonaName } from './scenario.ts';
import { localTime } from './businessTime.ts';

export type Touchpoint =
  | { at: number; kind: 'page'; url: string }
  | { at: number; kind: 'form'; name: string }
  | { at: number; kind: 'email_open' }
  | { at: number; kind: 'email_click' };

type Step =
  { kind: 'page'; url: string } | { kind: 'form'; name: string } | { kind: 'email_open' | 'email_click' };

const ebook = (d: Dice) => `Download: ${d.pick(EBOOKS)} ebook`;
const blog = (d: Dice): Step => ({ kind: 'page', url: d.pick(BLOG_POSTS) });
const page = (url: string): Step => ({ kind: 'page', url });
const form = (name: string): Step => ({ kind: 'form', name });
const handRaise = (d: Dice) => form(d.chance(0.6) ? 'Request a demo' : 'Contact sales');

/** A session's start: on day `day` after `fromMs`, in working hours most of the time, evenings otherwise. */
function sessionStart(fromMs: number, day: number, d: Dice): number {
  const hour = d.chance(0.75) ? d.int(9, 16) : d.int(18, 22);
  const at = localTime(fromMs, day, hour, d.int(0, 59));
  return day === 0 ? Math.max(at, fromMs) : at;
}

function session(startMs: number, steps: readonly Step[], d: Dice): Touchpoint[] {
  let at = startMs;
  return steps.map((s) => {
    at += d.int(1, 6) * 60_000;
    return { ...s, at };
  });
}

/** The first session: what brings them in, ending with the form that creates the contact. */
export function arrivalSession(persona: PersonaName, d: Dice): Step[] {
  switch (persona) {
    case 'hand_raiser':
      return [page(d.pick(PRODUCT_PAGES)), page('/pricing'), handRaise(d)];
    case 'evaluator':
      return [blog(d), page(d.pick(PRODUCT_PAGES)), form(ebook(d))];
    case 'researcher':
      return [blog(d), form(d.chance(0.7) ? ebook(d) : `Webinar: ${d.pick(WEBINARS)}`)];
    case 'casual':
      return [blog(d), form('Newsletter signup')];
    case 'student':
      return [blog(d), form(ebook(d))];
    case 'job_seeker':
      return [page('/careers'), form('Join our talent community')];
    case 'competitor':
      return [page('/product/scoring'), page('/pricing'), form('Request a demo')];
  }
}

/** Later sessions, as [day after arrival, steps]. */
function laterSessions(persona: PersonaName, d: Dice): Array<[number, Step[]]> {
  const out: Array<[number, Step[]]> = [];
  const emails = (count: number, clickShare: number) => {
    for (let i = 0; i < count; i++)
      out.push([d.int(2, 20), [{ kind: d.chance(clickShare) ? 'email_click' : 'email_open' }]]);
  };
  switch (persona) {
    case 'hand_raiser':
      emails(1, 0.3);
      break;
    case 'evaluator': {
      const visits = d.int(2, 4);
      let day = 0;
      for (let i = 0; i < visits; i++) {
        day += d.int(1, 4);
        out.push([day, [blog(d), page(d.pick(PRODUCT_PAGES)), page('/pricing')]]);
      }
      if (d.chance(0.4)) out.push([d.int(2, 10), [form(`Webinar: ${d.pick(WEBINARS)}`)]]);
      if (d.chance(0.35)) out.push([day + d.int(1, 3), [page('/pricing'), handRaise(d)]]);
      emails(2, 0.5);
      break;
    }
    case 'researcher':
      if (d.chance(0.6)) out.push([d.int(1, 9), [blog(d), blog(d)]]);
      if (d.chance(0.25)) out.push([d.int(3, 14), [page('/pricing')]]);
      emails(d.int(1, 3), 0.25);
      break;
    case 'casual':
      if (d.chance(0.3)) out.push([d.int(3, 20), [blog(d)]]);
      emails(d.int(0, 2), 0.1);
      break;
    case 'student':
      if (d.chance(0.25)) out.push([d.int(1, 6), [page('/pricing'), form('Request a demo')]]);
      if (d.chance(0.3)) out.push([d.int(2, 12), [page('/careers')]]);
      break;
    case 'job_seeker':
      out.push([d.int(1, 10), [page('/about'), page('/careers')]]);
      break;
    case 'competitor':
      out.push([d.int(1, 5), [page('/integrations/hubspot'), page('/pricing')]]);
      break;
  }
  return out;
}

export interface EngagementPlan {
  /** When the contact is created (their first form). */
  createdAt: number;
  arrival: Touchpoint[];
  later: Touchpoint[];
}

export function engagementPlan(persona: PersonaName, arrivalMs: number, d: Dice): EngagementPlan {
  const arrival = session(arrivalMs, arrivalSession(persona, d), d);
  const createdAt = arrival.at(-1)?.at ?? arrivalMs;
  const later = laterSessions(persona, d)
    .flatMap(([day, steps]) => session(sessionStart(arrivalMs, day, d), steps, d))
    .filter((t) => t.at > createdAt)
    .toSorted((a, b) => a.at - b.at);
  return { createdAt, arrival, later };
}

/** Marketing's re-engagement of a recycled lead: a nurture email that works, then a visit or two, some a demo. */
export function reengagementPlan(fromMs: number, d: Dice, handRaise: boolean): Touchpoint[] {
  const first = sessionStart(fromMs, 0, d);
  const steps: Touchpoint[] = [
    ...session(first, [{ kind: 'email_click' }, blog(d), page('/pricing')], d),
    ...session(sessionStart(fromMs, d.int(1, 3), d), [page(d.pick(PRODUCT_PAGES)), page('/pricing')], d),
  ];
  if (handRaise) steps.push(...session(sessionStart(fromMs, d.int(2, 5), d), [form('Request a demo')], d));
  else if (d.chance(0.5))
    steps.push(...session(sessionStart(fromMs, d.int(2, 6), d), [form(`Webinar: ${d.pick(WEBINARS)}`)], d));
  return steps.toSorted((a, b) => a.at - b.at);
}
