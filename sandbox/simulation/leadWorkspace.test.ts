// Reps who work HubSpot Lead records instead of Baton's card: who they are (from the seed), the Lead record the
// assignment workflow creates for them, their outreach moving it, and their disqualifications in place of card
// returns (reason options, notes, some left without a reason). The sandbox portal alone, no Baton, no HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { bootstrapPortal, createHubSpotSandbox, type HubSpotSandbox } from '../hubspot/index.ts';
import { seed as seedProperty, toDefinition } from '../hubspot/model/propertySeed.ts';
import { SANDBOX_REPS } from '../mode/sandboxPortal.ts';
import { ActionScheduler, runDueActions } from './actionScheduler.ts';
import { assignmentWorkflow } from './assignmentWorkflow.ts';
import { DAY } from './businessTime.ts';
import { generateLead } from './leadGenerator.ts';
import { listName } from './demoMetrics.ts';
import { leadObjectMetrics } from './leadObjectMetrics.ts';
import {
  LEAD_REASON_OPTIONS,
  NO_REASON_SHARE,
  OPTION_FOR_REASON,
  leadDisqualification,
} from './leadReasonOptions.ts';
import { dice } from './randomness.ts';
import { untouchedReturn, workedReturn } from './returnReasons.ts';
import { SCENARIOS, type PersonaName } from './scenario.ts';
import { repsOf, type SimulationContext } from './simulationContext.ts';
import { emptyStats } from './simulationStats.ts';
import { leadWorkspaceReps } from './workspaceReps.ts';

const START = Date.parse('2026-10-05T12:00:00.000Z'); // a Monday, 08:00 in New York
const sandboxes: HubSpotSandbox[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((s) => s.close()));
});

/** The demo's portal (five reps) and a simulation context around it, on a clock the test moves. */
function world(seed: number, opts: { leadsObject?: boolean; leadRepsOnly?: boolean } = {}) {
  let now = START;
  const sandbox = createHubSpotSandbox({ clock: { now: () => now }, rateLimits: false });
  sandboxes.push(sandbox);
  const { portal } = bootstrapPortal(sandbox.state, {
    owners: SANDBOX_REPS,
    ...(opts.leadsObject !== undefined && { leadsObject: opts.leadsObject }),
  });
  // Baton provisions baton_stage at install; here the test plays Baton marking contacts MQL.
  portal
    .properties('contacts')
    .create(toDefinition(seedProperty('baton_stage', 'Baton stage', 'string', 'contactinformation'), 0, now));
  const reps = repsOf(portal, SCENARIOS.small, seed);
  const ctx: SimulationContext = {
    portal,
    scenario: { ...SCENARIOS.small, seed },
    seed,
    clock: { now: () => new Date(now) },
    scheduler: new ActionScheduler(),
    stats: emptyStats(),
    card: { batonUrl: 'http://127.0.0.1:9', clientSecret: 'unused' },
    reps: opts.leadRepsOnly ? reps.filter((r) => r.workspace === 'leads') : reps,
    people: new Map(),
    returnedBy: new Map(),
    handoffs: new Map(),
    reengageDates: new Map(),
  };
  const mql = (persona: PersonaName, n: number) => {
    const lead = generateLead(dice(seed, 'test-person', n), persona, n);
    const c = portal.createContact(lead.properties, { source: 'FORM', at: now });
    ctx.people.set(c.id, lead);
    portal.setProperties(c.id, { baton_stage: 'mql' }, { source: 'INTEGRATION', sourceId: '1', at: now });
    return c.id;
  };
  /** Moves the clock on and runs what is due, as the stepped driver does. */
  const runUntil = async (untilMs: number) => {
    for (let t = now; t < untilMs;) {
      t = Math.min(untilMs, t + 3_600_000);
      now = t;
      await runDueActions({ scheduler: ctx.scheduler, now: () => now, errors: ctx.stats.errors }, t, [
        'assign',
        'work',
      ]);
    }
  };
  return { portal, ctx, mql, runUntil, now: () => now };
}

describe('which reps work Lead records', () => {
  it('about a third, the same for a seed, and none without the Leads object', () => {
    const picked = leadWorkspaceReps(5, 7, true);
    expect(picked.size).toBe(2);
    expect([...leadWorkspaceReps(5, 7, true)]).toEqual([...picked]);
    expect(leadWorkspaceReps(6, 42, true).size).toBe(2);
    expect(leadWorkspaceReps(1, 7, true).size).toBe(0);
    expect(leadWorkspaceReps(5, 7, false).size).toBe(0);
    const choices = new Set(
      [1, 2, 3, 4, 5, 6, 7, 8].map((s) => [...leadWorkspaceReps(5, s, true)].sort().join()),
    );
    expect(choices.size).toBeGreaterThan(1);
  });

  it("marks the portal's reps by the seed", () => {
    const { ctx } = world(7);
    const onLeads = ctx.reps.filter((r) => r.workspace === 'leads').map((r) => r.name);
    expect(onLeads).toHaveLength(2);
    expect(
      world(7)
        .ctx.reps.filter((r) => r.workspace === 'leads')
        .map((r) => r.name),
    ).toEqual(onLeads);
    expect(world(7, { leadsObject: false }).ctx.reps.every((r) => r.workspace === 'card')).toBe(true);
  });
});

describe('the reason a rep picks when disqualifying', () => {
  const intents = (d: ReturnType<typeof dice>) => [
    ...(['competitor', 'student', 'job_seeker', 'casual', 'evaluator'] as const).map((p) =>
      untouchedReturn(generateLead(d, p, 1), d),
    ),
    workedReturn(generateLead(d, 'researcher', 2), d),
    workedReturn(generateLead(d, 'evaluator', 3), d),
  ];

  it('maps every intent to a portal option, with a note where Baton needs one; ~12% leave it empty', () => {
    let empty = 0;
    let total = 0;
    for (let i = 0; i < 400; i++) {
      const d = dice(3, 'intent', i);
      for (const choice of intents(d)) {
        const picked = leadDisqualification(choice, dice(3, 'pick', i, total++));
        if (picked.reason === null) {
          empty++;
          continue;
        }
        expect(LEAD_REASON_OPTIONS).toContain(picked.reason);
        expect(picked.reason).toBe(OPTION_FOR_REASON[choice.reason]);
        if (['NO_DECISION_MAKING_POWER', 'NOT_A_GOOD_FIT', 'WRONG_DATA'].includes(picked.reason))
          expect(picked.note).toBeTruthy();
      }
    }
    expect(empty / total).toBeGreaterThan(NO_REASON_SHARE - 0.03);
    expect(empty / total).toBeLessThan(NO_REASON_SHARE + 0.03);
  });

  it('keeps the intent in the option: timing reasons their own, permanent ones not a fit, data problems wrong data', () => {
    expect(OPTION_FOR_REASON).toMatchObject({
      not_ready: 'BAD_TIMING',
      no_budget: 'BUDGET_CONSTRAINTS',
      no_authority: 'NO_DECISION_MAKING_POWER',
      unresponsive: 'NO_RESPONSE',
      education_only: 'NO_COMMERCIAL_INTEREST',
      competitor: 'NOT_A_GOOD_FIT',
      duplicate: 'WRONG_DATA',
    });
  });
});

describe('lead-workspace reps in the portal', () => {
  it('the workflow creates a Lead record for lead-workspace reps only, owned by the rep', async () => {
    const { portal, ctx, mql, runUntil, now } = world(7);
    const contacts = Array.from({ length: 10 }, (_, i) => mql('hand_raiser', i));
    assignmentWorkflow(ctx).observe(now());
    await runUntil(now() + 3_600_000);
    expect(ctx.stats.assignments).toBe(10);
    for (const id of contacts) {
      const rep = ctx.reps.find((r) => r.ownerId === portal.contact(id)?.properties['hubspot_owner_id']);
      const leads = portal.leadsOfContact(id);
      if (rep?.workspace === 'leads') {
        expect(leads).toHaveLength(1);
        expect(leads[0]?.properties['hubspot_owner_id']).toBe(rep.ownerId);
        expect(leads[0]?.history['hs_pipeline_stage']?.[0]?.sourceId).toBe('workflow:lead-assignment');
      } else expect(leads).toEqual([]);
    }
    expect(ctx.stats.leadRecords.created).toBe(portal.leads().length);
    expect(portal.leads().length).toBe(4); // two of five reps in the rotation
  });

  it('they reach out (the lead moves on) and disqualify through the portal instead of the card, some without a reason', async () => {
    const run = async (seed: number) => {
      const w = world(seed, { leadRepsOnly: true });
      // Odd leads are mostly sent back before any contact; buyers after a few touches, now and then.
      const personas: PersonaName[] = ['competitor', 'student', 'job_seeker', 'evaluator', 'researcher'];
      for (let i = 0; i < 60; i++) w.mql(personas[i % personas.length] ?? 'evaluator', i);
      assignmentWorkflow(w.ctx).observe(w.now());
      await w.runUntil(w.now() + 30 * DAY);
      return w;
    };
    const { portal, ctx } = await run(7);
    expect(ctx.stats.errors).toEqual([]);
    expect(ctx.stats.returns.sent).toBe(0); // no card clicks
    const disqualified = portal
      .leads()
      .filter((l) => l.properties['hs_pipeline_stage'] === 'unqualified-stage-id');
    expect(disqualified.length).toBe(ctx.stats.leadRecords.disqualified);
    expect(disqualified.length).toBeGreaterThan(20);
    // Some were saved without a reason; each such rep gave it on the record at 10:00 the next working day (the
    // contact is still theirs: no Baton here recycles it meanwhile).
    const reasonless = ctx.stats.leadRecords.reasons['none'] ?? 0;
    expect(reasonless).toBeGreaterThan(0);
    expect(reasonless).toBeLessThan(disqualified.length * 0.25);
    expect(ctx.stats.leadRecords.reasonsGivenLater).toBe(reasonless);
    expect(disqualified.filter((l) => !l.properties['hs_lead_disqualification_reason'])).toEqual([]);
    const reasonAt = (l: (typeof disqualified)[number]) =>
      l.history['hs_lead_disqualification_reason']?.at(-1)?.timestamp ?? 0;
    const stageAt = (l: (typeof disqualified)[number]) =>
      l.history['hs_pipeline_stage']?.at(-1)?.timestamp ?? 0;
    const givenLater = disqualified.filter((l) => reasonAt(l) !== stageAt(l));
    expect(givenLater).toHaveLength(reasonless);
    for (const l of givenLater) {
      const local = new Date(reasonAt(l)).toLocaleString('en-US', {
        timeZone: 'America/New_York',
        hour12: false,
      });
      expect(local).toMatch(/, 10:00:00$/);
      expect(reasonAt(l) - stageAt(l)).toBeGreaterThan(0);
      expect(reasonAt(l) - stageAt(l)).toBeLessThan(4 * DAY);
    }
    for (const l of disqualified) {
      const stage = l.history['hs_pipeline_stage']?.at(-1);
      expect(stage?.sourceType).toBe('CRM_UI');
      expect(ctx.reps.map((r) => `userId:${r.userId}`)).toContain(stage?.sourceId);
    }
    // The reps' calls and emails moved the leads they worked past New (the sandbox's outreach automation).
    const worked = portal.leads().filter((l) => l.properties['hs_lead_first_outreach_date']);
    expect(worked.length).toBeGreaterThan(0);
    expect(leadObjectMetrics(portal, START)).toEqual({
      leadObjects: 60,
      leadObjectsDisqualified: disqualified.length,
      leadObjectReturnsRecycled: 0, // nobody recycles them: Baton is not running
    });

    // Deterministic per seed; another seed decides otherwise.
    const summary = (p: typeof portal) =>
      p
        .leads()
        .map((l) => [
          l.id,
          l.properties['hs_pipeline_stage'],
          l.properties['hs_lead_disqualification_reason'],
        ]);
    const first = summary(portal);
    const again = await run(7);
    expect(summary(again.portal)).toEqual(first);
    const other = await run(8);
    expect(summary(other.portal)).not.toEqual(first);
  });
});

describe("the demo's Lead record figures", () => {
  it('count records created, disqualified, and returns now in the list their reason leads to', () => {
    const { portal, ctx, mql, now } = world(7);
    const [rep] = ctx.reps;
    const list = (key: string, n: number) =>
      portal.lists.create({
        listId: String(n),
        name: listName(key),
        objectTypeId: '0-1',
        processingType: 'MANUAL',
        listVersion: 1,
        createdAt: now(),
        updatedAt: now(),
        filtersUpdatedAt: now(),
        createdById: '1',
        members: new Map(),
      });
    const timing = list('nurture_timing', 1);
    const untouched = list('nurture_untouched', 2);
    const join = (l: typeof timing, id: string) => l.members.set(id, { firstAdded: now(), lastAdded: now() });
    const lead = (reason: string | null) => {
      const id = mql('evaluator', portal.contacts().length);
      const l = portal.createLead(id, rep?.ownerId);
      portal.disqualifyLead(l.id, reason, 'note');
      return id;
    };
    join(timing, lead('BAD_TIMING')); // recycled by its return: counts
    join(timing, lead(null)); // no reason (Baton holds it): does not count
    join(untouched, lead('WRONG_DATA')); // in a list, but not the one its reason leads to
    lead('BUDGET_CONSTRAINTS'); // not (yet) in its list
    lead('TECHNICAL_LIMITATIONS'); // unmapped
    portal.createLead(mql('evaluator', 99), rep?.ownerId); // still open
    expect(leadObjectMetrics(portal, START)).toEqual({
      leadObjects: 6,
      leadObjectsDisqualified: 5,
      leadObjectReturnsRecycled: 1,
    });
    expect(leadObjectMetrics(portal, now() + 1).leadObjects).toBe(0);
  });
});
