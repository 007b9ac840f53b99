// Lead assignment rules: ordered entries (criteria → user or queue). The REST API runs the active rule on lead
// create and update unless the request says Sforce-Auto-Assign: FALSE (or names another rule by id). When no
// entry matches a new lead, the org's default lead owner gets it (Lead Settings).
import type { FieldValue } from '../model/fieldSpec.ts';
import type { Values } from './recordStore.ts';
import type { WriteActor } from './transaction.ts';

export interface AssignmentCriterion {
  field: string;
  /** Matches when the lead's value equals this (text compared case-insensitively). */
  equals: FieldValue;
}

export interface AssignmentRuleEntry {
  criteria: AssignmentCriterion[];
  /** A user (005) or a queue (00G) id. */
  assignTo: string;
}

export interface AssignmentRule {
  id: string;
  name: string;
  active: boolean;
  entries: AssignmentRuleEntry[];
}

const same = (a: FieldValue | undefined, b: FieldValue): boolean =>
  typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : (a ?? null) === b;

/** The owner the rule chosen by the request assigns, or undefined to leave the owner alone. */
export function assignedOwner(
  rules: readonly AssignmentRule[],
  autoAssign: WriteActor['autoAssign'],
  lead: Values,
  opts: { isNew: boolean; defaultOwnerId: string | undefined },
): string | undefined {
  if (autoAssign.mode === 'none') return undefined;
  const rule =
    autoAssign.mode === 'rule' ? rules.find((r) => r.id === autoAssign.ruleId) : rules.find((r) => r.active);
  if (!rule) return undefined;
  const entry = rule.entries.find((e) => e.criteria.every((c) => same(lead[c.field], c.equals)));
  if (entry) return entry.assignTo;
  return opts.isNew ? opts.defaultOwnerId : undefined;
}

/** Sforce-Auto-Assign: absent or TRUE → the active rule; FALSE → none; an 01Q id → that rule. */
export function parseAutoAssign(header: string | undefined): WriteActor['autoAssign'] {
  const v = header?.trim();
  if (v === undefined || v === '' || v.toUpperCase() === 'TRUE') return { mode: 'active' };
  if (v.toUpperCase() === 'FALSE') return { mode: 'none' };
  return { mode: 'rule', ruleId: v };
}
