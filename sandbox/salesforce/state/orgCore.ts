// An org's data and configuration: the schema (Lead fields depend on what is installed), the rows, assignment
// rules, the API allocation, open query cursors and the change event stream. Every write runs in a
// Transaction through transact(); its committed changes become change events.
import type { Clock } from '../../hubspot/clock.ts';
import { ChangeEventBus, type BusDeps } from '../cdc/changeEventBus.ts';
import { EVENT_SCHEMA, TASK_SCHEMA } from '../model/activitySchemas.ts';
import { CAMPAIGN_MEMBER_SCHEMA, CAMPAIGN_SCHEMA } from '../model/campaignSchemas.ts';
import type { FieldSpec } from '../model/fieldSpec.ts';
import type { IdGenerator } from '../model/ids.ts';
import { leadSchema } from '../model/leadSchema.ts';
import { SchemaRegistry } from '../model/objectSchema.ts';
import {
  GROUP_SCHEMA,
  LEAD_STATUS_SCHEMA,
  ORGANIZATION_SCHEMA,
  QUEUE_SOBJECT_SCHEMA,
  USER_SCHEMA,
} from '../model/setupSchemas.ts';
import { ApiUsage } from './apiUsage.ts';
import type { AssignmentRule } from './assignmentRules.ts';
import { SYSTEM_ORIGIN } from './changeOrigins.ts';
import type { OrgContext, ValidationRule, WriteContext } from './orgContext.ts';
import { QueryLocators } from './queryLocators.ts';
import { RecordStore, type SObjectRecord, type Values } from './recordStore.ts';
import { Transaction, type WriteActor } from './transaction.ts';

export interface LeadStatusInput {
  label: string;
  isDefault?: boolean;
  isConverted?: boolean;
}

export const DEFAULT_LEAD_STATUSES: LeadStatusInput[] = [
  { label: 'Open - Not Contacted', isDefault: true },
  { label: 'Working - Contacted' },
  { label: 'Closed - Converted', isConverted: true },
  { label: 'Closed - Not Converted' },
];

export interface OrgInput {
  id: string;
  name: string;
  timeZone: string;
  edition: string;
  instanceName: string;
  leadStatuses: LeadStatusInput[];
  /** Custom Lead fields installed (Baton's package). */
  customLeadFields: FieldSpec[];
  dailyApiRequests: number;
}

export interface OrgDeps {
  clock: Clock;
  ids: IdGenerator;
  cdc: BusDeps['options'];
  drops: BusDeps['drops'];
}

export class OrgCore implements OrgContext {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
  readonly edition: string;
  readonly instanceName: string;
  /** When the org was created (sandbox clock): getDeleted's earliestDateAvailable. */
  readonly createdAt: number;
  readonly store = new RecordStore();
  readonly rowLocks = new Map<string, number>();
  readonly validationRules: ValidationRule[] = [];
  readonly schemas: SchemaRegistry;
  readonly assignmentRules: AssignmentRule[] = [];
  defaultLeadOwnerId: string | undefined;
  /** The user Baton's install authorizes as, and who owns setup rows. */
  adminUserId: string | undefined;
  readonly apiUsage: ApiUsage;
  readonly changeEvents: ChangeEventBus;
  readonly locators = new QueryLocators();
  protected readonly clock: Clock;
  private readonly ids: IdGenerator;
  private readonly statuses: LeadStatusInput[];

  constructor(input: OrgInput, deps: OrgDeps) {
    this.id = input.id;
    this.name = input.name;
    this.timeZone = input.timeZone;
    this.edition = input.edition;
    this.instanceName = input.instanceName;
    this.clock = deps.clock;
    this.createdAt = deps.clock.now();
    this.ids = deps.ids;
    this.statuses = input.leadStatuses;
    this.apiUsage = new ApiUsage(input.dailyApiRequests);
    this.schemas = new SchemaRegistry([
      this.leadSchemaWith(input.customLeadFields),
      TASK_SCHEMA,
      EVENT_SCHEMA,
      CAMPAIGN_SCHEMA,
      CAMPAIGN_MEMBER_SCHEMA,
      USER_SCHEMA,
      GROUP_SCHEMA,
      QUEUE_SOBJECT_SCHEMA,
      LEAD_STATUS_SCHEMA,
      ORGANIZATION_SCHEMA,
    ]);
    this.changeEvents = new ChangeEventBus({
      now: () => this.clock.now(),
      options: deps.cdc,
      fieldOf: (entity, name) => this.schemas.field(entity, name),
      drops: deps.drops,
    });
    this.transact(this.systemActor(), (ctx) => {
      this.insertRow(ctx, 'Organization', {
        Id: this.id,
        Name: this.name,
        OrganizationType: this.edition,
        IsSandbox: false,
        InstanceName: this.instanceName,
        TimeZoneSidKey: this.timeZone,
      });
      input.leadStatuses.forEach((s, i) =>
        this.insertRow(ctx, 'LeadStatus', {
          MasterLabel: s.label,
          ApiName: s.label,
          SortOrder: i + 1,
          IsDefault: s.isDefault ?? false,
          IsConverted: s.isConverted ?? false,
        }),
      );
    });
  }

  private leadSchemaWith(custom: FieldSpec[]) {
    return leadSchema(
      this.statuses.map((s) => ({ value: s.label, isDefault: s.isDefault ?? false })),
      custom,
    );
  }

  now(): number {
    return this.clock.now();
  }

  newId(keyPrefix: string): string {
    return this.ids.next(keyPrefix);
  }

  /** Installs or removes custom Lead fields (existing values of removed fields disappear from reads). */
  setCustomLeadFields(fields: FieldSpec[]): void {
    this.schemas.add(this.leadSchemaWith(fields));
  }

  systemActor(): WriteActor {
    return {
      userId: this.adminUserId ?? '005000000000000AAA',
      origin: SYSTEM_ORIGIN,
      autoAssign: { mode: 'none' },
    };
  }

  /** Runs `fn` in one transaction: committed as a whole and published as change events, or not at all. */
  transact<T>(actor: WriteActor, fn: (ctx: WriteContext) => T): T {
    const tx = new Transaction(this.store, actor, this.clock.now());
    let result: T;
    try {
      result = fn({ org: this, tx });
    } catch (err) {
      tx.rollback();
      throw err;
    }
    this.changeEvents.publish(tx.changes(), {
      transactionKey: tx.key,
      commitTimestamp: tx.now,
      commitUser: actor.userId,
      changeOrigin: actor.origin,
    });
    return result;
  }

  /** A setup row the platform writes itself (users, queues, statuses): no client-side checks. */
  insertRow(ctx: WriteContext, type: string, values: Values): SObjectRecord {
    const schema = this.schemas.object(type);
    if (!schema) throw new Error(`No object ${type}`);
    const { now, actor } = ctx.tx;
    const row: Values = {};
    for (const f of schema.fields) row[f.name] = f.type === 'boolean' ? false : null;
    const audit: Values = {
      CreatedDate: now,
      CreatedById: actor.userId,
      LastModifiedDate: now,
      LastModifiedById: actor.userId,
      SystemModstamp: now,
    };
    for (const [k, v] of Object.entries(audit)) if (k in row) row[k] = v;
    const id = typeof values.Id === 'string' ? values.Id : this.newId(schema.keyPrefix);
    const record: SObjectRecord = {
      type: schema.name,
      id,
      values: { ...row, IsDeleted: false, ...values, Id: id },
    };
    ctx.tx.insert(record);
    return record;
  }

  leadStatuses(): LeadStatusInput[] {
    return [...this.statuses];
  }
}
