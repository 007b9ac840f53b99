// Lifecycle stage only moves forward through API writes.
//
// HubSpot docs (contacts guide, https://developers.hubspot.com/docs/api-reference/latest/crm/objects/contacts/guide):
// "you can only set the value forward in the stage order. To set the lifecycle stage backward, you'll first
// need to clear the record's existing lifecycle stage value". What a backward write does is not documented:
// a HubSpot employee on the developer forum (integrate.hubspot.com/t/update-lifecycle-stage-using-api/1333)
// describes a successful response with the value unchanged, and third-party guides agree it is "silently
// rejected". So the default is 'ignore' (success, value kept); 'reject' answers 400 for stricter tests.
// The stage order is the property's option order, so a portal that reorders its stages reorders the rule.
import type { PropertyDefinition } from './propertyDefinition.ts';

export type LifecycleBackwardPolicy = 'ignore' | 'reject';

export function stageOrder(def: PropertyDefinition): string[] {
  return [...def.options].sort((a, b) => a.displayOrder - b.displayOrder).map((o) => o.value);
}

/** True when `next` comes before `current` in the order; unknown stages never count as backward. */
export function isBackward(order: readonly string[], current: string | undefined, next: string): boolean {
  if (!current || !next) return false;
  const from = order.indexOf(current);
  const to = order.indexOf(next);
  return from >= 0 && to >= 0 && to < from;
}

/** Stages in their order, as [internal value, label]. */
export type LifecycleStageList = ReadonlyArray<readonly [value: string, label: string]>;

/**
 * A portal whose admin customised its stages in Settings › Objects › Contacts › Lifecycle Stage, as HubSpot allows
 * (knowledge.hubspot.com/crm-setup/create-and-customize-lifecycle-stages: add, rename, reorder, delete): every
 * default stage renamed, two custom stages added (HubSpot gives a custom stage an internal id of its own), Evangelist
 * deleted. A default stage keeps its internal value whatever its name.
 */
export const CUSTOM_LIFECYCLE_STAGES: LifecycleStageList = [
  ['subscriber', 'Newsletter'],
  ['lead', 'Prospect'],
  ['1082354917', 'Nurture'],
  ['marketingqualifiedlead', 'Marketing Qualified'],
  ['1082354918', 'Sales Accepted'],
  ['salesqualifiedlead', 'Sales Qualified'],
  ['opportunity', 'In Deal'],
  ['customer', 'Client'],
  ['other', 'Other'],
];

/** What customising needs of a portal (state/portal.ts has it). */
interface StagesHost {
  now(): number;
  properties(type: 'contacts'): {
    update(name: string, patch: Partial<PropertyDefinition>, at: number): unknown;
  };
}

/** Gives a portal these lifecycle stages, in this order, as its admin would in settings. */
export function customiseLifecycleStages(portal: StagesHost, stages: LifecycleStageList): void {
  const options = stages.map(([value, label], i) => ({ value, label, displayOrder: i, hidden: false }));
  portal.properties('contacts').update('lifecyclestage', { options }, portal.now());
}
