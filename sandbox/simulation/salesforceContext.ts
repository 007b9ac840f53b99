// What every actor of the Salesforce simulation shares: the org, its reps and marketing user, the plan of timed
// actions, the scenario, who each generated person is, and the running stats (the HubSpot side's counterpart is
// simulationContext.ts).
import { SF_FIELDS } from '../../src/crm/salesforce/batonFields.ts';
import type { Org, SObjectRecord } from '../salesforce/index.ts';
import type { ActionScheduler } from './actionScheduler.ts';
import type { GeneratedLead } from './leadGenerator.ts';
import { REP_PROFILES, type RepProfile } from './repProfiles.ts';
import type { SalesforceScenario } from './scenario.ts';
import type { SimClock } from './simClock.ts';
import type { SimulationStats } from './simulationStats.ts';

export interface OrgRep {
  userId: string;
  name: string;
  profile: RepProfile;
}

/** The org as the simulation needs it (what bootstrapOrg returns, structurally). */
export interface SimulatedOrg {
  org: Org;
  reps: readonly SObjectRecord[];
  marketingUser: SObjectRecord;
}

export interface SalesforceSimulationContext {
  org: Org;
  scenario: SalesforceScenario;
  seed: number;
  clock: SimClock;
  scheduler: ActionScheduler;
  stats: SimulationStats;
  reps: readonly OrgRep[];
  /** The org's marketing user: web-to-lead creates leads as them, and they re-route returned leads. */
  marketingUserId: string;
  /** Who each lead the simulation created is (by lead id). */
  people: Map<string, GeneratedLead>;
  /** Reps (user ids) who sent a lead back: marketing ops does not route it to them again. */
  returnedBy: Map<string, Set<string>>;
  /** Hand-offs per lead so far (each gets its own random stream). */
  handoffs: Map<string, number>;
}

/** The org's sales reps with the scenario's profiles, in the org's rep order. */
export function orgRepsOf(o: SimulatedOrg, scenario: SalesforceScenario): OrgRep[] {
  if (o.reps.length === 0) throw new Error('The sandbox org has no sales reps');
  return o.reps.map((r, i) => ({
    userId: r.id,
    name: String(r.values['Name'] ?? r.id),
    profile: REP_PROFILES[scenario.reps[i % scenario.reps.length] ?? 'average'],
  }));
}

/** A field of a lead the org still has, as text ('' when unset or gone). */
export function leadText(
  ctx: Pick<SalesforceSimulationContext, 'org'>,
  leadId: string,
  field: string,
): string {
  const value = ctx.org.lead(leadId)?.values[field];
  return value === null || value === undefined ? '' : String(value);
}

export const batonStage = (ctx: Pick<SalesforceSimulationContext, 'org'>, leadId: string): string =>
  leadText(ctx, leadId, SF_FIELDS.stage);

/** The rep owns the lead and it is still a lead (not converted, not recycled to the marketing queue). */
export function stillTheirs(ctx: SalesforceSimulationContext, leadId: string, rep: OrgRep): boolean {
  const values = ctx.org.lead(leadId)?.values;
  return values?.['OwnerId'] === rep.userId && values['IsConverted'] !== true;
}
