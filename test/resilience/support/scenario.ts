// One seeded scenario, replayable against any Baton set-up: a few thousand contacts arrive in the sandbox portal
// (creations, profile edits, page views, email clicks, demo requests), MQLs are assigned to reps, reps log calls,
// reps return leads through the signed card API, and some leads were handed over hours ago (their SLA timers are
// due: reminders, escalations, auto-recycles). Every contact has a fate, so the end state is known per contact.
//
// Determinism: each contact gets at most one occurrence of each engagement kind (Baton reads HubSpot's "last …"
// roll-ups, so two visits between two reads count once whatever the timing), profile edits keep the qualification,
// returns wait until the rep sees the lead as assigned (as a rep would), and hand-overs dated in the past wait until
// Baton knows the lead as an MQL (else it is an adopted lead with an install grace period).
import { createRandom, deriveSeed, type Random } from '../../../sandbox/hubspot/seededRandom.ts';
import type { Portal } from '../../../sandbox/hubspot/state/portal.ts';

const HOUR = 3_600_000;

export type Fate =
  | 'cold' // stays an inquiry
  | 'mql' // qualifies, nobody takes it
  | 'touched' // assigned, then a rep logs a call: accepted
  | 'returned' // assigned, then returned through the card API with a reason
  | 'waiting' // assigned now, untouched: its SLA runs (not due during the run)
  | 'reminded' // handed over 15 h ago (of a 24 h SLA): one reminder task
  | 'escalated' // handed over 30 h ago: breached, one escalation task
  | 'expired'; // handed over 80 h ago (auto-recycle at 72 h): recycled untouched

export interface ReturnPlan {
  reason: string;
  note?: string;
  /** Where the lead ends: recycled (into the reason's list), disqualified, or returned (ops review). */
  ends: 'recycled' | 'disqualified' | 'returned';
  list: string | null;
}

export interface ContactPlan {
  n: number;
  email: string;
  fate: Fate;
  properties: Record<string, string>;
  pricingView: boolean;
  emailClick: boolean;
  /** A later profile edit that keeps the lead's qualification. */
  edit: Record<string, string> | null;
  /** Index of the rep (owner) it goes to. */
  rep: number;
  returns: ReturnPlan | null;
  hoursAgo: number | null;
}

/** Return reasons reps pick, with where each lead ends (the default policy's taxonomy). */
const RETURNS: ReturnPlan[] = [
  { reason: 'not_ready', ends: 'recycled', list: 'nurture_timing' },
  { reason: 'no_budget', ends: 'recycled', list: 'nurture_timing' },
  { reason: 'education_only', ends: 'recycled', list: 'nurture_education' },
  { reason: 'unresponsive', ends: 'recycled', list: 'nurture_reengage' },
  { reason: 'no_authority', note: 'Talk to the VP instead', ends: 'recycled', list: 'nurture_champion' },
  { reason: 'competitor', ends: 'disqualified', list: null },
  { reason: 'spam', ends: 'disqualified', list: null },
  { reason: 'wrong_owner', ends: 'returned', list: 'ops_review' },
  { reason: 'bad_data', note: 'Phone number is fake', ends: 'returned', list: 'ops_review' },
];

const HOT_TITLES = [
  ['VP Sales', 'VP Marketing'],
  ['Director of Operations', 'Head of Growth'],
  ['Chief Revenue Officer', 'CEO'],
] as const;
const COLD_TITLES = ['Student', 'Intern', 'Analyst', 'Engineer'] as const;

function pick<T>(r: Random, items: readonly T[]): T {
  return items[r.below(items.length)] as T;
}

function fateOf(r: Random): Fate {
  const x = r.next();
  const table: Array<[number, Fate]> = [
    [0.3, 'cold'],
    [0.36, 'mql'],
    [0.55, 'touched'],
    [0.72, 'returned'],
    [0.84, 'waiting'],
    [0.89, 'reminded'],
    [0.94, 'escalated'],
    [1, 'expired'],
  ];
  return table.find(([edge]) => x < edge)?.[1] ?? 'cold';
}

export function planScenario(seed: number, contacts: number, reps: number): ContactPlan[] {
  const r = createRandom(deriveSeed(seed, 'scenario'));
  return Array.from({ length: contacts }, (_, n) => {
    const fate = fateOf(r);
    const hot = fate !== 'cold';
    const titles = pick(r, HOT_TITLES);
    const properties: Record<string, string> = hot
      ? {
          email: `buyer${n}@company${n % 97}.example`,
          firstname: `Buyer${n}`,
          jobtitle: titles[0],
          numemployees: String(200 + r.below(4000)),
          industry: pick(r, ['software', 'saas', 'fintech']),
          country: pick(r, ['United States', 'Canada', 'Germany']),
        }
      : {
          email: r.chance(0.5) ? `reader${n}@gmail.com` : `reader${n}@school${n % 13}.edu`,
          firstname: `Reader${n}`,
          jobtitle: pick(r, COLD_TITLES),
          numemployees: String(1 + r.below(8)),
          industry: pick(r, ['retail', 'education', 'hospitality']),
          country: pick(r, ['Brazil', 'India', 'France']),
        };
    const editRoll = r.next();
    const edit: Record<string, string> | null = hot
      ? editRoll < 0.35
        ? { jobtitle: titles[1] }
        : null
      : editRoll < 0.5
        ? { numemployees: String(2 + r.below(6)), country: 'Spain' }
        : null;
    const returns = fate === 'returned' ? pick(r, RETURNS) : null;
    const hoursAgo = fate === 'reminded' ? 15 : fate === 'escalated' ? 30 : fate === 'expired' ? 80 : null;
    return {
      n,
      email: properties['email'] ?? '',
      fate,
      properties,
      pricingView: r.chance(0.4),
      emailClick: r.chance(0.3),
      edit,
      rep: r.below(reps),
      returns,
      hoursAgo,
    };
  });
}

/** What the CRM must show for a contact once Baton is done (the coarse oracle; details come from a reference run). */
export function expectedOutcome(p: ContactPlan): {
  /** Baton writes no stage for an inquiry. */
  stage: string | null;
  slaStatus: string | null;
  owned: boolean;
  lists: string[];
  tasks: string[];
  lastReason: string | null;
} {
  switch (p.fate) {
    case 'cold':
      return { stage: null, slaStatus: null, owned: false, lists: [], tasks: [], lastReason: null };
    case 'mql':
      return { stage: 'mql', slaStatus: null, owned: false, lists: [], tasks: [], lastReason: null };
    case 'touched':
      return { stage: 'accepted', slaStatus: 'met', owned: true, lists: [], tasks: [], lastReason: null };
    case 'waiting':
      return { stage: 'assigned', slaStatus: 'on_time', owned: true, lists: [], tasks: [], lastReason: null };
    case 'reminded':
      return {
        stage: 'assigned',
        slaStatus: 'due_soon',
        owned: true,
        lists: [],
        tasks: ['remind'],
        lastReason: null,
      };
    case 'escalated':
      return {
        stage: 'assigned',
        slaStatus: 'breached',
        owned: true,
        lists: [],
        tasks: ['escalate'],
        lastReason: null,
      };
    case 'expired':
      return {
        stage: 'recycled',
        slaStatus: null,
        owned: false,
        lists: ['nurture_untouched'],
        tasks: [],
        lastReason: 'untouched',
      };
    case 'returned': {
      const ret = p.returns;
      return {
        stage: ret?.ends ?? 'returned',
        slaStatus: null,
        owned: false,
        lists: ret?.list ? [ret.list] : [],
        tasks: [],
        lastReason: ret?.reason ?? null,
      };
    }
  }
}

export interface CardReturn {
  (contactId: string, userId: number, body: Record<string, unknown>): Promise<{ status: number }>;
}

/** `run` of a return resolves to 'done' or 'retry'; other steps return nothing. */
type Step = { name: string; ready?: () => boolean; run: () => unknown };

interface Progress {
  plan: ContactPlan;
  id: string | null;
  steps: Step[];
  next: number;
  /** Earliest time of the next attempt (retries back off). */
  notBefore: number;
}

export interface DriveStats {
  contacts: number;
  actions: number;
  returns: { sent: number; retried: number };
  ms: number;
}

/**
 * Plays the scenario into the portal: contacts are created at `createPerSecond`, and each contact's later steps
 * run as soon as their precondition holds (what the rep sees in HubSpot). Resolves when every step has run.
 */
export async function driveScenario(opts: {
  portal: Portal;
  plans: readonly ContactPlan[];
  returnLead: CardReturn;
  createPerSecond: number;
  timeoutMs: number;
  /** Called about every second while it runs (crash tests kill processes from here). */
  onTick?: (stats: { created: number; stepsLeft: number }) => void | Promise<void>;
}): Promise<DriveStats> {
  const { portal, plans } = opts;
  const reps = portal.owners.all().filter((o) => o.email.endsWith('@acme.example'));
  const started = Date.now();
  const stats: DriveStats = { contacts: 0, actions: 0, returns: { sent: 0, retried: 0 }, ms: 0 };
  const stageOf = (id: string | null) => (id ? portal.contact(id)?.properties['baton_stage'] : undefined);
  const lastAction = new Map<string, number>();
  /** Actions on one contact get distinct, increasing HubSpot timestamps. */
  const at = (p: Progress) => {
    const key = p.id ?? '';
    const t = Math.max(Date.now(), (lastAction.get(key) ?? 0) + 2);
    lastAction.set(key, t);
    return t;
  };

  const progress: Progress[] = plans.map((plan) => {
    const rep = reps[plan.rep % reps.length];
    if (!rep) throw new Error('the portal has no reps');
    const p: Progress = { plan, id: null, steps: [], next: 0, notBefore: 0 };
    const steps: Step[] = [
      {
        name: 'create',
        run: () => {
          p.id = portal.createContact(plan.properties, { source: 'FORM', at: at(p) }).id;
          stats.contacts++;
        },
      },
    ];
    if (plan.pricingView)
      steps.push({
        name: 'pricing',
        run: () => void portal.trackPageView(p.id ?? '', { url: 'https://acme.example/pricing', at: at(p) }),
      });
    if (plan.emailClick)
      steps.push({ name: 'click', run: () => void portal.clickMarketingEmail(p.id ?? '', at(p)) });
    if (plan.fate !== 'cold')
      steps.push({
        name: 'demo',
        run: () => void portal.submitForm(p.id ?? '', { name: 'Request a demo', at: at(p) }),
      });
    if (['touched', 'returned', 'waiting'].includes(plan.fate))
      steps.push({
        name: 'assign',
        run: () => void portal.setProperties(p.id ?? '', { hubspot_owner_id: rep.id }, { at: at(p) }),
      });
    if (plan.hoursAgo !== null) {
      const hoursAgo = plan.hoursAgo;
      steps.push({
        name: 'assign-earlier',
        // Baton must know it as an MQL first: a lead it meets already owned is adopted (with a grace period).
        ready: () => stageOf(p.id) === 'mql',
        run: () => {
          const id = p.id ?? '';
          portal.setProperties(id, { hubspot_owner_id: rep.id }, { at: Date.now() - hoursAgo * HOUR });
          // The rep then edits the record, as reps do once they hold a lead.
          portal.setProperties(id, { hs_lead_status: 'OPEN' }, { at: at(p) });
        },
      });
    }
    if (plan.fate === 'touched')
      steps.push({ name: 'call', run: () => void portal.logCall(p.id ?? '', rep.id, at(p)) });
    if (plan.edit) {
      const edit = plan.edit;
      steps.push({ name: 'edit', run: () => void portal.setProperties(p.id ?? '', edit, { at: at(p) }) });
    }
    if (plan.returns) {
      const ret = plan.returns;
      steps.push({
        name: 'return',
        // The rep returns it from the card once the card shows it assigned to them.
        ready: () => stageOf(p.id) === 'assigned',
        run: async () => {
          stats.returns.sent++;
          const res = await opts
            .returnLead(p.id ?? '', rep.userId, {
              reason: ret.reason,
              ...(ret.note && { note: ret.note }),
              requestId: `scenario-return-${plan.n}`,
            })
            .catch(() => ({ status: 0 }));
          if (res.status === 200) return 'done';
          stats.returns.retried++;
          return 'retry';
        },
      });
    }
    p.steps = steps;
    return p;
  });

  let created = 0;
  let lastTick = Date.now();
  const inFlight = new Set<Promise<void>>();
  for (;;) {
    const now = Date.now();
    if (now - started > opts.timeoutMs) {
      const stuck = progress.filter((p) => p.next < p.steps.length);
      throw new Error(
        `scenario did not finish within ${opts.timeoutMs} ms: ${stuck.length} contacts left, e.g. ${stuck
          .slice(0, 5)
          .map((p) => `#${p.plan.n} ${p.plan.fate} at ${p.steps[p.next]?.name} (stage ${stageOf(p.id)})`)
          .join(', ')}`,
      );
    }
    const allowed = Math.min(plans.length, Math.floor(((now - started) / 1000) * opts.createPerSecond) + 1);
    let left = 0;
    for (const p of progress) {
      if (p.next >= p.steps.length) continue;
      left++;
      if (p.next === 0 && created >= allowed) continue;
      if (p.notBefore > now) continue;
      const step = p.steps[p.next];
      if (!step || (step.ready && !step.ready())) continue;
      if (step.name === 'return') {
        if (inFlight.size >= 4) continue;
        p.notBefore = Number.POSITIVE_INFINITY; // one attempt at a time
        const attempt = Promise.resolve(step.run()).then((outcome) => {
          if (outcome === 'done') p.next++;
          p.notBefore = Date.now() + (outcome === 'done' ? 0 : 500);
          stats.actions++;
        });
        inFlight.add(attempt);
        void attempt.finally(() => inFlight.delete(attempt));
        continue;
      }
      await step.run();
      if (p.next === 0) created++;
      p.next++;
      stats.actions++;
      // Each contact's next step waits for a later loop pass: events of one contact are spread out in time.
      p.notBefore = now + 1;
    }
    if (left === 0 && inFlight.size === 0) break;
    if (now - lastTick >= 1000) {
      lastTick = now;
      await opts.onTick?.({ created, stepsLeft: left });
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  stats.ms = Date.now() - started;
  return stats;
}
