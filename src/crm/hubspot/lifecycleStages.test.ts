// A portal's lifecycle stages as Baton keeps them: meanings found by internal value whatever the labels and order,
// a policy's value where the portal lacks the default one, and a problem with the fix where neither exists.
import { describe, expect, it } from 'vitest';
import { contactToLead } from './contactMapping.ts';
import {
  HUBSPOT_DEFAULT_STAGES,
  lifecycleOf,
  resolveLifecycleStages,
  setsInTwoSteps,
  type StageOption,
} from './lifecycleStages.ts';

const options = (...stages: Array<[value: string, label: string]>): StageOption[] =>
  stages.map(([value, label], displayOrder) => ({ value, label, displayOrder }));

/** Renamed defaults, two custom stages, Evangelist deleted. */
const customised = options(
  ['subscriber', 'Newsletter'],
  ['lead', 'Prospect'],
  ['1082354917', 'Nurture'],
  ['marketingqualifiedlead', 'Marketing Qualified'],
  ['salesqualifiedlead', 'Sales Qualified'],
  ['opportunity', 'In Deal'],
  ['customer', 'Client'],
  ['other', 'Other'],
);

describe('lifecycle stages of a portal', () => {
  it('finds each meaning by internal value, whatever the stage is called, and keeps the portal’s order', () => {
    const { stages, problems } = resolveLifecycleStages(customised);
    expect(problems).toEqual([]);
    expect(stages.valueOf).toEqual({
      subscriber: 'subscriber',
      lead: 'lead',
      mql: 'marketingqualifiedlead',
      sql: 'salesqualifiedlead',
      opportunity: 'opportunity',
      customer: 'customer',
      other: 'other',
    });
    expect(stages.order.slice(0, 4)).toEqual(['subscriber', 'lead', '1082354917', 'marketingqualifiedlead']);
    expect(lifecycleOf(stages, '1082354917')).toBe('unknown');
    expect(lifecycleOf(stages, 'customer')).toBe('customer');
  });

  it('orders by displayOrder, not by the order the options arrive in', () => {
    const { stages } = resolveLifecycleStages([
      { value: 'marketingqualifiedlead', label: 'MQL', displayOrder: 2 },
      { value: 'lead', label: 'Lead', displayOrder: 1 },
    ]);
    expect(stages.order).toEqual(['lead', 'marketingqualifiedlead']);
  });

  it('reports a stage Baton needs that the portal does not have, with the mapping to set', () => {
    const { stages, problems } = resolveLifecycleStages(
      customised.filter((o) => o.value !== 'marketingqualifiedlead'),
    );
    expect(stages.valueOf.mql).toBeUndefined();
    expect(problems).toEqual([
      {
        what: 'This portal has no lifecycle stage "Marketing Qualified Lead" (internal value marketingqualifiedlead), so Baton cannot set a lead it qualifies to MQL.',
        fix: expect.stringContaining('set lifecycleStages.mql to the internal value of the stage'),
      },
    ]);
    expect(problems[0]?.fix).toContain('Nurture = 1082354917');
  });

  it('a stage Baton only reads (subscriber, other) missing is no problem', () => {
    const { problems } = resolveLifecycleStages(
      customised.filter((o) => o.value !== 'subscriber' && o.value !== 'other'),
    );
    expect(problems).toEqual([]);
  });

  it('takes the value the policy chose where the portal lacks the default stage, and reads it back', () => {
    const mqlElsewhere = customised.filter((o) => o.value !== 'marketingqualifiedlead');
    const chosen = resolveLifecycleStages(mqlElsewhere, { mql: '1082354917', lead: 'nope' });
    expect(chosen.problems).toEqual([]);
    expect(chosen.stages.valueOf).toMatchObject({ mql: '1082354917', lead: 'lead' });
    const lead = contactToLead({ id: '1', properties: { lifecyclestage: '1082354917' } }, chosen.stages);
    expect(lead.lifecycle).toBe('mql');
    // A chosen value the portal does not have is reported as such.
    const wrong = resolveLifecycleStages(mqlElsewhere, { mql: '999' });
    expect(wrong.problems[0]?.what).toContain('no lifecycle stage with the internal value "999"');
  });

  it('sets in two steps a stage not after the lead stage; with HubSpot’s order, Lead only', () => {
    expect(setsInTwoSteps(HUBSPOT_DEFAULT_STAGES, 'lead')).toBe(true);
    expect(setsInTwoSteps(HUBSPOT_DEFAULT_STAGES, 'marketingqualifiedlead')).toBe(false);
    const { stages } = resolveLifecycleStages(options(['marketingqualifiedlead', 'MQL'], ['lead', 'Lead']));
    expect(setsInTwoSteps(stages, 'marketingqualifiedlead')).toBe(true);
  });

  it('reads HubSpot’s default values in any portal; an evangelist is a customer', () => {
    expect(lifecycleOf(HUBSPOT_DEFAULT_STAGES, 'evangelist')).toBe('customer');
    expect(lifecycleOf(HUBSPOT_DEFAULT_STAGES, 'salesqualifiedlead')).toBe('sql');
    expect(lifecycleOf(HUBSPOT_DEFAULT_STAGES, '')).toBe('unknown');
  });
});
