import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NURTURE_LISTS, DEFAULT_REASONS } from '../reasons.ts';
import { slaTimeline } from '../sla/slaClock.ts';
import { assignedLead, local } from '../testing/leads.ts';
import { defaultPolicy, parsePolicy, type Policy, type PolicyProblem } from './schema.ts';

const problemsOf = (input: unknown): PolicyProblem[] => {
  const result = parsePolicy(input);
  return result.ok ? [] : result.problems;
};
const reasonsWithout = (code: string) =>
  DEFAULT_REASONS.filter((r) => r.code !== code).map((r) => ({ ...r }));
const reasonsWith = (i: number, change: object) =>
  DEFAULT_REASONS.map((r, j) => (j === i ? { ...r, ...change } : { ...r }));
const indexOf = (code: string) => DEFAULT_REASONS.findIndex((r) => r.code === code);

describe('parsePolicy({}) — the documented defaults', () => {
  const result = parsePolicy({});
  const policy = result.ok ? result.policy : expect.fail(JSON.stringify(result));

  it('SLA: first touch within 24 business hours, remind at 50 %, escalate at 100 %, auto-recycle at 72 h', () => {
    expect(policy.sla).toMatchObject({
      firstTouchHours: 24,
      reminderAtPercent: 50,
      escalateAtPercent: 100,
      autoRecycleHours: 72,
      useOwnerTimeZone: true,
    });
  });

  it('business hours: 09:00–17:00 Monday to Friday, America/New_York, no holidays', () => {
    const nineToFive = [{ start: '09:00', end: '17:00' }];
    expect(policy.timeZone).toBe('America/New_York');
    expect(policy.businessHours).toEqual({
      mon: nineToFive,
      tue: nineToFive,
      wed: nineToFive,
      thu: nineToFive,
      fri: nineToFive,
      sat: [],
      sun: [],
    });
    expect(policy.holidays).toEqual([]);
  });

  it('recycling: 30-day cooldown, at most 3 recycles, never back to the rep who returned it', () => {
    expect(policy.recycle).toEqual({ cooldownDays: 30, maxRecycles: 3, neverBackToReturningRep: true });
  });

  it('hygiene: k = 2, went dark after 30 days', () => {
    expect(policy.hygiene).toMatchObject({ stalledFactor: 2, wentDarkDays: 30 });
  });

  it('scoring: half-life 30 days; MQL at fit ≥ B and engagement level ≤ 2', () => {
    expect(policy.scoring.halfLifeDays).toBe(30);
    expect(policy.mql).toMatchObject({ minFitGrade: 'B', minEngagementLevel: 2 });
  });

  it('reject-rate target 10 %; reasons and lists are the default taxonomy; CRM routing; no marketing owner', () => {
    expect(policy.rejectRateTarget).toBe(0.1);
    expect(policy.reasons).toEqual(DEFAULT_REASONS);
    expect(policy.nurtureLists).toEqual(DEFAULT_NURTURE_LISTS);
    expect(policy.routing).toEqual({ mode: 'crm' });
    expect(policy.marketingOwnerId).toBeNull();
  });

  it('null and undefined mean "all defaults" too; defaultPolicy() is the same', () => {
    expect(parsePolicy(null)).toEqual(result);
    expect(parsePolicy(undefined)).toEqual(result);
    expect(defaultPolicy()).toEqual(policy);
  });

  it('a partial section keeps the other defaults of that section', () => {
    const r = parsePolicy({ sla: { firstTouchHours: 8 } });
    expect(r.ok && r.policy.sla).toMatchObject({
      firstTouchHours: 8,
      reminderAtPercent: 50,
      autoRecycleHours: 72,
    });
  });
});

describe('valid variations are accepted', () => {
  it.each([
    [
      'a split day',
      {
        businessHours: {
          mon: [
            { start: '09:00', end: '12:00' },
            { start: '13:00', end: '17:00' },
          ],
        },
      },
    ],
    [
      'back-to-back intervals',
      {
        businessHours: {
          mon: [
            { start: '09:00', end: '12:00' },
            { start: '12:00', end: '17:00' },
          ],
        },
      },
    ],
    ['a working day to 24:00', { businessHours: { sun: [{ start: '00:00', end: '24:00' }] } }],
    ['a Europe zone and holidays', { timeZone: 'Europe/Berlin', holidays: ['2026-12-24', '2026-12-25'] }],
    ['escalation together with the reminder', { sla: { reminderAtPercent: 80, escalateAtPercent: 80 } }],
    ['auto-recycle at the deadline', { sla: { firstTouchHours: 24, autoRecycleHours: 24 } }],
    [
      'round-robin routing',
      { routing: { mode: 'round_robin', reps: [{ id: 'rep-a' }, { id: 'rep-b', capacity: 10 }] } },
    ],
    ['a marketing queue', { marketingOwnerId: 'queue-1' }],
  ])('%s', (_label, input) => {
    expect(problemsOf(input)).toEqual([]);
  });
});

describe('invalid input is rejected, naming the field', () => {
  it.each([
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    ["luxon's 'local' is not a time zone", { timeZone: 'local' }, 'timeZone'],
    ['negative first-touch hours', { sla: { firstTouchHours: -1 } }, 'sla.firstTouchHours'],
    ['zero first-touch hours', { sla: { firstTouchHours: 0 } }, 'sla.firstTouchHours'],
    ['negative auto-recycle hours', { sla: { autoRecycleHours: -5 } }, 'sla.autoRecycleHours'],
    ['a reminder at 100 %', { sla: { reminderAtPercent: 100 } }, 'sla.reminderAtPercent'],
    [
      'escalation before the reminder',
      { sla: { reminderAtPercent: 80, escalateAtPercent: 60 } },
      'sla.escalateAtPercent',
    ],
    [
      'auto-recycle before the first-touch deadline',
      { sla: { firstTouchHours: 24, autoRecycleHours: 12 } },
      'sla.autoRecycleHours',
    ],
    ['negative install grace', { sla: { installGraceHours: -1 } }, 'sla.installGraceHours'],
    [
      'overlapping working intervals',
      {
        businessHours: {
          mon: [
            { start: '09:00', end: '12:00' },
            { start: '11:00', end: '17:00' },
          ],
        },
      },
      'businessHours.mon',
    ],
    [
      'working intervals out of order',
      {
        businessHours: {
          mon: [
            { start: '13:00', end: '17:00' },
            { start: '09:00', end: '12:00' },
          ],
        },
      },
      'businessHours.mon',
    ],
    [
      'a reversed interval',
      { businessHours: { tue: [{ start: '17:00', end: '09:00' }] } },
      'businessHours.tue.0.end',
    ],
    [
      'an empty interval',
      { businessHours: { tue: [{ start: '09:00', end: '09:00' }] } },
      'businessHours.tue.0.end',
    ],
    [
      'a time that is not HH:MM',
      { businessHours: { wed: [{ start: '9am', end: '17:00' }] } },
      'businessHours.wed.0.start',
    ],
    ['past 24:00', { businessHours: { wed: [{ start: '09:00', end: '24:30' }] } }, 'businessHours.wed.0.end'],
    [
      'no working day at all',
      { businessHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } },
      'businessHours',
    ],
    ['a holiday that is not a date', { holidays: ['2026-12-25', '25/12/2026'] }, 'holidays.1'],
    ['a holiday on 13th month', { holidays: ['2026-13-01'] }, 'holidays.0'],
    ['negative cooldown', { recycle: { cooldownDays: -1 } }, 'recycle.cooldownDays'],
    ['fractional max recycles', { recycle: { maxRecycles: 1.5 } }, 'recycle.maxRecycles'],
    ['a stalled factor below 1', { hygiene: { stalledFactor: 0.5 } }, 'hygiene.stalledFactor'],
    ['zero went-dark days', { hygiene: { wentDarkDays: 0 } }, 'hygiene.wentDarkDays'],
    [
      'a reason pointing to an unknown nurture list',
      { reasons: reasonsWith(indexOf('not_ready'), { nurtureList: 'nowhere' }) },
      `reasons.${indexOf('not_ready')}.nurtureList`,
    ],
    [
      'duplicate reason codes',
      { reasons: [...DEFAULT_REASONS, { ...DEFAULT_REASONS[0] }] },
      `reasons.${DEFAULT_REASONS.length}.code`,
    ],
    ['removing a reason Baton needs (untouched)', { reasons: reasonsWithout('untouched') }, 'reasons'],
    ['removing a reason Baton needs (exhausted)', { reasons: reasonsWithout('exhausted') }, 'reasons'],
    ['removing a reason Baton needs (closed_lost)', { reasons: reasonsWithout('closed_lost') }, 'reasons'],
    [
      'a disqualify reason with a re-engage date',
      { reasons: reasonsWith(indexOf('competitor'), { reengageDateAllowed: true }) },
      `reasons.${indexOf('competitor')}.reengageDateAllowed`,
    ],
    [
      'a reason code that is not lower_snake_case',
      { reasons: reasonsWith(0, { code: 'Wrong Owner' }) },
      'reasons.0.code',
    ],
    ['an unknown bucket', { reasons: reasonsWith(0, { bucket: 'maybe' }) }, 'reasons.0.bucket'],
    [
      'duplicate nurture list keys',
      { nurtureLists: [...DEFAULT_NURTURE_LISTS, { key: 'ops_review', name: 'Again' }] },
      `nurtureLists.${DEFAULT_NURTURE_LISTS.length}.key`,
    ],
    [
      'fit bands that do not fall',
      { scoring: { bands: { fit: { A: 50, B: 60, C: 25 }, engagement: { 1: 60, 2: 30, 3: 10 } } } },
      'scoring.bands.fit',
    ],
    [
      'engagement bands that do not fall',
      { scoring: { bands: { fit: { A: 75, B: 50, C: 25 }, engagement: { 1: 30, 2: 30, 3: 10 } } } },
      'scoring.bands.engagement',
    ],
    [
      'a band over 100',
      { scoring: { bands: { fit: { A: 175, B: 50, C: 25 }, engagement: { 1: 60, 2: 30, 3: 10 } } } },
      'scoring.bands.fit.A',
    ],
    ['a zero half-life', { scoring: { halfLifeDays: 0 } }, 'scoring.halfLifeDays'],
    [
      'a between condition with neither min nor max',
      {
        scoring: {
          fitRules: [{ id: 'x', label: 'X', points: 5, when: { field: 'employees', op: 'between' } }],
        },
      },
      'scoring.fitRules.0.when',
    ],
    [
      'an unknown fit field',
      {
        scoring: {
          fitRules: [{ id: 'x', label: 'X', points: 5, when: { field: 'shoeSize', op: 'missing' } }],
        },
      },
      'scoring.fitRules.0.when.field',
    ],
    [
      'an unknown engagement event',
      { scoring: { engagementRules: [{ id: 'x', label: 'X', points: 5, event: 'telepathy' }] } },
      'scoring.engagementRules.0.event',
    ],
    [
      'duplicate scoring rule ids',
      {
        scoring: {
          fitRules: [{ id: 'x', label: 'X', points: 5, when: { field: 'country', op: 'missing' } }],
          engagementRules: [{ id: 'x', label: 'Y', points: 5, event: 'visit' }],
        },
      },
      'scoring',
    ],
    ['an unknown fit grade in the MQL rule', { mql: { minFitGrade: 'E' } }, 'mql.minFitGrade'],
    ['an engagement level of 5', { mql: { minEngagementLevel: 5 } }, 'mql.minEngagementLevel'],
    ['round robin without reps', { routing: { mode: 'round_robin', reps: [] } }, 'routing.reps'],
    ['an empty marketing owner', { marketingOwnerId: '' }, 'marketingOwnerId'],
    ['a reject-rate target over 100 %', { rejectRateTarget: 1.5 }, 'rejectRateTarget'],
    ['a number where a section belongs', { sla: 24 }, 'sla'],
  ])('%s → %s', (_label, input, field) => {
    const problems = problemsOf(input);
    expect(problems.map((p) => p.field)).toContain(field);
    for (const p of problems) expect(p.message).toMatch(/\S/);
  });

  it.each([
    [
      'a NUL in a reason label',
      { reasons: reasonsWith(0, { label: 'Wrong\u0000owner' }) },
      'reasons.0.label',
    ],
    [
      'a lone surrogate in a list name',
      { nurtureLists: [{ key: 'x', name: 'x\ud800' }] },
      'nurtureLists.0.name',
    ],
    ['a NUL in an admin id', { admins: ['7001\u0000'] }, 'admins.0'],
    [
      'a NUL in a manager id',
      { escalation: { managers: { 'rep-1': 'mgr\u0000' } } },
      'escalation.managers.rep-1',
    ],
    ['a lone surrogate in the marketing owner', { marketingOwnerId: '\udfff' }, 'marketingOwnerId'],
  ])('text PostgreSQL cannot store is refused, naming the field: %s', (_label, input, field) => {
    const problems = problemsOf(input);
    expect(problems).toContainEqual({ field, message: expect.stringMatching(/NUL|surrogate/) });
  });

  it('a policy that is not an object is a problem of the whole policy', () => {
    expect(problemsOf('24 hours').map((p) => p.field)).toEqual(['(policy)']);
  });

  it('reports every field problem at once', () => {
    const fields = problemsOf({
      timeZone: 'Nowhere/Land',
      holidays: ['soon'],
      sla: { firstTouchHours: -1 },
    }).map((p) => p.field);
    expect(fields).toEqual(['timeZone', 'holidays.0', 'sla.firstTouchHours']);
  });

  it.each([
    ['reasons is not a list', { reasons: 'all of them' }, 'reasons'],
    ['a day is not a list', { businessHours: { mon: '9 to 5' } }, 'businessHours.mon'],
    ['nurture lists are not a list', { nurtureLists: 3 }, 'nurtureLists'],
  ])('garbage is a problem, not a crash: %s', (_label, input, field) => {
    expect(() => parsePolicy(input)).not.toThrow();
    expect(problemsOf(input).map((p) => p.field)).toContain(field);
  });
});

describe('strictness and partial settings', () => {
  it('a misspelt key is a problem, not silently ignored', () => {
    const result = parsePolicy({ sla: { firstTouchHour: 8 } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.field)).toEqual(['sla']);
    const top = parsePolicy({ slaa: {} });
    expect(top.ok).toBe(false);
  });

  it('configured win probabilities may be given for some stages; the rest keep their defaults', () => {
    const result = parsePolicy({ configuredWinProbability: { qualified: 0.5 } });
    expect(result.ok && result.policy.configuredWinProbability).toEqual({
      mql: 0.05,
      assigned: 0.1,
      accepted: 0.2,
      qualified: 0.5,
    });
    const bad = parsePolicy({ configuredWinProbability: { won: 1 } });
    expect(bad.ok).toBe(false);
  });

  it('escalation managers default to none and accept a mapping', () => {
    const d = parsePolicy({});
    expect(d.ok && d.policy.escalation).toEqual({ managers: {}, fallbackManagerId: null });
    const m = parsePolicy({ escalation: { managers: { 'rep-1': 'mgr-1' }, fallbackManagerId: 'mgr-0' } });
    expect(m.ok && m.policy.escalation.managers['rep-1']).toBe('mgr-1');
  });

  it("lifecycle stages default to the CRM's own and accept a portal's renamed stage per meaning", () => {
    const d = parsePolicy({});
    expect(d.ok && d.policy.lifecycleStages).toEqual({});
    const m = parsePolicy({ lifecycleStages: { mql: '1034567', lead: 'lead' } });
    expect(m.ok && m.policy.lifecycleStages).toEqual({ mql: '1034567', lead: 'lead' });
  });

  it.each([
    ['a meaning Baton does not know', { won: 'closedwon' }],
    ['an empty stage value', { mql: '' }],
    ['a stage value that is not text', { mql: 7 }],
    ['a stage value longer than any CRM allows', { mql: 'x'.repeat(101) }],
  ])('refuses lifecycle stages with %s, naming the field', (_what, lifecycleStages) => {
    const result = parsePolicy({ lifecycleStages });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.map((p) => p.field)).toEqual([expect.stringMatching(/^lifecycleStages/)]);
  });
});

describe('an accepted policy never makes the business calendar throw', () => {
  // The issue: Saturdays 10:00–12:00 only with a 2,000-business-hour auto-recycle; every assignment threw
  // "The business calendar has no working time" (a ten-year scan limit). 2026-01-10 is a Saturday.
  const zone = 'Europe/Berlin';
  const saturdaysOnly = { sat: [{ start: '10:00', end: '12:00' }] };
  const parsed = (input: unknown): Policy => {
    const result = parsePolicy(input);
    return result.ok ? result.policy : expect.fail(JSON.stringify(result.problems));
  };
  const calendarOf = (p: Policy) => ({ timeZone: p.timeZone, week: p.businessHours, holidays: p.holidays });
  /** 12:00 on the Saturday `weeks` weeks after Saturday 10 January 2026, Berlin wall clock (DST or not). */
  const saturdayNoon = (weeks: number) =>
    DateTime.fromISO('2026-01-10T12:00', { zone }).plus({ weeks }).toJSDate();
  const assignedAt = local('2026-01-10T10:00', zone);

  it("the issue's policy is accepted and its SLA timeline is exact (2 business hours a Saturday)", () => {
    const policy = parsed({ timeZone: zone, businessHours: saturdaysOnly, sla: { autoRecycleHours: 2000 } });
    expect(slaTimeline(assignedAt, policy.sla, calendarOf(policy))).toEqual({
      remindAt: saturdayNoon(5), // 12 h: 6 Saturdays
      dueAt: saturdayNoon(11), // 24 h: 12 Saturdays
      escalateAt: saturdayNoon(11),
      autoRecycleAt: saturdayNoon(999), // 2,000 h: 1,000 Saturdays, in 2045
    });
  });

  it("an assignment under the issue's policy starts the SLA clock instead of throwing", () => {
    const policy = parsed({ timeZone: zone, businessHours: saturdaysOnly, sla: { autoRecycleHours: 2000 } });
    const lead = assignedLead('rep-a', assignedAt, { policy });
    expect(lead.sla?.dueAt).toEqual(saturdayNoon(11));
    expect(lead.sla?.autoRecycleAt).toEqual(saturdayNoon(999));
  });

  it('far deadlines within a century of the working week are computed exactly (escalation at 500 % of 2,000 h)', () => {
    const policy = parsed({
      timeZone: zone,
      businessHours: saturdaysOnly,
      holidays: ['2026-01-17', '2100-06-05'], // two Saturdays: each moves every later deadline a week
      sla: { firstTouchHours: 2000, reminderAtPercent: 99, escalateAtPercent: 500, autoRecycleHours: 5000 },
    });
    expect(slaTimeline(assignedAt, policy.sla, calendarOf(policy))).toEqual({
      remindAt: saturdayNoon(990), // 1,980 h
      dueAt: saturdayNoon(1000), // 2,000 h
      escalateAt: saturdayNoon(5001), // 10,000 h: 5,000 Saturdays, in 2121
      autoRecycleAt: saturdayNoon(2500), // 5,000 h
    });
  });

  it.each([
    [
      'escalation at 1,000 % of 2,000 h on two hours a week (192 years)',
      {
        businessHours: saturdaysOnly,
        sla: { firstTouchHours: 2000, escalateAtPercent: 1000, autoRecycleHours: 5000 },
      },
      'sla.escalateAtPercent',
    ],
    [
      'a 100-hour auto-recycle on a one-minute week (a century of it is 86⅔ hours)',
      { businessHours: { mon: [{ start: '09:00', end: '09:01' }] }, sla: { autoRecycleHours: 100 } },
      'sla.autoRecycleHours',
    ],
  ])('refuses a deadline beyond a century of the working week, naming it: %s', (_what, input, field) => {
    const result = parsePolicy({ timeZone: zone, ...input });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toEqual([
        expect.objectContaining({
          field,
          message: expect.stringMatching(/more than 100 years of the working week/),
        }),
      ]);
    }
  });
});
