// How a logged activity moves a lead, as HubSpot's prospecting workspace does it. Sources: knowledge.hubspot.com/
// prospecting/set-up-leads ("Configure lead stages": HubSpot moves leads through the first stages automatically) and
// a HubSpot customer's published lead process (services.ipi.it/ipi-knowledge-base/lead-management-process: "HubSpot
// automatically moves a lead to Attempted Contact when the Lead Owner sends an email…", "…to Connected when the
// prospect interacts with you, for example by replying"). Only partly documented: which activity types count (calls
// too?) and whether meetings connect is not spelled out — the sandbox counts the owner's calls and emails as
// outreach, and a meeting or an incoming email as the contact connecting.
import type { CrmRecord } from '../model/crmRecord.ts';
import type { EngagementType } from '../model/objectTypes.ts';
import { isClosedStage } from '../model/pipeline.ts';
import type { PipelineStore } from './pipelineStore.ts';

export interface LoggedActivity {
  type: EngagementType;
  ownerId: string | undefined;
  at: number;
  /** The activity's properties (an email's hs_email_direction tells a reply from outreach). */
  properties: Readonly<Record<string, string>>;
}

const isReply = (a: LoggedActivity): boolean =>
  a.type === 'meetings' || (a.type === 'emails' && a.properties.hs_email_direction === 'INCOMING_EMAIL');
const isOutreach = (a: LoggedActivity): boolean => (a.type === 'calls' || a.type === 'emails') && !isReply(a);

/** The calculated changes an activity makes to one open lead of its owner (empty when none). */
export function outreachUpdates(
  lead: CrmRecord,
  activity: LoggedActivity,
  pipelines: PipelineStore,
): Record<string, string> {
  const p = lead.properties;
  if (!activity.ownerId || p.hubspot_owner_id !== activity.ownerId) return {};
  const pipeline = p.hs_pipeline ?? '';
  const stage = pipelines.stage(pipeline, p.hs_pipeline_stage ?? '');
  if (!stage || isClosedStage(stage)) return {};
  const updates: Record<string, string> = {};
  if (isOutreach(activity)) {
    if (!p.hs_lead_first_outreach_date)
      updates.hs_lead_first_outreach_date = new Date(activity.at).toISOString();
    const attempting = pipelines.withRole(pipeline, 'attempting');
    if (stage.id === pipelines.firstStage(pipeline)?.id && attempting)
      updates.hs_pipeline_stage = attempting.id;
  } else if (isReply(activity) && stage.role === 'attempting') {
    const connected = pipelines.withRole(pipeline, 'connected');
    if (connected) updates.hs_pipeline_stage = connected.id;
  }
  return updates;
}
