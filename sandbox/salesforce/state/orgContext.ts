// What the write pipeline and the object rules see of an org (kept apart from the Org class so rules and
// the pipeline do not import it).
import type { SchemaRegistry } from '../model/objectSchema.ts';
import type { AssignmentRule } from './assignmentRules.ts';
import type { RecordStore } from './recordStore.ts';
import type { Transaction } from './transaction.ts';

export interface OrgContext {
  readonly id: string;
  readonly timeZone: string;
  readonly schemas: SchemaRegistry;
  readonly store: RecordStore;
  newId(keyPrefix: string): string;
  readonly assignmentRules: AssignmentRule[];
  /** Lead Settings' default lead owner: gets new leads no assignment entry matched. */
  defaultLeadOwnerId: string | undefined;
  /** Records another transaction holds (id → until when, org clock ms): writes to them meet UNABLE_TO_LOCK_ROW. */
  readonly rowLocks: Map<string, number>;
  /** The org's active validation rules (Setup → Object Manager → Validation Rules). */
  readonly validationRules: ValidationRule[];
}

/**
 * A validation rule: when its formula is true for the record being saved, the save fails with the rule's message
 * (Salesforce Help, "Validation Rules"; errorcodes.htm: FIELD_CUSTOM_VALIDATION_EXCEPTION). The formula is a
 * function here: `prev` is the record before the save (PRIORVALUE/ISCHANGED), undefined on insert.
 */
export interface ValidationRule {
  object: string;
  name: string;
  message: string;
  /** The field the message is shown at, if the rule names one ("Error location: Field"). */
  field?: string;
  refuses(
    next: Readonly<Record<string, unknown>>,
    prev: Readonly<Record<string, unknown>> | undefined,
  ): boolean;
}

export interface WriteContext {
  org: OrgContext;
  tx: Transaction;
}
