// LeadState ↔ the JSON stored in leads.state. Validated on read: a row that does not parse is a bug, not data.
import { z } from 'zod';
import type { LeadState } from '../domain/decide/leadState.ts';
import { ENGAGEMENT_TYPES } from '../domain/scoring/profile.ts';
import { ENGAGEMENT_LEVELS, FIT_GRADES } from '../domain/scoring/grade.ts';
import { STAGES } from '../domain/stages.ts';

const date = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const nullableDate = date.nullable();

const storedState = z.object({
  leadId: z.string(),
  stage: z.enum(STAGES),
  stageEnteredAt: date,
  ownerId: z.string().nullable(),
  ownerTimeZone: z.string().nullable(),
  managerId: z.string().nullable(),
  profile: z.object({
    email: z.string().nullable().optional(),
    employees: z.number().nullable().optional(),
    industry: z.string().nullable().optional(),
    country: z.string().nullable().optional(),
    title: z.string().nullable().optional(),
    source: z.string().nullable().optional(),
    campaign: z.string().nullable().optional(),
  }),
  engagement: z.array(
    z.object({ type: z.enum(ENGAGEMENT_TYPES), at: date, detail: z.string().nullable().optional() }),
  ),
  engagementSince: nullableDate,
  scores: z
    .object({
      fit: z.number(),
      engagement: z.number(),
      fitGrade: z.enum(FIT_GRADES),
      engagementLevel: z.union(ENGAGEMENT_LEVELS.map((l) => z.literal(l))),
      grade: z.string(),
      fitReasons: z.array(z.string()),
      engagementReasons: z.array(z.string()),
    })
    .nullable(),
  mqlAt: nullableDate,
  sla: z
    .object({
      assignedAt: date,
      remindAt: date,
      dueAt: date,
      escalateAt: date,
      autoRecycleAt: date,
      firstTouchAt: nullableDate,
      reminded: z.boolean(),
      breached: z.boolean(),
      escalated: z.boolean(),
      graceUntil: nullableDate,
    })
    .nullable(),
  lastActivityAt: nullableDate,
  recycleCount: z.number().int().min(0),
  recycledAt: nullableDate,
  reengageAt: nullableDate,
  returnedBy: z.array(z.string()),
  lastReason: z.string().nullable(),
  lastNote: z.string().nullable(),
  returnedAt: nullableDate,
  lists: z.array(z.string()),
});

export function encodeLeadState(state: LeadState): Record<string, unknown> {
  // JSON turns every Date into its ISO string; the decoder turns them back.
  return JSON.parse(JSON.stringify(state)) as Record<string, unknown>;
}

export function decodeLeadState(json: unknown): LeadState {
  return storedState.parse(json);
}
