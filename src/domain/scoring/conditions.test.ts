import { describe, expect, it } from 'vitest';
import { matches, type Condition } from './conditions.ts';
import type { LeadProfile } from './profile.ts';

describe('matches', () => {
  it.each<[string, LeadProfile, Condition, boolean]>([
    // in / not_in: case-insensitive, both ways
    ['in, different case', { industry: 'SaaS' }, { field: 'industry', op: 'in', values: ['saas'] }, true],
    ['in, rule in capitals', { industry: 'saas' }, { field: 'industry', op: 'in', values: ['SaaS'] }, true],
    ['in, not listed', { industry: 'Retail' }, { field: 'industry', op: 'in', values: ['saas'] }, false],
    [
      'in, a substring is not enough',
      { industry: 'saas tools' },
      { field: 'industry', op: 'in', values: ['saas'] },
      false,
    ],
    ['in, missing value', {}, { field: 'industry', op: 'in', values: ['saas'] }, false],
    [
      'not_in, other value',
      { country: 'FR' },
      { field: 'country', op: 'not_in', values: ['us', 'ca'] },
      true,
    ],
    [
      'not_in, listed (other case)',
      { country: 'US' },
      { field: 'country', op: 'not_in', values: ['us'] },
      false,
    ],
    ['not_in, missing value', {}, { field: 'country', op: 'not_in', values: ['us'] }, false],
    // contains: substring, case-insensitive, any of the values
    [
      'contains',
      { title: 'Senior Director of Marketing' },
      { field: 'title', op: 'contains', values: ['MARKET'] },
      true,
    ],
    [
      'contains, second value',
      { title: 'RevOps Analyst' },
      { field: 'title', op: 'contains', values: ['market', 'ops'] },
      true,
    ],
    ['contains, nothing', { title: 'Sales' }, { field: 'title', op: 'contains', values: ['market'] }, false],
    // between: inclusive, open on either side
    ['between, at min', { employees: 200 }, { field: 'employees', op: 'between', min: 200, max: 5000 }, true],
    [
      'between, at max',
      { employees: 5000 },
      { field: 'employees', op: 'between', min: 200, max: 5000 },
      true,
    ],
    [
      'between, above',
      { employees: 5001 },
      { field: 'employees', op: 'between', min: 200, max: 5000 },
      false,
    ],
    ['between, below', { employees: 199 }, { field: 'employees', op: 'between', min: 200, max: 5000 }, false],
    ['between, only min', { employees: 250_000 }, { field: 'employees', op: 'between', min: 5001 }, true],
    [
      'between, only min, below',
      { employees: 5000 },
      { field: 'employees', op: 'between', min: 5001 },
      false,
    ],
    ['between, only max', { employees: 9 }, { field: 'employees', op: 'between', max: 9 }, true],
    ['between, only max, above', { employees: 10 }, { field: 'employees', op: 'between', max: 9 }, false],
    ['between, zero is a value', { employees: 0 }, { field: 'employees', op: 'between', max: 9 }, true],
    ['between, missing', {}, { field: 'employees', op: 'between', max: 9 }, false],
    [
      'between, text that is not a number',
      { country: 'US' },
      { field: 'country', op: 'between', min: 0 },
      false,
    ],
    // missing
    ['missing, absent', {}, { field: 'country', op: 'missing' }, true],
    ['missing, null', { country: null }, { field: 'country', op: 'missing' }, true],
    ['missing, empty text', { country: '' }, { field: 'country', op: 'missing' }, true],
    ['missing, present', { country: 'US' }, { field: 'country', op: 'missing' }, false],
    ['missing, 0 employees is known', { employees: 0 }, { field: 'employees', op: 'missing' }, false],
    ['missing email → missing email domain type', {}, { field: 'emailDomainType', op: 'missing' }, true],
    // derived fields
    [
      'seniority from the title',
      { title: 'Chief Revenue Officer' },
      { field: 'seniority', op: 'in', values: ['executive'] },
      true,
    ],
    ['no title → seniority missing', { title: '' }, { field: 'seniority', op: 'missing' }, true],
    ['free email', { email: 'a@gmail.com' }, { field: 'emailDomainType', op: 'in', values: ['free'] }, true],
    [
      'education email',
      { email: 'a@mit.edu' },
      { field: 'emailDomainType', op: 'in', values: ['education'] },
      true,
    ],
    [
      'corporate email',
      { email: 'a@acme.io' },
      { field: 'emailDomainType', op: 'in', values: ['corporate'] },
      true,
    ],
    ['source', { source: 'Webinar' }, { field: 'source', op: 'in', values: ['webinar'] }, true],
  ])('%s → %s', (_label, profile, condition, expected) => {
    expect(matches(profile, condition)).toBe(expected);
  });
});
