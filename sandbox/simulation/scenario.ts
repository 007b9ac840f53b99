// What a simulation run contains: how many leads, over how long, who the reps are and how they behave, and
// how marketing follows up recycled leads, and the Salesforce org's smaller run beside it. `small` is for tests;
// `standard` for sandbox mode and the demo.
import type { RepProfileName } from './repProfiles.ts';

export type PersonaName =
  'hand_raiser' | 'evaluator' | 'researcher' | 'casual' | 'student' | 'job_seeker' | 'competitor';

export interface Scenario {
  name: string;
  seed: number;
  /** Contacts the portal already has at install (created over the previous months). */
  existingContacts: number;
  /** New contacts arriving while the scenario runs. */
  arrivals: number;
  /** Working days over which they arrive. */
  arrivalWorkingDays: number;
  /** Who arrives (weights). */
  personas: Readonly<Record<PersonaName, number>>;
  /** A new contact's own engagement after their first form stops after this many days. */
  engagementWithinDays: number;
  /** One profile per sales rep of the sandbox portal, in the portal's owner order. */
  reps: readonly RepProfileName[];
  /** The assignment workflow's delay after Baton marks a lead MQL, in minutes. */
  workflowDelayMinutes: readonly [number, number];
  /** Share of returns sent twice with the same requestId (a double click). */
  doubleClickShare: number;
  /** Marketing ops re-route leads returned as "wrong owner" after this many working hours. */
  reviewRerouteHours: number;
  reengagement: {
    /** Share of recycled leads that respond to marketing's re-engagement (a buyer is likelier to). */
    share: number;
    /** Days after the recycle their new engagement starts (the cooldown is 30 days). */
    afterDays: readonly [number, number];
    /** Only leads recycled up to this many days into the scenario are followed up (bounds the run). */
    recycledWithinDays: number;
  };
  /** In the stepped demo: the local times of day at which the world advances (Baton's SLA timers land on them). */
  stepTimes: readonly string[];
  /** Give up (and say so) if the scenario has not completed after this many days. */
  maxDays: number;
  /** The same kind of run in the sandbox Salesforce org, beside the portal's. */
  salesforce: SalesforceScenario;
}

/**
 * The Salesforce org's part: its own leads (through web-to-lead, owned by the org's assignment rule) and reps.
 * Salesforce keeps no marketing engagement, so Baton qualifies a lead there by its form (lead source) and fit.
 */
export interface SalesforceScenario {
  seed: number;
  /** Leads the org already has at install (an imported list, assigned by the rule). */
  existingLeads: number;
  /** New leads arriving through web-to-lead while the scenario runs. */
  arrivals: number;
  arrivalWorkingDays: number;
  personas: Readonly<Record<PersonaName, number>>;
  /** One profile per sales rep of the sandbox org, in the org's rep order. */
  reps: readonly RepProfileName[];
  /** Marketing ops re-route leads returned as "wrong owner" after this many working hours. */
  reviewRerouteHours: number;
}

const PERSONAS: Scenario['personas'] = {
  hand_raiser: 12,
  evaluator: 18,
  researcher: 24,
  casual: 28,
  student: 8,
  job_seeker: 5,
  competitor: 5,
};

const REPS: readonly RepProfileName[] = ['diligent', 'average', 'average', 'overloaded', 'ignores_leads'];
const ORG_REPS: readonly RepProfileName[] = ['diligent', 'average', 'ignores_leads'];

export const SCENARIOS = {
  small: {
    name: 'small',
    seed: 7,
    existingContacts: 8,
    arrivals: 36,
    arrivalWorkingDays: 2,
    personas: { ...PERSONAS, hand_raiser: 30, evaluator: 20 },
    // Leads that qualify late would only stretch the run by another SLA.
    engagementWithinDays: 3,
    reps: REPS,
    workflowDelayMinutes: [3, 20],
    // Every return double-clicked: the test checks each still returns once.
    doubleClickShare: 1,
    reviewRerouteHours: 8,
    reengagement: { share: 0, afterDays: [24, 34], recycledWithinDays: 0 },
    stepTimes: ['17:00'],
    maxDays: 30,
    salesforce: {
      seed: 11,
      existingLeads: 4,
      arrivals: 20,
      arrivalWorkingDays: 2,
      personas: { ...PERSONAS, hand_raiser: 30, evaluator: 20 },
      reps: ORG_REPS,
      reviewRerouteHours: 8,
    },
  },
  standard: {
    name: 'standard',
    seed: 42,
    existingContacts: 90,
    arrivals: 230,
    arrivalWorkingDays: 10,
    personas: PERSONAS,
    engagementWithinDays: 30,
    reps: REPS,
    workflowDelayMinutes: [3, 20],
    doubleClickShare: 0.15,
    reviewRerouteHours: 8,
    reengagement: { share: 0.8, afterDays: [25, 31], recycledWithinDays: 15 },
    stepTimes: ['17:00'],
    maxDays: 90,
    salesforce: {
      seed: 43,
      existingLeads: 30,
      arrivals: 110,
      arrivalWorkingDays: 10,
      personas: { ...PERSONAS, hand_raiser: 20 },
      reps: ORG_REPS,
      reviewRerouteHours: 8,
    },
  },
} as const satisfies Record<string, Scenario>;

export type ScenarioName = keyof typeof SCENARIOS;

export function scenarioNamed(name: string): Scenario {
  if (name in SCENARIOS) return SCENARIOS[name as ScenarioName];
  throw new Error(`No scenario "${name}" (known: ${Object.keys(SCENARIOS).join(', ')})`);
}
