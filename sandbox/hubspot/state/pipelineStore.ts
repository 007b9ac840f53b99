// One object type's pipelines in a portal (the sandbox serves lead pipelines), with the lookups that writes and
// simulations need: a pipeline's stages, its first stage, the stage playing a role, and which stages are closed.
import { notFound } from '../hubspotErrors.ts';
import { isClosedStage, type Pipeline, type PipelineStage, type StageRole } from '../model/pipeline.ts';

export class PipelineStore {
  private readonly byId = new Map<string, Pipeline>();

  constructor(pipelines: Pipeline[]) {
    for (const p of pipelines) this.byId.set(p.id, p);
  }

  /** Live pipelines in display order (ties by label, as the spec says for displayOrder). */
  list(): Pipeline[] {
    return [...this.byId.values()]
      .filter((p) => !p.archived)
      .sort((a, b) => a.displayOrder - b.displayOrder || a.label.localeCompare(b.label));
  }

  get(id: string): Pipeline | undefined {
    const p = this.byId.get(id);
    return p && !p.archived ? p : undefined;
  }

  // The wording of HubSpot's 404 here is not published; category OBJECT_NOT_FOUND is what its 404s carry.
  require(id: string): Pipeline {
    const p = this.get(id);
    if (!p) throw notFound(`Unable to find pipeline with id ${id}.`);
    return p;
  }

  requireStage(pipelineId: string, stageId: string): PipelineStage {
    const s = this.stage(pipelineId, stageId);
    if (!s) throw notFound(`Unable to find stage ${stageId} in pipeline ${pipelineId}.`);
    return s;
  }

  add(p: Pipeline): Pipeline {
    this.byId.set(p.id, p);
    return p;
  }

  stages(pipelineId: string): PipelineStage[] {
    return [...(this.get(pipelineId)?.stages ?? [])]
      .filter((s) => !s.archived)
      .sort((a, b) => a.displayOrder - b.displayOrder);
  }

  stage(pipelineId: string, stageId: string): PipelineStage | undefined {
    return this.stages(pipelineId).find((s) => s.id === stageId);
  }

  firstStage(pipelineId: string): PipelineStage | undefined {
    return this.stages(pipelineId)[0];
  }

  withRole(pipelineId: string, role: StageRole): PipelineStage | undefined {
    return this.stages(pipelineId).find((s) => s.role === role);
  }

  /** Stage ids where a lead is closed (qualified or disqualified); every pipeline when none is named. */
  closedStageIds(pipelineId?: string): string[] {
    const pipelines = pipelineId === undefined ? this.list() : [this.require(pipelineId)];
    return pipelines.flatMap((p) =>
      this.stages(p.id)
        .filter(isClosedStage)
        .map((s) => s.id),
    );
  }

  /** Every live stage id of every pipeline (the options of hs_pipeline_stage). */
  allStages(): Array<readonly [id: string, label: string]> {
    return this.list().flatMap((p) => this.stages(p.id).map((s) => [s.id, s.label] as const));
  }
}
