// GET /reasons (src/web/routes/cardApi.ts): the reasons a rep can pick, grouped by bucket, with their rules.
import { z } from 'zod';

export const REASON_BUCKETS = ['reject', 'disqualify', 'recycle'] as const;
export type ReasonBucket = (typeof REASON_BUCKETS)[number];
export const reasonBucketSchema = z.enum(REASON_BUCKETS);

const pickableReasonSchema = z.object({
  code: z.string().min(1),
  label: z.string().min(1),
  noteRequired: z.boolean(),
  reengageDateAllowed: z.boolean(),
  /** The nurture list's name, or null when the lead joins none. */
  nurtureList: z.string().nullable(),
});

export const reasonsResponseSchema = z.object({
  buckets: z.array(
    z.object({ bucket: reasonBucketSchema, label: z.string(), reasons: z.array(pickableReasonSchema) }),
  ),
});

export type ReasonsResponse = z.output<typeof reasonsResponseSchema>;
export type PickableReason = z.output<typeof pickableReasonSchema>;
