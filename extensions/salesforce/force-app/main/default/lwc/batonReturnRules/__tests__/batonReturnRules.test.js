import {
  CONVERTED,
  NO_FIELD_ACCESS,
  NO_PERMISSION,
  NOT_TRACKED,
  blockedReason,
  checkReturn,
  reasonOf,
} from 'c/batonReturnRules';
import { NOT_RETURNABLE_WHY, REP_REASONS, RETURNABLE_STAGES } from 'c/batonReasons';

const TODAY = '2026-11-24';
const STAGES = { returnableStages: RETURNABLE_STAGES, notReturnableWhy: NOT_RETURNABLE_WHY };
const check = (input) => checkReturn(input, TODAY, REP_REASONS);

describe('reasonOf', () => {
  it('finds a reason reps may pick by its code', () => {
    expect(reasonOf('no_budget', REP_REASONS)).toEqual(REP_REASONS.find((r) => r.code === 'no_budget'));
  });

  it("knows nothing of Baton's own reasons or made-up ones", () => {
    expect(reasonOf('untouched', REP_REASONS)).toBeUndefined();
    expect(reasonOf('made_up', REP_REASONS)).toBeUndefined();
    expect(reasonOf('', REP_REASONS)).toBeUndefined();
  });

  it('looks only in the reasons it is given', () => {
    const only = [
      { code: 'x', label: 'X', bucket: 'reject', noteRequired: false, reengageDateAllowed: false },
    ];
    expect(reasonOf('x', only)).toBe(only[0]);
    expect(reasonOf('no_budget', only)).toBeUndefined();
  });
});

describe('checkReturn', () => {
  describe('takes a valid return', () => {
    it.each([
      ['a reason without a note', { reason: 'wrong_owner' }],
      ['a reason with an empty note and no date', { reason: 'spam', note: '', reengageAt: '' }],
      ['a required note', { reason: 'duplicate', note: 'Same person as 00Q5g00000XyZ' }],
      ['a re-engage date after today', { reason: 'not_ready', reengageAt: '2026-11-25' }],
      [
        'a required note and a later date',
        { reason: 'no_authority', note: 'The VP decides.', reengageAt: '2027-01-15' },
      ],
      ['no date for a reason that takes one', { reason: 'unresponsive', reengageAt: null }],
    ])('%s', (_what, input) => {
      expect(check(input)).toEqual([]);
    });

    it('for every reason a rep may pick, with a note and, where allowed, a date', () => {
      REP_REASONS.forEach((r) => {
        const input = { reason: r.code, note: 'Why', reengageAt: r.reengageDateAllowed ? '2027-01-01' : '' };
        expect([r.code, check(input)]).toEqual([r.code, []]);
      });
    });
  });

  it.each(['made_up', 'untouched', ''])('refuses a reason reps cannot pick: "%s"', (code) => {
    expect(check({ reason: code, note: 'Why' })).toEqual([
      { field: 'reason', message: `"${code}" is not a reason reps can pick` },
    ]);
  });

  it.each([undefined, null, ''])('asks for the note a reason requires (note %p)', (note) => {
    expect(check({ reason: 'bad_data', note })).toEqual([
      { field: 'note', message: 'A note is required for "Bad or incomplete contact data"' },
    ]);
  });

  it('does not take a note of only spaces', () => {
    expect(check({ reason: 'not_our_market', note: ' \n\t ' })).toEqual([
      { field: 'note', message: 'A note is required for "Not our market"' },
    ]);
  });

  it('refuses a re-engage date for a reason that takes none', () => {
    expect(check({ reason: 'competitor', reengageAt: '2027-01-15' })).toEqual([
      { field: 'reengageAt', message: '"Competitor" does not take a re-engage date' },
    ]);
    expect(check({ reason: 'education_only', reengageAt: '2027-01-15' })).toEqual([
      {
        field: 'reengageAt',
        message: '"Education only (learning, not buying)" does not take a re-engage date',
      },
    ]);
  });

  it.each([TODAY, '2026-11-23', '2025-12-31'])('wants a re-engage date after today, not %s', (date) => {
    expect(check({ reason: 'no_budget', reengageAt: date })).toEqual([
      { field: 'reengageAt', message: 'The re-engage date must be in the future' },
    ]);
  });

  it('reports every problem at once, the note first', () => {
    expect(check({ reason: 'duplicate', note: ' ', reengageAt: '2027-01-15' })).toEqual([
      { field: 'note', message: 'A note is required for "Duplicate of another lead"' },
      { field: 'reengageAt', message: '"Duplicate of another lead" does not take a re-engage date' },
    ]);
    expect(check({ reason: 'no_authority', reengageAt: TODAY })).toEqual([
      { field: 'note', message: 'A note is required for "No authority (not the buyer)"' },
      { field: 'reengageAt', message: 'The re-engage date must be in the future' },
    ]);
  });
});

describe('blockedReason', () => {
  const lead = (overrides = {}) => ({
    converted: false,
    batonFieldsVisible: true,
    stage: 'assigned',
    requestedAt: null,
    ...overrides,
  });
  const why = (state) => blockedReason({ hasPermission: true, ...state }, STAGES);

  it.each(RETURNABLE_STAGES)('lets the rep return a lead in stage %s', (stage) => {
    expect(why({ lead: lead({ stage }) })).toBeNull();
  });

  it('says nothing while the lead loads', () => {
    expect(why({ lead: undefined })).toBeNull();
    expect(why({ lead: null })).toBeNull();
  });

  it('needs the "Baton" permission set, before anything else (even before the lead loads)', () => {
    expect(blockedReason({ hasPermission: false }, STAGES)).toBe(NO_PERMISSION);
    expect(blockedReason({ hasPermission: false, lead: lead({ converted: true }) }, STAGES)).toBe(
      NO_PERMISSION,
    );
    expect(NO_PERMISSION).toContain('ask your Salesforce admin to assign you the "Baton" permission set');
  });

  it('refuses a converted lead, whatever its stage', () => {
    expect(why({ lead: lead({ converted: true }) })).toBe(CONVERTED);
    expect(why({ lead: lead({ converted: true, batonFieldsVisible: false }) })).toBe(CONVERTED);
    expect(CONVERTED).toBe(
      'This lead was converted, and Salesforce does not allow changes to converted leads.',
    );
  });

  it("says so when the rep cannot see Baton's fields", () => {
    expect(why({ lead: lead({ batonFieldsVisible: false, stage: undefined }) })).toBe(NO_FIELD_ACCESS);
    expect(NO_FIELD_ACCESS).toContain('assign you the "Baton" permission set');
  });

  it('refuses while an earlier return is waiting for Baton, with when it was asked', () => {
    expect(why({ lead: lead({ requestedAt: 'Nov 24, 2026, 9:30 AM' }) })).toBe(
      'A return was already requested on Nov 24, 2026, 9:30 AM; Baton is handling it.',
    );
  });

  it.each([null, undefined, ''])('says so when Baton has not picked the lead up (stage %p)', (stage) => {
    expect(why({ lead: lead({ stage }) })).toBe(NOT_TRACKED);
    expect(NOT_TRACKED).toContain('Baton has not picked this lead up yet');
  });

  it.each(Object.entries(NOT_RETURNABLE_WHY))('says why for a lead in stage %s', (stage, words) => {
    expect(why({ lead: lead({ stage }) })).toBe(words);
  });

  it('covers every stage: returnable, or with its words', () => {
    const stages = [...RETURNABLE_STAGES, ...Object.keys(NOT_RETURNABLE_WHY)];
    expect(new Set(stages).size).toBe(stages.length);
    expect(RETURNABLE_STAGES.filter((s) => s in NOT_RETURNABLE_WHY)).toEqual([]);
  });

  it('names a stage it has no words for', () => {
    expect(why({ lead: lead({ stage: 'archived' }) })).toBe(
      'This lead cannot be returned now (Baton stage: archived).',
    );
  });

  it('checks in order: converted, field access, a waiting request, tracking, stage', () => {
    const all = { converted: true, batonFieldsVisible: false, requestedAt: 'today', stage: 'won' };
    expect(why({ lead: lead(all) })).toBe(CONVERTED);
    expect(why({ lead: lead({ ...all, converted: false }) })).toBe(NO_FIELD_ACCESS);
    expect(why({ lead: lead({ ...all, converted: false, batonFieldsVisible: true }) })).toContain(
      'A return was already requested on today',
    );
    expect(why({ lead: lead({ stage: null, requestedAt: null }) })).toBe(NOT_TRACKED);
    expect(why({ lead: lead({ stage: 'won' }) })).toBe(NOT_RETURNABLE_WHY.won);
  });

  it('uses the stages it is given', () => {
    const only = { returnableStages: ['won'], notReturnableWhy: { assigned: 'Not here.' } };
    expect(blockedReason({ hasPermission: true, lead: lead({ stage: 'won' }) }, only)).toBeNull();
    expect(blockedReason({ hasPermission: true, lead: lead({ stage: 'assigned' }) }, only)).toBe('Not here.');
  });
});
