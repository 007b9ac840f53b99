// What every actor of the simulation shares: the portal, the plan of timed actions, the scenario, the reps,
// who each generated person is, and the running stats.
import type { Portal } from '../hubspot/index.ts';
import type { ActionScheduler } from './actionScheduler.ts';
import type { GeneratedLead } from './leadGenerator.ts';
import { REP_PROFILES, type RepProfile } from './repProfiles.ts';
import type { Scenario } from './scenario.ts';
import type { SimClock } from './simClock.ts';
import type { SimulationStats } from './simulationStats.ts';
import { leadWorkspaceReps, type RepWorkspace } from './workspaceReps.ts';

export interface Rep {
  ownerId: string;
  userId: number;
  name: string;
  profile: RepProfile;
  /** Where they work hand-offs: Baton's card on the contact, or Lead records in the prospecting workspace. */
  workspace: RepWorkspace;
}

export interface BatonCard {
  /** Baton's public URL: the card API reps' "Return to marketing" calls. */
  batonUrl: string;
  /** The app's client secret: HubSpot signs hubspot.fetch requests with it. */
  clientSecret: string;
}

export interface SimulationContext {
  portal: Portal;
  scenario: Scenario;
  seed: number;
  clock: SimClock;
  scheduler: ActionScheduler;
  stats: SimulationStats;
  card: BatonCard;
  reps: readonly Rep[];
  /** Who each contact the simulation created is (by contact id). */
  people: Map<string, GeneratedLead>;
  /** Reps who sent a contact back: the workflow does not hand it to them again. */
  returnedBy: Map<string, Set<string>>;
  /** Hand-offs per contact so far (each gets its own random stream). */
  handoffs: Map<string, number>;
  /** Re-engage dates reps gave when returning (ms), by contact. */
  reengageDates: Map<string, number>;
}

/**
 * The portal's sales reps (every owner but the admin who installed apps), with the scenario's profiles and, from
 * the seed, who works Lead records (workspaceReps.ts).
 */
export function repsOf(portal: Portal, scenario: Scenario, seed: number = scenario.seed): Rep[] {
  const owners = portal.owners.all().filter((o) => o.userId !== portal.installingUserId);
  if (owners.length === 0) throw new Error('The sandbox portal has no sales reps (owners besides the admin)');
  const onLeads = leadWorkspaceReps(owners.length, seed, portal.leadsObject);
  return owners.map((o, i) => ({
    ownerId: o.id,
    userId: o.userId,
    name: `${o.firstName} ${o.lastName}`.trim(),
    profile: REP_PROFILES[scenario.reps[i % scenario.reps.length] ?? 'average'],
    workspace: onLeads.has(i) ? 'leads' : 'card',
  }));
}

/** A property of a contact the portal still has ('' when unset or gone). */
export function prop(ctx: Pick<SimulationContext, 'portal'>, contactId: string, name: string): string {
  return ctx.portal.contact(contactId)?.properties[name] ?? '';
}
