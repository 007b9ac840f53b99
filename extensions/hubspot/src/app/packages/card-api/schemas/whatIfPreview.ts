// POST /settings/preview (src/web/routes/cardApi.ts postSettingsPreview): what the draft settings would have changed
// over the last 90 days (src/domain/whatIf/whatIfReport.ts), the figures the settings page shows.
import { z } from 'zod';

const sideSchema = z.object({
  mqls: z.number(),
  handedOver: z.number(),
  breaches: z.number(),
  autoRecycles: z.number(),
  reMqls: z.number(),
  exhausted: z.number(),
  rejectRate: z.number().nullable(),
  overTarget: z.boolean(),
  capacity: z.object({
    peakLoad: z.number(),
    repsOverCapacity: z.number(),
    reps: z.number(),
  }),
});

export const whatIfPreviewSchema = z.object({
  window: z.object({ from: z.string(), to: z.string() }),
  leads: z.number(),
  baseline: sideSchema,
  proposed: sideSchema,
  changed: z.object({ count: z.number() }),
  limits: z.array(z.string()),
});

export type WhatIfPreview = z.output<typeof whatIfPreviewSchema>;
export type WhatIfPreviewSide = z.output<typeof sideSchema>;
