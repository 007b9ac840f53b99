// HubSpot's rules for writing leads: a new lead needs a name and an associated contact, lands in the default
// pipeline's first stage unless told otherwise, and its stage must belong to its pipeline.
import { propertyValuesInvalid, validationError } from '../hubspotErrors.ts';
import type { CrmRecord } from '../model/crmRecord.ts';
import { DEFAULT_LEAD_PIPELINE_ID } from '../model/leadPipelines.ts';
import type { PipelineStore } from './pipelineStore.ts';

/**
 * Fills the pipeline defaults of a new lead and checks the (pipeline, stage) pair a write leaves the lead with.
 * Defaults: the Leads guide creates leads without hs_pipeline/hs_pipeline_stage, and public code reads them back as
 * `lead-pipeline-id` / `new-stage-id` (the first stage). A stage of another pipeline is refused as deals' stages are
 * (the wording and error code of HubSpot's answer for leads are not published; INVALID_OPTION is ours).
 */
export function prepareLeadPipeline(
  pipelines: PipelineStore,
  values: Record<string, string>,
  current: CrmRecord | undefined,
): void {
  if (!current) {
    values.hs_pipeline ??= DEFAULT_LEAD_PIPELINE_ID;
    const first = pipelines.firstStage(values.hs_pipeline);
    if (first) values.hs_pipeline_stage ??= first.id;
  }
  if (values.hs_pipeline === undefined && values.hs_pipeline_stage === undefined) return;
  const pipeline = values.hs_pipeline ?? current?.properties.hs_pipeline ?? '';
  const stage = values.hs_pipeline_stage ?? current?.properties.hs_pipeline_stage ?? '';
  for (const [name, value] of [
    ['hs_pipeline', pipeline],
    ['hs_pipeline_stage', stage],
  ] as const) {
    if (value === '')
      throw propertyValuesInvalid([
        { name, error: 'REQUIRED_PROPERTY', message: `${name} is required on a lead` },
      ]);
  }
  if (!pipelines.stage(pipeline, stage)) {
    throw propertyValuesInvalid([
      {
        name: 'hs_pipeline_stage',
        error: 'INVALID_OPTION',
        message: `${stage} is not a valid stage of pipeline ${pipeline}`,
      },
    ]);
  }
}

/**
 * The Leads guide: a new lead "must have a lead name, specified using the hs_lead_name property" and "must be
 * associated with an existing contact" (https://developers.hubspot.com/docs/api-reference/crm-leads-v3/guide).
 * HubSpot's exact error wording is not published; the messages are ours, status and category are HubSpot's 400.
 */
export function requireLeadCreate(
  values: Readonly<Record<string, string>>,
  targets: ReadonlyArray<{ toType: string }>,
): void {
  if (!values.hs_lead_name) {
    throw propertyValuesInvalid([
      { name: 'hs_lead_name', error: 'REQUIRED_PROPERTY', message: 'hs_lead_name is required' },
    ]);
  }
  if (!targets.some((t) => t.toType === 'contacts')) {
    throw validationError('A lead must be associated with an existing contact when it is created.');
  }
}
