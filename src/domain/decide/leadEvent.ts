// What can happen to a lead, in CRM-neutral terms. Adapters translate webhooks, change events and polls into these.
import type { Actor } from '../ledger.ts';
import type { EngagementEvent, LeadProfile } from '../scoring/profile.ts';

export const ACTIVITY_KINDS = ['call', 'email', 'meeting', 'note', 'task', 'other'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export type LeadEvent =
  /** New facts about the lead: profile fields and/or engagement. Rescored; may qualify or re-qualify it. */
  | { kind: 'observed'; at: Date; profile?: LeadProfile; engagement?: readonly EngagementEvent[] }
  /** The CRM record's owner changed (null = unassigned). */
  | {
      kind: 'owner_changed';
      at: Date;
      ownerId: string | null;
      ownerTimeZone?: string | null;
      managerId?: string | null;
      actor: Actor;
    }
  /** A sales activity was logged on the lead. */
  | { kind: 'touched'; at: Date; activity: ActivityKind; byUserId?: string | null }
  /** A rep clicked "Return to marketing". */
  | {
      kind: 'returned';
      at: Date;
      byUserId: string;
      /** The returning user's owner id, when the CRM keeps it apart from the user id (HubSpot). */
      byOwnerId?: string | undefined;
      reason: string;
      note?: string | undefined;
      reengageAt?: Date | undefined;
    }
  | { kind: 'opportunity_created'; at: Date }
  | { kind: 'closed'; at: Date; won: boolean }
  /**
   * Baton first met this lead already in the CRM (install, backfill): an SLA already past a threshold gets
   * the policy's grace period instead of an instant breach.
   */
  | { kind: 'adopted'; at: Date }
  /** Time passed: SLA thresholds, hygiene rules, cooldowns, score decay. */
  | { kind: 'tick'; at: Date };
