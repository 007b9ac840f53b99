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
