import { describe, expect, it } from 'vitest';
import { pickRep, repsOverCapacity, type RoutableRep } from './routing.ts';

const reps: RoutableRep[] = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

describe('pickRep (round robin, capacity-aware, never back to a rep who returned the lead)', () => {
  it.each([
    ['first lead: the first rep', {}, [], null, { ownerId: 'a' }],
    ['the one after the last assigned', {}, [], 'a', { ownerId: 'b' }],
    ['wraps around', {}, [], 'c', { ownerId: 'a' }],
    ['unknown last assigned: from the start', {}, [], 'zed', { ownerId: 'a' }],
    ['skips the rep who returned the lead', {}, ['b'], 'a', { ownerId: 'c' }],
    ['skips a rep at capacity (40 of 40)', { b: 40 }, [], 'a', { ownerId: 'c' }],
    ['a rep one below capacity is still eligible', { b: 39 }, [], 'a', { ownerId: 'b' }],
    ['skips several', { b: 41, c: 40 }, [], 'a', { ownerId: 'a' }],
    ['everyone returned it', {}, ['a', 'b', 'c'], null, { ownerId: null, why: 'all_excluded' }],
    ['everyone is full', { a: 40, b: 40, c: 45 }, [], null, { ownerId: null, why: 'all_over_capacity' }],
    ['the rest is full', { a: 40, c: 40 }, ['b'], null, { ownerId: null, why: 'all_over_capacity' }],
  ])('%s', (_label, openLeads, exclude, lastAssigned, pick) => {
    expect(pickRep({ reps, openLeads, defaultCapacity: 40, exclude, lastAssigned })).toEqual(pick);
  });

  it("uses a rep's own capacity over the default", () => {
    const withCap: RoutableRep[] = [{ id: 'a' }, { id: 'b', capacity: 5 }];
    const base = { reps: withCap, defaultCapacity: 40, exclude: [], lastAssigned: 'a' };
    expect(pickRep({ ...base, openLeads: { b: 5 } })).toEqual({ ownerId: 'a' });
    expect(pickRep({ ...base, openLeads: { b: 4 } })).toEqual({ ownerId: 'b' });
  });

  it('skips a rep who is away', () => {
    const team: RoutableRep[] = [{ id: 'a' }, { id: 'b', away: true }, { id: 'c' }];
    const base = { reps: team, openLeads: {}, defaultCapacity: 40, exclude: [] };
    expect(pickRep({ ...base, lastAssigned: 'a' })).toEqual({ ownerId: 'c' });
    expect(pickRep({ ...base, lastAssigned: null })).toEqual({ ownerId: 'a' });
  });

  it('a rep back from being away has kept their place in the rotation', () => {
    const away: RoutableRep[] = [{ id: 'a' }, { id: 'b', away: true }, { id: 'c' }];
    const back: RoutableRep[] = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const base = { openLeads: {}, defaultCapacity: 40, exclude: [] };
    // While away: a → c → a → c …
    expect(pickRep({ ...base, reps: away, lastAssigned: 'a' })).toEqual({ ownerId: 'c' });
    expect(pickRep({ ...base, reps: away, lastAssigned: 'c' })).toEqual({ ownerId: 'a' });
    // Back: after a comes b again, as before.
    expect(pickRep({ ...base, reps: back, lastAssigned: 'a' })).toEqual({ ownerId: 'b' });
  });

  it('everyone who could take it is away', () => {
    const team: RoutableRep[] = [{ id: 'a', away: true }, { id: 'b' }];
    expect(
      pickRep({ reps: team, openLeads: {}, defaultCapacity: 40, exclude: ['b'], lastAssigned: null }),
    ).toEqual({ ownerId: null, why: 'all_away' });
  });

  it('no reps configured', () => {
    expect(
      pickRep({ reps: [], openLeads: {}, defaultCapacity: 40, exclude: [], lastAssigned: null }),
    ).toEqual({
      ownerId: null,
      why: 'no_reps',
    });
  });
});

describe('repsOverCapacity', () => {
  it('lists reps with more open leads than their capacity', () => {
    const capacity = (id: string) => (id === 'small' ? 5 : 40);
    expect(repsOverCapacity({ a: 41, b: 40, small: 6, c: 3 }, capacity)).toEqual([
      { repId: 'a', open: 41, capacity: 40 },
      { repId: 'small', open: 6, capacity: 5 },
    ]);
  });
});
