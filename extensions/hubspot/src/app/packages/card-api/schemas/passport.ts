// GET /leads/:id/passport (src/app/leadPassport.ts): a tracked lead's passport, or why Baton has none.
import { z } from 'zod';

export const STAGES = [
  'inquiry',
  'mql',
  'assigned',
  'accepted',
  'qualified',
  'won',
  'lost',
  'returned',
  'recycled',
  'disqualified',
] as const;
export type Stage = (typeof STAGES)[number];
export const stageSchema = z.enum(STAGES);

export const SLA_STATUSES = ['on_time', 'due_soon', 'breached', 'met', 'missed'] as const;
export type SlaStatus = (typeof SLA_STATUSES)[number];

const instant = z.iso.datetime({ offset: true });

const slaSchema = z.object({
  status: z.enum(SLA_STATUSES),
  assignedAt: instant,
  dueAt: instant,
  /** Negative once breached; null once the lead was touched. */
  businessMinutesLeft: z.number().nullable(),
  firstTouchAt: instant.nullable(),
});

const scoresSchema = z.object({
  fit: z.number(),
  engagement: z.number(),
  grade: z.string(),
  fitReasons: z.array(z.string()),
  engagementReasons: z.array(z.string()),
});

const returnSchema = z.object({
  at: instant,
  byUserId: z.string().nullable(),
  /** The returning user's name in HubSpot, when Baton could read it. */
  byName: z.string().nullable().optional(),
  reason: z.string(),
  reasonLabel: z.string(),
  note: z.string().nullable(),
  outcome: stageSchema.nullable(),
});

export const trackedPassportSchema = z.object({
  tracked: z.literal(true),
  leadId: z.string(),
  stage: stageSchema,
  steps: z.array(stageSchema),
  currentStep: z.number().int().min(0),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable().optional(),
  sla: slaSchema.nullable(),
  scores: scoresSchema.nullable(),
  recycleCount: z.number().int().min(0),
  returns: z.array(returnSchema),
  timeInStage: z.array(z.object({ stage: stageSchema, hours: z.number().min(0) })),
  returnable: z.boolean(),
  notReturnableWhy: z.string().nullable(),
  /** A disqualification in HubSpot's Leads workspace that Baton holds (no reason, or not enough to act on). */
  heldReturn: z.object({ why: z.string(), disqualifiedAt: instant }).nullable().optional(),
});

export const untrackedLeadSchema = z.object({
  tracked: z.literal(false),
  leadId: z.string(),
  why: z.string(),
});

export const passportResponseSchema = z.discriminatedUnion('tracked', [
  trackedPassportSchema,
  untrackedLeadSchema,
]);

export type TrackedPassport = z.output<typeof trackedPassportSchema>;
export type PassportResponse = z.output<typeof passportResponseSchema>;
export type PassportSla = NonNullable<TrackedPassport['sla']>;
export type PassportScores = NonNullable<TrackedPassport['scores']>;
export type PassportReturn = TrackedPassport['returns'][number];
