// Per-object behaviour layered on the generic write pipeline (dml.ts): the checks and derived values
// Salesforce applies to leads, activities and campaign members.
import type { SObjectRecord, Values } from '../recordStore.ts';
import type { WriteContext } from '../orgContext.ts';

export interface ObjectRules {
  /** Refuses an update before anything else is looked at (a converted lead). */
  guardUpdate?(ctx: WriteContext, current: SObjectRecord): void;
  /** Derives values and validates the record as it will be saved; `prev` is undefined on create. */
  beforeSave?(ctx: WriteContext, next: Values, prev: Values | undefined): void;
  /** Roll-ups onto other records once this one is saved or deleted. */
  afterSave?(ctx: WriteContext, record: SObjectRecord, prev: Values | undefined): void;
  /** Deletes what goes with the record (a lead's memberships and activities). */
  beforeDelete?(ctx: WriteContext, record: SObjectRecord): void;
}
