// A disqualification in the CRM's lead workspace: a return with the mapped reason, held when Baton would have to
// guess (no reason, an unmapped one, a note the reason needs), ignored when it is not about the current hand-off.
import { describe, expect, it } from 'vitest';
import { leadObjectVerdict, type CrmDisqualification } from './leadObjectReturn.ts';
import { parsePolicy } from './policy/schema.ts';
import { assignedLead, DAY, HOUR, leadAt, local, plus, policyWith } from './testing/leads.ts';

const assignedAt = local('2026-03-02T10:00');
const policy = policyWith();
const lead = assignedLead('501', assignedAt, { policy });
const disqualified = (over: Partial<CrmDisqualification> = {}): CrmDisqualification => ({
  recordId: 'L1',
  reason: 'BAD_TIMING',
  reasonLabel: 'Bad Timing',
  note: null,
  at: plus(assignedAt, 3 * HOUR),
  byUserId: '77',
  ...over,
});

describe('a Lead record disqualified in the prospecting workspace', () => {
  it('is a return with the Baton reason the policy maps its option to, by value or by label', () => {
    const verdict = leadObjectVerdict(lead, disqualified(), policy);
    expect(verdict).toEqual({
      kind: 'return',
      event: { kind: 'returned', at: plus(assignedAt, 3 * HOUR), byUserId: '77', reason: 'not_ready' },
    });
    const byLabelOnly = leadObjectVerdict(
      lead,
      disqualified({ reason: '1234', reasonLabel: 'No Response' }),
      policy,
    );
    expect(byLabelOnly).toMatchObject({ kind: 'return', event: { reason: 'unresponsive' } });
    const byValueOnly = leadObjectVerdict(
      lead,
      disqualified({ reason: 'NO_RESPONSE', reasonLabel: null }),
      policy,
    );
    expect(byValueOnly).toMatchObject({ kind: 'return', event: { reason: 'unresponsive' } });
  });

  it('carries the rep’s note, and an unknown user as "unknown"', () => {
    const verdict = leadObjectVerdict(lead, disqualified({ note: '  Q3 budget  ', byUserId: null }), policy);
    expect(verdict).toMatchObject({ kind: 'return', event: { note: 'Q3 budget', byUserId: 'unknown' } });
  });

  it('without a reason is held, saying what the rep can do', () => {
    const verdict = leadObjectVerdict(lead, disqualified({ reason: null, reasonLabel: null }), policy);
    expect(verdict).toEqual({
      kind: 'held',
      why: "Disqualified without a reason: pick one on the lead, or return it from Baton's card",
    });
  });

  it('with a reason the policy does not map is held, naming the option and where to map it', () => {
    const verdict = leadObjectVerdict(
      lead,
      disqualified({ reason: 'PRIOR_NEGATIVE_EXPERIENCE', reasonLabel: 'Prior Negative Experience' }),
      policy,
    );
    expect(verdict.kind).toBe('held');
    expect(verdict.kind === 'held' && verdict.why).toContain('"Prior Negative Experience"');
    expect(verdict.kind === 'held' && verdict.why).toContain('leadObjects.reasonMap');
  });

  it('with a reason whose Baton reason needs a note is held until the note is there', () => {
    const noNote = disqualified({ reason: 'WRONG_DATA', reasonLabel: 'Wrong Data' });
    expect(leadObjectVerdict(lead, noNote, policy)).toMatchObject({ kind: 'held' });
    expect(leadObjectVerdict(lead, { ...noNote, note: 'Email bounces' }, policy)).toMatchObject({
      kind: 'return',
      event: { reason: 'bad_data', note: 'Email bounces' },
    });
  });

  it('follows the admin’s mapping, including for options Baton has no default for', () => {
    const mapped = policyWith({ leadObjects: { reasonMap: { 'Prior Negative Experience': 'not_ready' } } });
    const verdict = leadObjectVerdict(
      assignedLead('501', assignedAt, { policy: mapped }),
      disqualified({ reason: 'PRIOR_NEGATIVE_EXPERIENCE', reasonLabel: 'Prior Negative Experience' }),
      mapped,
    );
    expect(verdict).toMatchObject({ kind: 'return', event: { reason: 'not_ready' } });
    // The admin's map replaces the defaults: an option mapped only by default is now unmapped.
    expect(leadObjectVerdict(lead, disqualified(), mapped).kind).toBe('held');
  });

  it('is not news when it is older than the hand-off, already acted on, or the lead is not with sales', () => {
    expect(leadObjectVerdict(lead, disqualified({ at: plus(assignedAt, -DAY) }), policy).kind).toBe(
      'not_news',
    );
    const returned = { ...lead, returnedAt: plus(assignedAt, 3 * HOUR) };
    expect(leadObjectVerdict(returned, disqualified(), policy).kind).toBe('not_news');
    expect(leadObjectVerdict(leadAt('recycled', assignedAt), disqualified(), policy).kind).toBe('not_news');
    expect(leadObjectVerdict(null, disqualified(), policy).kind).toBe('not_news');
    // Even a disqualification Baton would hold is not held for a lead that is not with sales.
    expect(leadObjectVerdict(leadAt('mql', assignedAt), disqualified({ reason: null }), policy).kind).toBe(
      'not_news',
    );
  });
});

describe('policy leadObjects', () => {
  it('defaults to following Lead records with the field-seen reasons mapped', () => {
    expect(policy.leadObjects.enabled).toBe(true);
    expect(policy.leadObjects.reasonMap['No Response']).toBe('unresponsive');
  });

  it('refuses a mapping to a reason reps cannot pick, naming the option', () => {
    const result = parsePolicy({ leadObjects: { reasonMap: { 'Bad Timing': 'untouched', Other: 'nope' } } });
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.problems.map((p) => p.field);
    expect(paths).toEqual(
      expect.arrayContaining(['leadObjects.reasonMap.Bad Timing', 'leadObjects.reasonMap.Other']),
    );
  });

  it('refuses unknown fields and non-boolean switches', () => {
    expect(parsePolicy({ leadObjects: { enabled: 'yes' } }).ok).toBe(false);
    expect(parsePolicy({ leadObjects: { createRecords: true } }).ok).toBe(false);
  });
});
