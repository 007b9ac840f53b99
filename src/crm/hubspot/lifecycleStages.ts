// The portal's lifecycle stages as Baton needs them. Admins can rename, add, delete and reorder stages
// (knowledge.hubspot.com/crm-setup/create-and-customize-lifecycle-stages); a default stage keeps its internal value
// whatever its label, so Baton finds each meaning by internal value, takes the one the policy names when the portal
// has no such stage, and otherwise reports the gap with the fix. Options come from the property definition,
// GET /crm/v3/properties/contacts/lifecyclestage (spec PublicApiSpecs/CRM/Properties/Rollouts/145899/v3/
// properties.json, Property.options: value, label, displayOrder, hidden).
import { z } from 'zod';
import type { CrmLifecycle, ProvisioningProblem } from '../port.ts';

/** What a stage means to Baton (a CrmLifecycle a portal can have a stage for). */
export type StageMeaning = Exclude<CrmLifecycle, 'unknown'>;

/** HubSpot's internal values of its default stages. */
const DEFAULT_VALUES: Readonly<Record<StageMeaning, string>> = {
  subscriber: 'subscriber',
  lead: 'lead',
  mql: 'marketingqualifiedlead',
  sql: 'salesqualifiedlead',
  opportunity: 'opportunity',
  customer: 'customer',
  other: 'other',
};

/** A default stage Baton reads as another meaning: an evangelist is a customer. */
const ALSO: Readonly<Record<string, StageMeaning>> = { evangelist: 'customer' };

/** Baton writes lead (recycled) and mql (qualified), and sees a sale through sql, opportunity and customer. */
const NEEDED = {
  lead: 'cannot move a recycled lead back to Lead',
  mql: 'cannot set a lead it qualifies to MQL',
  sql: 'cannot see a lead become sales-qualified',
  opportunity: 'cannot see a lead become an opportunity',
  customer: 'cannot see a lead become a customer',
} as const satisfies Partial<Record<StageMeaning, string>>;
type NeededMeaning = keyof typeof NEEDED;
const isNeeded = (m: StageMeaning): m is NeededMeaning => m in NEEDED;

const LABELS: Readonly<Record<StageMeaning, string>> = {
  subscriber: 'Subscriber',
  lead: 'Lead',
  mql: 'Marketing Qualified Lead',
  sql: 'Sales Qualified Lead',
  opportunity: 'Opportunity',
  customer: 'Customer',
  other: 'Other',
};

export const stageOption = z.object({
  value: z.string(),
  label: z.string(),
  displayOrder: z.number().optional(),
});
export type StageOption = z.infer<typeof stageOption>;

/** Meaning → the internal value of the stage the tenant's policy says means it. */
export type ChosenStages = Readonly<Partial<Record<StageMeaning, string>>>;

export interface LifecycleStages {
  /** Meaning → this portal's internal value; absent when the portal has no stage for it. */
  readonly valueOf: Readonly<Partial<Record<StageMeaning, string>>>;
  /** The portal's internal values in its stage order (HubSpot only moves a set stage forward in it). */
  readonly order: readonly string[];
}

/** A portal with HubSpot's default stages, in HubSpot's order. */
export const HUBSPOT_DEFAULT_STAGES: LifecycleStages = {
  valueOf: DEFAULT_VALUES,
  order: [
    'subscriber',
    'lead',
    'marketingqualifiedlead',
    'salesqualifiedlead',
    'opportunity',
    'customer',
    'evangelist',
    'other',
  ],
};

/** A stage value as Baton reads it; a stage Baton has no meaning for is unknown. */
export function lifecycleOf(stages: LifecycleStages, value: string | null | undefined): CrmLifecycle {
  if (!value) return 'unknown';
  const meaning = (Object.keys(stages.valueOf) as StageMeaning[]).find((m) => stages.valueOf[m] === value);
  return meaning ?? ALSO[value] ?? 'unknown';
}

/** Set in two requests (clear, then set): a stage not after Baton's lead stage may be a move backwards. */
export function setsInTwoSteps(stages: LifecycleStages, value: string): boolean {
  return stages.order.indexOf(value) <= stages.order.indexOf(stages.valueOf.lead ?? '');
}

const listed = (options: readonly StageOption[]) => options.map((o) => `${o.label} = ${o.value}`).join(', ');

function gap(meaning: NeededMeaning, options: readonly StageOption[], chosen?: string): ProvisioningProblem {
  const missing = chosen
    ? `no lifecycle stage with the internal value "${chosen}" the policy names for ${LABELS[meaning]}`
    : `no lifecycle stage "${LABELS[meaning]}" (internal value ${DEFAULT_VALUES[meaning]})`;
  return {
    what: `This portal has ${missing}, so Baton ${NEEDED[meaning]}.`,
    fix: `In Baton's policy, set lifecycleStages.${meaning} to the internal value of the stage that means ${LABELS[meaning]} in this portal (its stages: ${listed(options)}), then reconnect Baton. HubSpot shows a stage's internal value in Settings › Objects › Contacts › Lifecycle Stage › Edit.`,
  };
}

/**
 * The stages Baton uses in a portal with these options: a meaning's default internal value when the portal has
 * it, else the value the policy chose for it, else a problem saying how to map it.
 */
export function resolveLifecycleStages(
  options: readonly StageOption[],
  chosen: Readonly<Partial<Record<StageMeaning, string>>> = {},
): { stages: LifecycleStages; problems: ProvisioningProblem[] } {
  const values = new Set(options.map((o) => o.value));
  const valueOf: Partial<Record<StageMeaning, string>> = {};
  const problems: ProvisioningProblem[] = [];
  for (const meaning of Object.keys(DEFAULT_VALUES) as StageMeaning[]) {
    const picked = [DEFAULT_VALUES[meaning], chosen[meaning]].find((v) => v !== undefined && values.has(v));
    if (picked !== undefined) valueOf[meaning] = picked;
    else if (isNeeded(meaning)) problems.push(gap(meaning, options, chosen[meaning]));
  }
  const order = [...options]
    .map((o, i) => ({ value: o.value, at: o.displayOrder ?? i }))
    .sort((a, b) => a.at - b.at)
    .map((o) => o.value);
  return { stages: { valueOf, order }, problems };
}
