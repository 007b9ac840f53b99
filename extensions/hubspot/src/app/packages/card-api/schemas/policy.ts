// GET/PUT /settings (src/domain/policy/schema.ts): the parts of the tenant policy the settings page edits.
// Loose objects keep every other field (scoring model, routing, …) so a save sends them back unchanged.
import { z } from 'zod';
import { reasonBucketSchema } from './reasons.ts';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const FIT_GRADES = ['A', 'B', 'C', 'D'] as const;
export type FitGrade = (typeof FIT_GRADES)[number];
export const ENGAGEMENT_LEVELS = [1, 2, 3, 4] as const;

const workingInterval = z.object({ start: z.string(), end: z.string() });
const workingDay = z.array(workingInterval);

const reasonSchema = z.looseObject({
  code: z.string(),
  label: z.string(),
  bucket: reasonBucketSchema,
  nurtureList: z.string().nullable(),
  noteRequired: z.boolean(),
  reengageDateAllowed: z.boolean(),
  countsAsReject: z.boolean(),
  repSelectable: z.boolean(),
});

export const settingsPolicySchema = z.looseObject({
  timeZone: z.string(),
  businessHours: z.looseObject({
    mon: workingDay,
    tue: workingDay,
    wed: workingDay,
    thu: workingDay,
    fri: workingDay,
    sat: workingDay,
    sun: workingDay,
  }),
  holidays: z.array(z.string()),
  sla: z.looseObject({
    firstTouchHours: z.number(),
    reminderAtPercent: z.number(),
    escalateAtPercent: z.number(),
    autoRecycleHours: z.number(),
    useOwnerTimeZone: z.boolean(),
  }),
  reasons: z.array(reasonSchema),
  nurtureLists: z.array(z.looseObject({ key: z.string(), name: z.string() })),
  mql: z.looseObject({
    minFitGrade: z.enum(FIT_GRADES),
    minEngagementLevel: z.number().int(),
    handRaise: z.looseObject({
      events: z.array(z.string()),
      minFitGrade: z.enum(FIT_GRADES),
      withinDays: z.number(),
    }),
  }),
  commitment: z.looseObject({ mqlsPerMonth: z.number().nullable(), slaMetShare: z.number() }),
  rejectRateTarget: z.number(),
});

export const settingsResponseSchema = z.object({ policy: settingsPolicySchema });

export type SettingsPolicy = z.output<typeof settingsPolicySchema>;
export type PolicyReason = SettingsPolicy['reasons'][number];
export type NurtureList = SettingsPolicy['nurtureLists'][number];
export type WorkingInterval = z.output<typeof workingInterval>;
export type BusinessHours = SettingsPolicy['businessHours'];
export type SlaPolicy = SettingsPolicy['sla'];
export type MqlPolicy = SettingsPolicy['mql'];
export type CommitmentPolicy = SettingsPolicy['commitment'];
