// An org as simulations, tests and the demo drive it: leads created and edited by people (in the UI, so the
// change events carry the rep as origin, not Baton), calls and meetings logged, leads converted, and reads of
// what is there. Every action goes through the same write pipeline and rules as the API.
import type { FieldValue } from '../model/fieldSpec.ts';
import { canonicalId } from '../model/ids.ts';
import { dateIn } from '../model/sfDates.ts';
import { selectRows } from '../soql/runQuery.ts';
import { UI_ORIGIN } from './changeOrigins.ts';
import { deleteRecord, insertRecord, prepareFields, updateRecord } from './dml.ts';
import { OrgSetup } from './orgSetup.ts';
import type { SObjectRecord, Values } from './recordStore.ts';
import type { ValidationRule } from './orgContext.ts';
import type { WriteActor } from './transaction.ts';

export type Fields = Record<string, unknown>;

export interface ActOptions {
  /** Who acts (default: the org's admin). */
  userId?: string;
  /** CDC changeOrigin (default: the UI). */
  origin?: string;
  /** Run the active assignment rule (web-to-lead and the "assign using active rule" box do). */
  assign?: boolean;
}

export class Org extends OrgSetup {
  private actor(opts: ActOptions = {}): WriteActor {
    return {
      userId: opts.userId ?? this.systemActor().userId,
      origin: opts.origin ?? UI_ORIGIN,
      autoAssign: opts.assign ? { mode: 'active' } : { mode: 'none' },
    };
  }

  private insert(type: string, fields: Fields, opts: ActOptions = {}, system?: Values): SObjectRecord {
    return this.transact(this.actor(opts), (ctx) =>
      insertRecord(ctx, type, prepareFields(this, type, fields), system ? { system } : {}),
    );
  }

  private update(
    type: string,
    id: string,
    fields: Fields,
    opts: ActOptions = {},
    system?: Values,
  ): SObjectRecord {
    return this.transact(this.actor(opts), (ctx) =>
      updateRecord(ctx, type, id, prepareFields(this, type, fields), system ? { system } : {}),
    );
  }

  // ── leads ──────────────────────────────────────────────────────────────────────────────────────────

  createLead(fields: Fields, opts: ActOptions = {}): SObjectRecord {
    return this.insert('Lead', fields, opts);
  }

  updateLead(leadId: string, fields: Fields, opts: ActOptions = {}): SObjectRecord {
    return this.update('Lead', leadId, fields, opts);
  }

  /** What a rep's edit in Lightning (or the quick action's updateRecord) does: the rep is the origin. */
  updateAsUser(leadId: string, fields: Fields, userId: string): SObjectRecord {
    return this.update('Lead', leadId, fields, { userId, origin: UI_ORIGIN });
  }

  deleteLead(leadId: string, opts: ActOptions = {}): void {
    this.transact(this.actor(opts), (ctx) => deleteRecord(ctx, 'Lead', leadId));
  }

  /** Converts the lead (Convert button): converted status, date and the ids of what it became. */
  convertLead(
    leadId: string,
    opts: ActOptions & { status?: string; createOpportunity?: boolean } = {},
  ): SObjectRecord {
    const status = opts.status ?? this.leadStatuses().find((s) => s.isConverted)?.label;
    if (!status) throw new Error('The org has no converted lead status');
    return this.update('Lead', leadId, {}, opts, {
      Status: status,
      IsConverted: true,
      ConvertedDate: dateIn(this.now(), this.timeZone),
      ConvertedAccountId: this.newId('001'),
      ConvertedContactId: this.newId('003'),
      ConvertedOpportunityId: opts.createOpportunity === false ? null : this.newId('006'),
    });
  }

  // ── activities ─────────────────────────────────────────────────────────────────────────────────────

  /** A completed call the rep logs; `at` is when it happened (its day becomes the lead's LastActivityDate). */
  logCall(leadId: string, userId: string, at: number = this.now(), fields: Fields = {}): SObjectRecord {
    return this.logTask(leadId, userId, at, 'Call', { Subject: 'Call', CallType: 'Outbound', ...fields });
  }

  logEmail(leadId: string, userId: string, at: number = this.now(), fields: Fields = {}): SObjectRecord {
    return this.logTask(leadId, userId, at, 'Email', { Subject: 'Email', ...fields });
  }

  private logTask(
    leadId: string,
    userId: string,
    at: number,
    subtype: string,
    fields: Fields,
  ): SObjectRecord {
    return this.insert(
      'Task',
      {
        WhoId: leadId,
        OwnerId: userId,
        Status: 'Completed',
        ActivityDate: dateIn(at, this.timeZone),
        ...fields,
      },
      { userId },
      { TaskSubtype: subtype, CompletedDateTime: at },
    );
  }

  /** An open task (not an activity yet: it does not move LastActivityDate until closed). */
  createTask(leadId: string, userId: string, due: string, fields: Fields = {}): SObjectRecord {
    return this.insert(
      'Task',
      { WhoId: leadId, OwnerId: userId, ActivityDate: due, Subject: 'Follow up', ...fields },
      { userId },
    );
  }

  logMeeting(
    leadId: string,
    userId: string,
    startAt: number,
    minutes = 30,
    fields: Fields = {},
  ): SObjectRecord {
    return this.insert(
      'Event',
      {
        WhoId: leadId,
        OwnerId: userId,
        Subject: 'Meeting',
        StartDateTime: new Date(startAt).toISOString(),
        DurationInMinutes: minutes,
        ...fields,
      },
      { userId },
    );
  }

  // ── set-up ─────────────────────────────────────────────────────────────────────────────────────────

  /** An admin activates a validation rule: saves it refuses fail with its message (FIELD_CUSTOM_VALIDATION_EXCEPTION). */
  addValidationRule(rule: ValidationRule): void {
    this.validationRules.push(rule);
  }

  /** Something else in the org holds this record for `forMs` (org clock): writes to it fail with UNABLE_TO_LOCK_ROW. */
  lockRow(id: string, forMs: number): void {
    const canonical = canonicalId(id);
    if (canonical) this.rowLocks.set(canonical, this.clock.now() + forMs);
  }

  /**
   * An admin changes a custom Lead field to a type its data cannot convert to (e.g. Date → Text): the field's data
   * is lost on every lead and one change event with recordIds ["00Q*"] stands for all of them (fieldConversionMessage).
   * Whether SystemModstamp moves is not documented; it is left alone here, so only the event tells of the change.
   */
  convertLeadFieldType(field: string): void {
    const now = this.clock.now();
    for (const lead of this.store.all('Lead')) {
      if (field in lead.values) this.store.put({ ...lead, values: { ...lead.values, [field]: null } });
    }
    const keyPrefix = this.schemas.object('Lead')?.keyPrefix ?? '00Q';
    this.changeEvents.publishFieldConversion('Lead', keyPrefix, {
      transactionKey: `conversion-${now}`,
      commitTimestamp: now,
      commitUser: this.systemActor().userId,
      changeOrigin: '',
    });
  }

  // ── campaigns ──────────────────────────────────────────────────────────────────────────────────────

  addToCampaign(
    campaignId: string,
    leadId: string,
    opts: ActOptions & { status?: string } = {},
  ): SObjectRecord {
    return this.insert(
      'CampaignMember',
      { CampaignId: campaignId, LeadId: leadId, ...(opts.status && { Status: opts.status }) },
      opts,
    );
  }

  // ── reads ──────────────────────────────────────────────────────────────────────────────────────────

  record(type: string, id: string): SObjectRecord | undefined {
    const canonical = canonicalId(id);
    return canonical ? this.store.get(type, canonical) : undefined;
  }

  lead(id: string): SObjectRecord | undefined {
    return this.record('Lead', id);
  }

  leads(): SObjectRecord[] {
    return this.store.all('Lead');
  }

  tasks(whoId?: string): SObjectRecord[] {
    return this.store.all('Task').filter((t) => whoId === undefined || t.values.WhoId === canonicalId(whoId));
  }

  calendarEvents(whoId?: string): SObjectRecord[] {
    return this.store
      .all('Event')
      .filter((e) => whoId === undefined || e.values.WhoId === canonicalId(whoId));
  }

  campaigns(): SObjectRecord[] {
    return this.store.all('Campaign');
  }

  campaignMembers(campaignId?: string): SObjectRecord[] {
    return this.store
      .all('CampaignMember')
      .filter((m) => campaignId === undefined || m.values.CampaignId === canonicalId(campaignId));
  }

  users(): SObjectRecord[] {
    return this.store.all('User');
  }

  /** Runs SOQL against the org (no API call): typed values (datetimes as epoch ms). */
  query(soql: string, opts: { includeDeleted?: boolean } = {}): Values[] {
    const { rows, fields, count } = selectRows(this, soql, this.now(), opts.includeDeleted ?? false);
    if (count) return [{ expr0: rows.length }];
    return rows.map((row) =>
      Object.fromEntries(fields.map((f) => [f.name, row[f.name] ?? null] as [string, FieldValue])),
    );
  }
}
