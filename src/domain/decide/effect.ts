// What a decision asks the outside world to do. Each effect has an idempotency key derived from the lead's
// state, not from the clock, so a decision replayed after a crash produces the same keys.
import type { Stage } from '../stages.ts';
import type { SlaStatus } from '../sla/slaClock.ts';

/** The properties Baton owns on the CRM record. */
export interface BatonFields {
  stage?: Stage;
  slaDueAt?: Date | null;
  slaStatus?: SlaStatus | null;
  fit?: number;
  engagement?: number;
  grade?: string;
  scoreReasons?: string;
  recycleCount?: number;
  lastReason?: string | null;
  lastNote?: string | null;
  returnedAt?: Date | null;
  /** Why Baton did not act on a return the rep requested in the CRM (a request it reads from a record field). */
  returnRefusal?: string | null;
  /** The CRM's own lifecycle: back to lead when recycled (so it does not stay MQL/SQL), MQL when qualified. */
  lifecycle?: 'lead' | 'mql';
}

interface Keyed {
  key: string;
  leadId: string;
}

export type Effect =
  | (Keyed & { kind: 'write_fields'; fields: BatonFields })
  | (Keyed & { kind: 'add_to_list'; list: string })
  | (Keyed & { kind: 'remove_from_list'; list: string })
  /** Owner to marketing (the policy's marketing owner, null = unassigned) or to a routed rep. */
  | (Keyed & { kind: 'set_owner'; ownerId: string | null; why: 'marketing' | 'routing' })
  | (Keyed & { kind: 'remind_owner'; ownerId: string; dueAt: Date })
  | (Keyed & { kind: 'escalate'; ownerId: string; managerId: string | null; dueAt: Date });

export type EffectKind = Effect['kind'];

/** FNV-1a, 32 bit: a short stable digest for keys (the domain has no crypto). */
export function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function fieldsDigest(fields: BatonFields): string {
  const entries = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .toSorted(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]);
  return digest(JSON.stringify(entries));
}
