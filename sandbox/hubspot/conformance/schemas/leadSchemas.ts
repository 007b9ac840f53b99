// Pipelines as the pipelines API answers them, from PublicApiSpecs/CRM/Pipelines/Rollouts/145896/2026-03/
// pipelines.json (`Pipeline`, `PipelineStage`, `CollectionResponsePipelineNoPaging`,
// `CollectionResponsePipelineStageNoPaging`). Lead records themselves are `SimplePublicObject`s
// (crmObjectSchemas.ts), from PublicApiSpecs/CRM/Leads/Rollouts/424/2026-03/leads.json.
import { z } from 'zod';
import { dateTime } from './crmObjectSchemas.ts';

/** Spec `PipelineStage`: id, label, displayOrder, metadata (string values), archived, createdAt, updatedAt and
 *  writePermissions required; archivedAt only when archived. */
export const pipelineStage = z.looseObject({
  id: z.string().min(1),
  label: z.string(),
  displayOrder: z.number().int(),
  metadata: z.record(z.string(), z.string()),
  archived: z.boolean(),
  archivedAt: dateTime.optional(),
  createdAt: dateTime,
  updatedAt: dateTime,
  writePermissions: z.enum(['CRM_PERMISSIONS_ENFORCEMENT', 'INTERNAL_ONLY', 'READ_ONLY']),
});

/** Spec `Pipeline`: id, label, displayOrder, stages, archived, createdAt, updatedAt required. */
export const pipeline = z.looseObject({
  id: z.string().min(1),
  label: z.string(),
  displayOrder: z.number().int(),
  stages: z.array(pipelineStage),
  archived: z.boolean(),
  archivedAt: dateTime.optional(),
  createdAt: dateTime,
  updatedAt: dateTime,
});

/** Spec `CollectionResponsePipelineNoPaging`: results required. */
export const collectionResponsePipelineNoPaging = z.looseObject({ results: z.array(pipeline) });

/** Spec `CollectionResponsePipelineStageNoPaging`: results required. */
export const collectionResponsePipelineStageNoPaging = z.looseObject({ results: z.array(pipelineStage) });
