// The lead pipelines a portal starts with, and the optional second one real portals often add.
import type { Pipeline, PipelineStage, StageRole } from './pipeline.ts';

export const DEFAULT_LEAD_PIPELINE_ID = 'lead-pipeline-id';
export const NEW_STAGE_ID = 'new-stage-id';

const stage = (id: string, label: string, displayOrder: number, role: StageRole, at: number) =>
  ({ id, label, displayOrder, metadata: {}, role, archived: false, createdAt: at, updatedAt: at }) as const;

/**
 * The default lead pipeline. Ids `lead-pipeline-id` and `new-stage-id` … `unqualified-stage-id` are the ones public
 * code reads back from GET /crm/v3/pipelines/0-136 (code search: many portals); label "Lead pipeline" is what those
 * captures show (unverified against HubSpot's docs, which do not name it). The spec says default pipelines have
 * createdAt = 0 (pipelines.json, Pipeline.createdAt), so the sandbox does the same.
 */
export function defaultLeadPipeline(): Pipeline {
  const stages: PipelineStage[] = [
    stage(NEW_STAGE_ID, 'New', 0, 'new', 0),
    stage('attempting-stage-id', 'Attempting', 1, 'attempting', 0),
    stage('connected-stage-id', 'Connected', 2, 'connected', 0),
    stage('qualified-stage-id', 'Qualified', 3, 'qualified', 0),
    stage('unqualified-stage-id', 'Disqualified', 4, 'disqualified', 0),
  ];
  return {
    id: DEFAULT_LEAD_PIPELINE_ID,
    label: 'Lead pipeline',
    displayOrder: 0,
    stages,
    archived: false,
    createdAt: 0,
    updatedAt: 0,
  };
}

/** A pipeline a portal admin adds: HubSpot gives added pipelines and stages numeric ids (seen in public code). */
export function inboundLeadPipeline(at: number, id = '1000'): Pipeline {
  const base = Number(id);
  const ids = [1, 2, 3, 4, 5].map((n) => String(base + n));
  const [n, a, c, q, d] = ids as [string, string, string, string, string];
  return {
    id,
    label: 'Inbound leads',
    displayOrder: 1,
    stages: [
      stage(n, 'New', 0, 'new', at),
      stage(a, 'Attempting', 1, 'attempting', at),
      stage(c, 'Connected', 2, 'connected', at),
      stage(q, 'Qualified', 3, 'qualified', at),
      stage(d, 'Disqualified', 4, 'disqualified', at),
    ],
    archived: false,
    createdAt: at,
    updatedAt: at,
  };
}
