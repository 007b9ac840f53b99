// What reps do to leads (0-136) in HubSpot's UI and prospecting workspace: create one for a contact, move it
// through its pipeline, disqualify, reopen, delete, reassign; and the stage moves HubSpot makes itself when the
// owner reaches out (leadOutreach.ts). Every change goes through the same writes as the API, so it emits the same
// webhooks, as CRM_UI by the acting user (the lead owner's user unless told otherwise).
import { notFound, validationError } from '../hubspotErrors.ts';
import type { CrmRecord } from '../model/crmRecord.ts';
import { inboundLeadPipeline } from '../model/leadPipelines.ts';
import { LEAD_PRIMARY_CONTACT } from '../model/objectTypes.ts';
import type { Pipeline, StageRole } from '../model/pipeline.ts';
import { toDefinition } from '../model/propertySeed.ts';
import { CALCULATED } from './changeEvents.ts';
import { outreachUpdates, type LoggedActivity } from './leadOutreach.ts';
import { PortalContacts, type ActorOptions } from './portalContacts.ts';
import { applyProperties } from './recordWrites.ts';

export interface CreateLeadOptions extends ActorOptions {
  /** hs_lead_name; the contact's name (or email) unless given, as the UI's create form fills it. */
  name?: string;
  /** hs_pipeline; the default lead pipeline unless given. */
  pipelineId?: string;
}

export class PortalLeads extends PortalContacts {
  lead(id: string): CrmRecord | undefined {
    return this.find('leads', id);
  }

  leads(): CrmRecord[] {
    return [...this.records('leads').values()].filter((r) => !r.archived);
  }

  leadsOfContact(contactId: string): CrmRecord[] {
    return this.associations.of('contacts', contactId, 'leads').flatMap((a) => this.lead(a.toId) ?? []);
  }

  createLead(contactId: string, ownerId: string | undefined, opts: CreateLeadOptions = {}): CrmRecord {
    const contact = this.contact(contactId);
    if (!contact) throw notFound('resource not found', { id: [contactId] });
    const p = contact.properties;
    const name =
      opts.name ?? ([p.firstname, p.lastname].filter(Boolean).join(' ') || p.email || `Lead ${contactId}`);
    const actor = { ...this.ownerActor(ownerId), ...opts };
    return this.createRecord(
      'leads',
      {
        properties: {
          hs_lead_name: name,
          ...(opts.pipelineId !== undefined && { hs_pipeline: opts.pipelineId }),
          ...(ownerId !== undefined && { hubspot_owner_id: ownerId }),
        },
        associations: [
          {
            toType: 'contacts',
            toId: contact.id,
            type: { category: 'HUBSPOT_DEFINED', typeId: LEAD_PRIMARY_CONTACT.fromLead },
          },
        ],
      },
      this.uiWrite(actor),
    );
  }

  /** A rep drags the lead to another stage of its pipeline (a stage of another pipeline is a 400). */
  moveLeadStage(leadId: string, stageId: string, opts: ActorOptions = {}): CrmRecord {
    return this.editLead(leadId, { hs_pipeline_stage: stageId }, opts);
  }

  /** Moves the lead to its pipeline's Disqualified stage with the reason and note (null leaves them empty). */
  disqualifyLead(
    leadId: string,
    reason: string | null,
    note: string | null,
    opts: ActorOptions = {},
  ): CrmRecord {
    const stage = this.stageWithRole(this.requireLead(leadId), 'disqualified');
    return this.editLead(
      leadId,
      {
        hs_pipeline_stage: stage,
        hs_lead_disqualification_reason: reason,
        hs_lead_disqualification_note: note,
      },
      opts,
    );
  }

  /** Moves a closed lead back into work: to `stageId`, or its pipeline's Connected stage. */
  reopenLead(leadId: string, stageId?: string, opts: ActorOptions = {}): CrmRecord {
    const lead = this.requireLead(leadId);
    return this.editLead(
      leadId,
      { hs_pipeline_stage: stageId ?? this.stageWithRole(lead, 'connected') },
      opts,
    );
  }

  setLeadOwner(leadId: string, ownerId: string | null, opts: ActorOptions = {}): CrmRecord {
    return this.editLead(leadId, { hubspot_owner_id: ownerId }, opts);
  }

  /** Archives the lead (an object.deletion webhook with objectTypeId 0-136). */
  deleteLead(leadId: string, opts: ActorOptions = {}): boolean {
    const lead = this.requireLead(leadId);
    return this.archiveRecord('leads', lead.id, this.source(this.leadActor(lead, opts)));
  }

  /** Adds a lead pipeline (by default "Inbound leads", stages 1001…1005) and offers it in hs_pipeline. */
  addLeadPipeline(pipeline: Pipeline = inboundLeadPipeline(this.now())): Pipeline {
    this.leadPipelines.add(pipeline);
    const at = this.now();
    const seeds = this.leadSeeds();
    for (const name of ['hs_pipeline', 'hs_pipeline_stage']) {
      const i = seeds.findIndex((s) => s.name === name);
      const s = seeds[i];
      if (s) this.properties('leads').update(name, { options: toDefinition(s, i, at).options }, at);
    }
    return pipeline;
  }

  /** Stage ids where a lead counts as closed (qualified or disqualified), for one pipeline or all. */
  closedLeadStages(pipelineId?: string): string[] {
    return this.leadPipelines.closedStageIds(pipelineId);
  }

  /** HubSpot's own stage moves after an activity on the contact (leadOutreach.ts), as CALCULATED changes. */
  protected applyLeadOutreach(contactId: string, activity: LoggedActivity): void {
    for (const lead of this.leadsOfContact(contactId)) {
      const updates = outreachUpdates(lead, activity, this.leadPipelines);
      if (Object.keys(updates).length > 0)
        this.deps.emit(applyProperties(this.id, lead, updates, CALCULATED, this.now()));
    }
  }

  private requireLead(leadId: string): CrmRecord {
    const lead = this.lead(leadId);
    if (!lead) throw notFound('resource not found', { id: [leadId] });
    return lead;
  }

  private editLead(leadId: string, props: Record<string, string | null>, opts: ActorOptions): CrmRecord {
    const lead = this.requireLead(leadId);
    return this.updateRecord('leads', lead.id, props, this.uiWrite(this.leadActor(lead, opts)));
  }

  private stageWithRole(lead: CrmRecord, role: StageRole): string {
    const pipeline = lead.properties.hs_pipeline ?? '';
    const stage = this.leadPipelines.withRole(pipeline, role);
    if (!stage) throw validationError(`Pipeline ${pipeline} has no ${role} stage.`);
    return stage.id;
  }

  /** The UI user acting on a lead: the one given, else its owner's user. */
  private leadActor(lead: CrmRecord, opts: ActorOptions): ActorOptions {
    return { ...this.ownerActor(lead.properties.hubspot_owner_id), ...opts };
  }

  private ownerActor(ownerId: string | undefined): ActorOptions {
    const userId = ownerId === undefined ? undefined : this.owners.get(ownerId)?.userId;
    return userId === undefined ? {} : { userId };
  }
}
