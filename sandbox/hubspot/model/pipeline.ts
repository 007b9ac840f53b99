// A CRM pipeline and its stages, and their public shapes (GET /crm/v3/pipelines/{objectType}), from the schemas
// `Pipeline` and `PipelineStage` in PublicApiSpecs/CRM/Pipelines/Rollouts/145896/2026-03/pipelines.json.

/** What a stage means to the simulation (HubSpot does not publish one for lead stages: the sandbox's own). */
export type StageRole = 'new' | 'attempting' | 'connected' | 'qualified' | 'disqualified';

export interface PipelineStage {
  id: string;
  label: string;
  displayOrder: number;
  /** Spec: "properties that are not present on all object pipelines" (deals: probability; tickets: ticketState).
   *  Nothing is documented for lead stages, so the sandbox sends an empty object. */
  metadata: Record<string, string>;
  role?: StageRole;
  archived: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface Pipeline {
  id: string;
  label: string;
  displayOrder: number;
  stages: PipelineStage[];
  archived: boolean;
  createdAt: number;
  updatedAt: number;
}

/** Closed stages: a lead there is no longer worked (qualified or disqualified). */
export const isClosedStage = (s: PipelineStage): boolean =>
  s.role === 'qualified' || s.role === 'disqualified';

const iso = (ms: number): string => new Date(ms).toISOString();

/** Spec `PipelineStage`: writePermissions is one of CRM_PERMISSIONS_ENFORCEMENT | INTERNAL_ONLY | READ_ONLY. */
export const toPublicStage = (s: PipelineStage): Record<string, unknown> => ({
  id: s.id,
  label: s.label,
  displayOrder: s.displayOrder,
  metadata: { ...s.metadata },
  archived: s.archived,
  createdAt: iso(s.createdAt),
  updatedAt: iso(s.updatedAt),
  writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT',
});

export const toPublicPipeline = (p: Pipeline): Record<string, unknown> => ({
  id: p.id,
  label: p.label,
  displayOrder: p.displayOrder,
  stages: [...p.stages].sort((a, b) => a.displayOrder - b.displayOrder).map(toPublicStage),
  archived: p.archived,
  createdAt: iso(p.createdAt),
  updatedAt: iso(p.updatedAt),
});
