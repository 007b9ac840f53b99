import { describe, expect, it } from 'vitest';
import {
  checkReturnInput,
  DEFAULT_NURTURE_LISTS,
  DEFAULT_REASONS,
  findReason,
  SYSTEM_REASONS,
  type Reason,
} from './reasons.ts';
import { DAY, local, plus } from './testing/leads.ts';

const reason = (code: string): Reason =>
  findReason(DEFAULT_REASONS, code) ?? expect.fail(`no reason ${code}`);

describe('the default reason taxonomy (DESIGN §2)', () => {
  it.each([
    // reject: before contact, marketing ops fixes it — the lead waits in the review list
    ['wrong_owner', 'reject', 'ops_review'],
    ['duplicate', 'reject', 'ops_review'],
    ['bad_data', 'reject', 'ops_review'],
    ['existing_customer', 'reject', 'ops_review'],
    ['already_in_pipeline', 'reject', 'ops_review'],
    // disqualify: permanent, no nurture
    ['competitor', 'disqualify', null],
    ['spam', 'disqualify', null],
    ['partner_vendor', 'disqualify', null],
    ['not_our_market', 'disqualify', null],
    // recycle: timing, back to a nurture list
    ['not_ready', 'recycle', 'nurture_timing'],
    ['no_budget', 'recycle', 'nurture_timing'],
    ['no_authority', 'recycle', 'nurture_champion'],
    ['unresponsive', 'recycle', 'nurture_reengage'],
    ['went_dark', 'recycle', 'nurture_reengage'],
    ['education_only', 'recycle', 'nurture_education'],
  ])('%s is a %s reason → list %s, offered to reps', (code, bucket, list) => {
    const r = reason(code);
    expect(r.bucket).toBe(bucket);
    expect(r.nurtureList).toBe(list);
    expect(r.repSelectable).toBe(true);
  });

  it('every list a reason points to exists', () => {
    const keys = DEFAULT_NURTURE_LISTS.map((l) => l.key);
    for (const r of DEFAULT_REASONS) if (r.nurtureList) expect(keys).toContain(r.nurtureList);
  });

  it('reason codes are unique', () => {
    const codes = DEFAULT_REASONS.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('disqualify reasons are permanent: no nurture list, no re-engage date', () => {
    for (const r of DEFAULT_REASONS.filter((x) => x.bucket === 'disqualify')) {
      expect(r.nurtureList).toBeNull();
      expect(r.reengageDateAllowed).toBe(false);
    }
  });

  it.each([
    ['untouched', 'recycle', false],
    ['stalled', 'recycle', false],
    ['went_dark', 'recycle', true],
    ['exhausted', 'disqualify', false],
    ['closed_lost', 'recycle', false],
  ])("Baton's own reason %s exists (%s); reps may pick it: %s", (code, bucket, repSelectable) => {
    expect(Object.values(SYSTEM_REASONS)).toContain(code);
    expect(reason(code).bucket).toBe(bucket);
    expect(reason(code).repSelectable).toBe(repSelectable);
  });

  it.each([
    ['wrong_owner', true],
    ['spam', true],
    ['not_ready', false],
    // a lead nobody worked is sales' miss, not marketing's lead quality
    ['untouched', false],
    ['closed_lost', false],
  ])('%s counts in the reject rate: %s', (code, counts) => {
    expect(reason(code).countsAsReject).toBe(counts);
  });
});

describe('checkReturnInput', () => {
  const now = local('2026-01-12T10:00');
  const later = plus(now, 30 * DAY);
  const earlier = plus(now, -DAY);

  it.each([
    ['a plain valid return', { reason: 'wrong_owner' }, []],
    ['note required, none given', { reason: 'duplicate' }, ['note']],
    ['note required, only whitespace', { reason: 'duplicate', note: '  \n\t ' }, ['note']],
    ['note required and given', { reason: 'duplicate', note: 'same as lead 123' }, []],
    [
      're-engage date on a reason that does not take one',
      { reason: 'competitor', reengageAt: later },
      ['reengageAt'],
    ],
    ['re-engage date in the past', { reason: 'not_ready', reengageAt: earlier }, ['reengageAt']],
    [
      're-engage date equal to now (not in the future)',
      { reason: 'not_ready', reengageAt: now },
      ['reengageAt'],
    ],
    ['re-engage date in the future', { reason: 'not_ready', reengageAt: later }, []],
    ['two problems at once', { reason: 'no_authority', reengageAt: earlier }, ['note', 'reengageAt']],
    ['a reason only Baton uses (untouched)', { reason: 'untouched' }, ['reason']],
    ['a reason only Baton uses (exhausted)', { reason: 'exhausted' }, ['reason']],
    ['a reason only Baton uses (closed_lost)', { reason: 'closed_lost' }, ['reason']],
    ['an unknown reason', { reason: 'bored' }, ['reason']],
    ['an empty reason', { reason: '' }, ['reason']],
  ])('%s → %j', (_label, input, fields) => {
    expect(checkReturnInput(DEFAULT_REASONS, input, now).map((p) => p.field)).toEqual(fields);
  });

  it('names the reason in its messages', () => {
    expect(checkReturnInput(DEFAULT_REASONS, { reason: 'duplicate' }, now)).toEqual([
      { field: 'note', message: 'A note is required for "Duplicate of another lead"' },
    ]);
    expect(checkReturnInput(DEFAULT_REASONS, { reason: 'untouched' }, now)).toEqual([
      { field: 'reason', message: '"untouched" is not a reason reps can pick' },
    ]);
  });
});
