// Declarative conditions over a lead's profile, used by fit rules.
import { emailDomainTypeOf, seniorityOf, type LeadProfile } from './profile.ts';

export const FIT_FIELDS = [
  'employees',
  'industry',
  'country',
  'title',
  'seniority',
  'emailDomainType',
  'source',
] as const;
export type FitField = (typeof FIT_FIELDS)[number];

export type Condition =
  | { field: FitField; op: 'in' | 'not_in' | 'contains'; values: string[] }
  | { field: FitField; op: 'between'; min?: number | undefined; max?: number | undefined }
  | { field: FitField; op: 'missing' };

function valueOf(profile: LeadProfile, field: FitField): string | number | null {
  switch (field) {
    case 'seniority':
      return seniorityOf(profile.title);
    case 'emailDomainType':
      return emailDomainTypeOf(profile.email);
    default: {
      const v = profile[field];
      return v === undefined || v === null || v === '' ? null : v;
    }
  }
}

export function matches(profile: LeadProfile, condition: Condition): boolean {
  const value = valueOf(profile, condition.field);
  if (condition.op === 'missing') return value === null;
  if (value === null) return false;
  if (condition.op === 'between') {
    const n = typeof value === 'number' ? value : Number(value);
    if (!Number.isFinite(n)) return false;
    return (
      (condition.min === undefined || n >= condition.min) &&
      (condition.max === undefined || n <= condition.max)
    );
  }
  const text = String(value).toLowerCase();
  const wanted = condition.values.map((v) => v.toLowerCase());
  switch (condition.op) {
    case 'in':
      return wanted.includes(text);
    case 'not_in':
      return !wanted.includes(text);
    case 'contains':
      return wanted.some((w) => text.includes(w));
  }
}
