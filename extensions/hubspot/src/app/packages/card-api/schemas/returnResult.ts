// POST /leads/:id/return (src/web/routes/postLeadReturn.ts): where the lead went.
import { z } from 'zod';
import { stageSchema } from './passport.ts';

export const returnResultSchema = z.object({
  leadId: z.string(),
  stage: stageSchema,
  recycleCount: z.number().int().min(0),
  lastReason: z.string().nullable(),
  /** True when Baton had already recorded this submission (same requestId). */
  duplicate: z.boolean(),
});

export type ReturnResult = z.output<typeof returnResultSchema>;

/** The body Baton expects (postLeadReturn.ts `returnBody`). */
export interface ReturnRequestBody {
  [key: string]: unknown;
  reason: string;
  note?: string;
  /** YYYY-MM-DD */
  reengageAt?: string;
  requestId: string;
}
