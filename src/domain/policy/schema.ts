// The tenant policy: one zod schema used everywhere (settings page, API, store), defaults filled in,
// and every problem reported with the field it is about.
import { commitmentSchema } from './commitment.ts';
import { leadObjectsSchema } from './leadObjects.ts';
import { z } from 'zod';
import { REASON_BUCKETS } from '../reasons.ts';
import { FIT_FIELDS } from '../scoring/conditions.ts';
import { ENGAGEMENT_LEVELS, FIT_GRADES } from '../scoring/grade.ts';
import { ENGAGEMENT_TYPES } from '../scoring/profile.ts';
import { isValidTimeZone, parseClock, WEEKDAYS } from '../sla/businessCalendar.ts';
import { SYSTEM_REASONS } from '../reasons.ts';
import { DEFAULT_POLICY } from './defaults.ts';
import { storableText } from '../storableText.ts';

const WIN_STAGES = ['mql', 'assigned', 'accepted', 'qualified'] as const;
/** What a CRM lifecycle stage can mean to Baton (the CRM port's lifecycles, unknown aside). */
const LIFECYCLE_MEANINGS = ['subscriber', 'lead', 'mql', 'sql', 'opportunity', 'customer', 'other'] as const;

const clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time of day as HH:MM (00:00–24:00)');
const minutesOf = (hhmm: string) => {
  const { hour, minute } = parseClock(hhmm);
  return hour * 60 + minute;
};

const interval = z
  .strictObject({ start: clock, end: clock })
  .refine((w) => minutesOf(w.end) > minutesOf(w.start), {
    message: 'end must be after start',
    path: ['end'],
  });

const day = z
  .array(interval)
  .refine(
    (ws) => ws.slice(1).every((w, i) => minutesOf(w.start) >= minutesOf(ws[i]?.end ?? '00:00')),
    'working intervals must be in order and must not overlap',
  );

const weekShape = Object.fromEntries(WEEKDAYS.map((d) => [d, day.default([])])) as Record<
  (typeof WEEKDAYS)[number],
  z.ZodDefault<typeof day>
>;

/** No SLA threshold may lie further than this many years of the tenant's working week. */
const MAX_DEADLINE_YEARS = 100;

const workingMinutesPerWeek = (
  week: Record<(typeof WEEKDAYS)[number], Array<{ start: string; end: string }>>,
) =>
  WEEKDAYS.reduce(
    (sum, d) => sum + week[d].reduce((n, w) => n + minutesOf(w.end) - minutesOf(w.start), 0),
    0,
  );

/** The SLA threshold furthest from the assignment, and the setting that puts it there. */
function farthestDeadline(sla: {
  firstTouchHours: number;
  escalateAtPercent: number;
  autoRecycleHours: number;
  installGraceHours: number;
}): { field: string; hours: number } {
  const thresholds = [
    { field: 'autoRecycleHours', hours: sla.autoRecycleHours },
    { field: 'escalateAtPercent', hours: (sla.firstTouchHours * sla.escalateAtPercent) / 100 },
    { field: 'installGraceHours', hours: sla.installGraceHours },
  ];
  return thresholds.reduce((far, t) => (t.hours > far.hours ? t : far));
}

const code = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be lower_snake_case, at most 40 characters');
const percent = z.number().min(1).max(1000);

const reason = z.strictObject({
  code,
  label: storableText().trim().min(1).max(80),
  bucket: z.enum(REASON_BUCKETS),
  nurtureList: code.nullable(),
  noteRequired: z.boolean().default(false),
  reengageDateAllowed: z.boolean().default(false),
  countsAsReject: z.boolean(),
  repSelectable: z.boolean().default(true),
});

const condition = z.discriminatedUnion('op', [
  z.strictObject({
    field: z.enum(FIT_FIELDS),
    op: z.enum(['in', 'not_in', 'contains']),
    values: z.array(storableText()).min(1),
  }),
  z
    .strictObject({
      field: z.enum(FIT_FIELDS),
      op: z.literal('between'),
      min: z.number().optional(),
      max: z.number().optional(),
    })
    .refine((c) => c.min !== undefined || c.max !== undefined, 'between needs min, max or both'),
  z.strictObject({ field: z.enum(FIT_FIELDS), op: z.literal('missing') }),
]);

const fitRule = z.strictObject({
  id: code,
  label: storableText().min(1),
  points: z.number().int().min(-100).max(100),
  when: condition,
});
const engagementRule = z.strictObject({
  id: code,
  label: storableText().min(1),
  event: z.enum(ENGAGEMENT_TYPES),
  detailContains: storableText().min(1).optional(),
  points: z.number().int().min(-100).max(100),
  maxCount: z.number().int().min(1).optional(),
});

const band = z.number().min(0).max(100);
const D = DEFAULT_POLICY;

export const policySchema = z
  .strictObject({
    timeZone: storableText()
      .refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Berlin')
      .default(D.timeZone),
    businessHours: z.strictObject(weekShape).default(D.businessHours),
    holidays: z.array(z.iso.date('must be a date as YYYY-MM-DD')).default(D.holidays),
    sla: z
      .strictObject({
        firstTouchHours: z.number().positive().max(2000).default(D.sla.firstTouchHours),
        reminderAtPercent: percent.max(99).default(D.sla.reminderAtPercent),
        escalateAtPercent: percent.default(D.sla.escalateAtPercent),
        autoRecycleHours: z.number().positive().max(5000).default(D.sla.autoRecycleHours),
        useOwnerTimeZone: z.boolean().default(D.sla.useOwnerTimeZone),
        installGraceHours: z.number().min(0).max(500).default(D.sla.installGraceHours),
      })
      .prefault({}),
    recycle: z
      .strictObject({
        cooldownDays: z.number().min(0).max(3650).default(D.recycle.cooldownDays),
        maxRecycles: z.number().int().min(0).max(100).default(D.recycle.maxRecycles),
        neverBackToReturningRep: z.boolean().default(D.recycle.neverBackToReturningRep),
      })
      .prefault({}),
    hygiene: z
      .strictObject({
        stalledFactor: z.number().min(1).max(20).default(D.hygiene.stalledFactor),
        stalledFallbackDays: z.number().positive().max(3650).default(D.hygiene.stalledFallbackDays),
        wentDarkDays: z.number().positive().max(3650).default(D.hygiene.wentDarkDays),
      })
      .prefault({}),
    reasons: z.array(reason).min(1).default(D.reasons),
    nurtureLists: z
      .array(z.strictObject({ key: code, name: storableText().trim().min(1).max(100) }))
      .default(D.nurtureLists),
    scoring: z
      .strictObject({
        fitRules: z.array(fitRule).default(D.scoring.fitRules),
        engagementRules: z.array(engagementRule).default(D.scoring.engagementRules),
        halfLifeDays: z.number().positive().max(3650).default(D.scoring.halfLifeDays),
        bands: z
          .strictObject({
            fit: z.strictObject({ A: band, B: band, C: band }),
            engagement: z.strictObject({ 1: band, 2: band, 3: band }),
          })
          .default(D.scoring.bands)
          .refine((b) => b.fit.A > b.fit.B && b.fit.B > b.fit.C, {
            message: 'fit bands must fall: A > B > C',
            path: ['fit'],
          })
          .refine((b) => b.engagement[1] > b.engagement[2] && b.engagement[2] > b.engagement[3], {
            message: 'engagement bands must fall: 1 > 2 > 3',
            path: ['engagement'],
          }),
      })
      .prefault({}),
    mql: z
      .strictObject({
        minFitGrade: z.enum(FIT_GRADES).default(D.mql.minFitGrade),
        minEngagementLevel: z
          .union(ENGAGEMENT_LEVELS.map((l) => z.literal(l)))
          .default(D.mql.minEngagementLevel),
        handRaise: z
          .strictObject({
            events: z.array(z.enum(ENGAGEMENT_TYPES)).default(D.mql.handRaise.events),
            minFitGrade: z.enum(FIT_GRADES).default(D.mql.handRaise.minFitGrade),
            withinDays: z.number().positive().max(365).default(D.mql.handRaise.withinDays),
          })
          .prefault({}),
      })
      .prefault({}),
    capacity: z
      .strictObject({
        openLeadsPerRep: z.number().int().positive().max(100000).default(D.capacity.openLeadsPerRep),
      })
      .prefault({}),
    routing: z
      .discriminatedUnion('mode', [
        z.strictObject({ mode: z.literal('crm') }),
        z.strictObject({
          mode: z.literal('round_robin'),
          reps: z
            .array(
              z.strictObject({
                id: storableText().min(1),
                capacity: z.number().int().positive().optional(),
                /** Out of office, on leave: skipped by routing, and back in the rotation where they were. */
                away: z.boolean().default(false),
              }),
            )
            .min(1),
          /** A lead whose first-touch deadline passes untouched goes to the next available rep (a reassignment). */
          reassignOnBreach: z.boolean().default(false),
        }),
      ])
      .default({ mode: 'crm' }),
    /**
     * The CRM's lifecycle stage for each meaning Baton uses, where the CRM's own stages were renamed or replaced
     * (HubSpot portals can customise theirs): meaning → the stage's internal value. Unset meanings use the CRM's
     * default stage (HubSpot: lead, marketingqualifiedlead, …).
     */
    /** The CRM's own lead records (HubSpot's Lead object): followed, and their disqualification reasons mapped. */
    leadObjects: leadObjectsSchema,
    lifecycleStages: z.partialRecord(z.enum(LIFECYCLE_MEANINGS), storableText().min(1).max(100)).default({}),
    /** Who owns a lead that is back with marketing: a queue or user id in the CRM, or null for unassigned. */
    marketingOwnerId: storableText().min(1).nullable().default(null),
    /** The win probabilities the CRM's forecast uses, compared with the measured ones. */
    configuredWinProbability: z
      .partialRecord(z.enum(WIN_STAGES), z.number().min(0).max(1))
      .default({})
      .transform((given) => ({ ...D.configuredWinProbability, ...given })),
    /** Who hears about a breach when the CRM does not know the owner's manager (HubSpot has no managers). */
    escalation: z
      .strictObject({
        managers: z.record(storableText().min(1), storableText().min(1)).default({}),
        fallbackManagerId: storableText().min(1).nullable().default(null),
      })
      .prefault({}),
    rejectRateTarget: z.number().min(0).max(1).default(D.rejectRateTarget),
    /** What each side of the SLA commits to: marketing's MQL volume, sales' share met. */
    commitment: commitmentSchema,
    /**
     * Baton admins of the portal: CRM user ids who may change these settings and return any lead from the card
     * (the installing admin is added at install).
     */
    admins: z.array(storableText().min(1).max(40)).max(200).default([]),
  })
  .superRefine(
    (p, ctx) => {
      const issue = (path: (string | number)[], message: string) =>
        ctx.addIssue({ code: 'custom', path, message });
      if (p.sla.escalateAtPercent < p.sla.reminderAtPercent) {
        issue(['sla', 'escalateAtPercent'], 'must not be before the reminder (reminderAtPercent)');
      }
      if (p.sla.autoRecycleHours < p.sla.firstTouchHours) {
        issue(['sla', 'autoRecycleHours'], 'must not be before the first-touch deadline (firstTouchHours)');
      }
      if (WEEKDAYS.every((d) => p.businessHours[d].length === 0)) {
        issue(['businessHours'], 'needs working hours on at least one day');
      } else {
        const far = farthestDeadline(p.sla);
        const weekMinutes = workingMinutesPerWeek(p.businessHours);
        // Deadlines are computed exactly however far they are; past a century of this week they mean nothing.
        if (far.hours * 60 > weekMinutes * 52 * MAX_DEADLINE_YEARS) {
          issue(
            ['sla', far.field],
            `is more than ${MAX_DEADLINE_YEARS} years of the working week in businessHours (${weekMinutes} minutes a week)`,
          );
        }
      }
      const seen = new Set<string>();
      const listKeys = new Set(p.nurtureLists.map((l) => l.key));
      for (const [option, code] of Object.entries(p.leadObjects.reasonMap)) {
        if (!p.reasons.some((r) => r.code === code && r.repSelectable))
          issue(['leadObjects', 'reasonMap', option], `"${code}" is not a reason reps can pick`);
      }
      p.reasons.forEach((r, i) => {
        if (seen.has(r.code)) issue(['reasons', i, 'code'], `duplicate reason code "${r.code}"`);
        seen.add(r.code);
        if (r.nurtureList && !listKeys.has(r.nurtureList)) {
          issue(['reasons', i, 'nurtureList'], `"${r.nurtureList}" is not one of nurtureLists`);
        }
        if (r.bucket === 'disqualify' && r.reengageDateAllowed) {
          issue(['reasons', i, 'reengageDateAllowed'], 'a disqualify reason is permanent: no re-engage date');
        }
      });
      for (const required of Object.values(SYSTEM_REASONS)) {
        if (!seen.has(required))
          issue(['reasons'], `must keep the reason "${required}" that Baton's rules use`);
      }
      const listSeen = new Set<string>();
      p.nurtureLists.forEach((l, i) => {
        if (listSeen.has(l.key)) issue(['nurtureLists', i, 'key'], `duplicate list key "${l.key}"`);
        listSeen.add(l.key);
      });
      const ruleIds = [...p.scoring.fitRules, ...p.scoring.engagementRules].map((r) => r.id);
      ruleIds.forEach((id, i) => {
        if (ruleIds.indexOf(id) !== i) issue(['scoring'], `duplicate scoring rule id "${id}"`);
      });
      // Cross-field rules judge a policy whose fields are each valid; otherwise they would report noise.
    },
    { when: (payload) => payload.issues.length === 0 },
  );

export type Policy = z.output<typeof policySchema>;
export type PolicyInput = z.input<typeof policySchema>;

export interface PolicyProblem {
  /** Dotted path of the field, e.g. "sla.firstTouchHours" or "reasons.3.nurtureList". */
  field: string;
  message: string;
}

export type PolicyResult = { ok: true; policy: Policy } | { ok: false; problems: PolicyProblem[] };

export function parsePolicy(input: unknown): PolicyResult {
  const result = policySchema.safeParse(input ?? {});
  if (result.success) return { ok: true, policy: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((i) => ({
      field: i.path.map(String).join('.') || '(policy)',
      message: i.message,
    })),
  };
}

export const defaultPolicy = (): Policy => policySchema.parse({});
