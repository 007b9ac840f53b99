// A portal as simulations and the demo drive it: contacts and owners (portalContacts.ts), leads
// (portalLeads.ts), plus what reps log (calls, emails, meetings, notes, tasks), what contacts do (page views,
// forms, email opens and clicks) and lists. Each changes state the way HubSpot would and emits the same webhooks.
import { notFound } from '../hubspotErrors.ts';
import { emailEngagementUpdates, formSubmissionUpdates, pageViewUpdates } from '../model/contactSignals.ts';
import type { CrmRecord } from '../model/crmRecord.ts';
import { defaultAssociationTypeId, type EngagementType } from '../model/objectTypes.ts';
import type { ChangeSource } from './changeEvents.ts';
import type { CrmList, ProcessingType } from './listStore.ts';
import type { ActorOptions, Props } from './portalContacts.ts';
import { PortalLeads } from './portalLeads.ts';
import { applyProperties } from './recordWrites.ts';

export type { ActorOptions } from './portalContacts.ts';
export type { CreateLeadOptions } from './portalLeads.ts';

export class Portal extends PortalLeads {
  // ── activities a rep logs ──────────────────────────────────────────────────────────────────────────

  /** Logs an activity on a contact the way a rep does in the UI; the contact's roll-ups follow. */
  logActivity(
    type: EngagementType,
    contactId: string,
    ownerId: string | undefined,
    at: number,
    props: Props = {},
    opts: ActorOptions = {},
  ): CrmRecord {
    const typeId = defaultAssociationTypeId(type, 'contacts');
    if (typeId === undefined) throw new Error(`${type} cannot be associated with contacts`);
    const userId = this.owners.get(ownerId ?? '')?.userId;
    const activity = this.createRecord(
      type,
      {
        properties: {
          hs_timestamp: String(at),
          ...(ownerId !== undefined && { hubspot_owner_id: ownerId }),
          ...props,
        },
        associations: [
          { toType: 'contacts', toId: contactId, type: { category: 'HUBSPOT_DEFINED', typeId } },
        ],
      },
      { source: this.source({ ...(userId !== undefined && { userId }), ...opts }), viaApi: false },
    );
    this.applyLeadOutreach(contactId, { type, ownerId, at, properties: activity.properties });
    return activity;
  }

  logCall(contactId: string, ownerId: string | undefined, at: number, props: Props = {}): CrmRecord {
    return this.logActivity('calls', contactId, ownerId, at, {
      hs_call_status: 'COMPLETED',
      hs_call_direction: 'OUTBOUND',
      ...props,
    });
  }

  logEmail(contactId: string, ownerId: string | undefined, at: number, props: Props = {}): CrmRecord {
    return this.logActivity('emails', contactId, ownerId, at, {
      hs_email_direction: 'EMAIL',
      hs_email_status: 'SENT',
      ...props,
    });
  }

  logMeeting(contactId: string, ownerId: string | undefined, at: number, props: Props = {}): CrmRecord {
    return this.logActivity('meetings', contactId, ownerId, at, {
      hs_meeting_outcome: 'SCHEDULED',
      hs_meeting_start_time: String(at),
      ...props,
    });
  }

  addNote(contactId: string, ownerId: string | undefined, at: number, body = 'Note'): CrmRecord {
    return this.logActivity('notes', contactId, ownerId, at, { hs_note_body: body });
  }

  createTask(
    contactId: string,
    ownerId: string | undefined,
    dueAt: number,
    subject = 'Follow up',
  ): CrmRecord {
    return this.logActivity('tasks', contactId, ownerId, dueAt, {
      hs_task_subject: subject,
      hs_task_status: 'NOT_STARTED',
    });
  }

  engagements(type: EngagementType, contactId?: string): CrmRecord[] {
    const ids =
      contactId === undefined
        ? undefined
        : new Set(this.associations.of('contacts', contactId, type).map((a) => a.toId));
    return [...this.records(type).values()].filter(
      (r) => !r.archived && (ids === undefined || ids.has(r.id)),
    );
  }

  tasks(contactId?: string): CrmRecord[] {
    return this.engagements('tasks', contactId);
  }

  // ── what the contact does ──────────────────────────────────────────────────────────────────────────

  private track(
    contactId: string,
    values: (p: Readonly<Record<string, string>>) => Record<string, string>,
    changeSource: ChangeSource,
    at: number,
  ): CrmRecord {
    const contact = this.find('contacts', contactId);
    if (!contact) throw notFound('resource not found', { id: [contactId] });
    this.deps.emit(applyProperties(this.id, contact, values(contact.properties), { changeSource }, at));
    return contact;
  }

  trackPageView(contactId: string, page: { url: string; at?: number }): CrmRecord {
    const at = page.at ?? this.now();
    return this.track(contactId, (p) => pageViewUpdates(p, page.url, at), 'ANALYTICS', at);
  }

  submitForm(contactId: string, form: { name: string; at?: number }): CrmRecord {
    const at = form.at ?? this.now();
    return this.track(contactId, (p) => formSubmissionUpdates(p, form.name, at), 'FORM', at);
  }

  openMarketingEmail(contactId: string, at = this.now()): CrmRecord {
    return this.track(contactId, () => emailEngagementUpdates('open', at), 'EMAIL', at);
  }

  clickMarketingEmail(contactId: string, at = this.now()): CrmRecord {
    return this.track(contactId, () => emailEngagementUpdates('click', at), 'EMAIL', at);
  }

  // ── lists ──────────────────────────────────────────────────────────────────────────────────────────

  createList(name: string, processingType: ProcessingType = 'MANUAL', objectTypeId = '0-1'): CrmList {
    const at = this.now();
    return this.lists.create({
      listId: this.deps.nextListId(),
      name,
      objectTypeId,
      processingType,
      listVersion: 1,
      createdAt: at,
      updatedAt: at,
      filtersUpdatedAt: at,
      createdById: String(this.installingUserId ?? 0),
      members: new Map(),
    });
  }

  /** DYNAMIC lists are filter-driven in HubSpot (the sandbox does not evaluate filters): set members here. */
  setDynamicMembers(listId: string, contactIds: readonly string[]): void {
    const list = this.lists.require(listId);
    const keep = new Set(contactIds);
    const gone = [...list.members.keys()].filter((id) => !keep.has(id));
    this.lists.change(list, contactIds, gone, () => true, this.now());
  }

  listMembers(listId: string): string[] {
    return [...this.lists.require(listId).members.keys()].sort((a, b) => Number(a) - Number(b));
  }
}
