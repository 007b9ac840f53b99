// Pipelines (GET /crm/v3/pipelines/{objectType}[/{pipelineId}[/stages[/{stageId}]]] and /crm/pipelines/2026-03/…),
// read-only, for the object type the sandbox keeps pipelines of: leads (0-136). Shapes: `CollectionResponsePipeline
// NoPaging`, `Pipeline`, `CollectionResponsePipelineStageNoPaging`, `PipelineStage` in PublicApiSpecs/CRM/Pipelines/
// Rollouts/145896/2026-03/pipelines.json. Reads show live pipelines and stages only (the spec's `archived` flag).
import { Router, type Request } from 'express';
import { validationError } from '../../hubspotErrors.ts';
import { OBJECT_TYPE_INFO } from '../../model/objectTypes.ts';
import { toPublicPipeline, toPublicStage } from '../../model/pipeline.ts';
import type { PipelineStore } from '../../state/pipelineStore.ts';
import { param } from '../query.ts';
import { authOf } from '../requestContext.ts';
import { objectTypeOf } from './objectHelpers.ts';

/** The portal's pipelines of the path's type; other types have none here (HubSpot's answer for them: ours). */
function pipelinesOf(req: Request): PipelineStore {
  const type = objectTypeOf(req);
  if (type !== 'leads')
    throw validationError(
      `Pipelines are not supported for object type ${OBJECT_TYPE_INFO[type].objectTypeId} in the sandbox.`,
    );
  return authOf(req).portal.leadPipelines;
}

export function pipelinesRoutes(): Router {
  const router = Router();

  router.get('/:objectType', (req, res) => {
    res.json({ results: pipelinesOf(req).list().map(toPublicPipeline) });
  });

  router.get('/:objectType/:pipelineId', (req, res) => {
    res.json(toPublicPipeline(pipelinesOf(req).require(param(req, 'pipelineId'))));
  });

  router.get('/:objectType/:pipelineId/stages', (req, res) => {
    const store = pipelinesOf(req);
    const id = store.require(param(req, 'pipelineId')).id;
    res.json({ results: store.stages(id).map(toPublicStage) });
  });

  router.get('/:objectType/:pipelineId/stages/:stageId', (req, res) => {
    const store = pipelinesOf(req);
    const id = store.require(param(req, 'pipelineId')).id;
    res.json(toPublicStage(store.requireStage(id, param(req, 'stageId'))));
  });

  return router;
}
