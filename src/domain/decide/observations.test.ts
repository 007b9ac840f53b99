import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/schema.ts';
import type { EngagementEvent } from '../scoring/profile.ts';
import { mergeEngagement, mergeProfile } from './observations.ts';

const policy = defaultPolicy();
const now = new Date('2026-06-01T00:00:00Z');
const at = (iso: string) => new Date(iso);
const ev = (type: EngagementEvent['type'], iso: string, detail: string | null = null): EngagementEvent => ({
  type,
  at: at(iso),
  detail,
});

describe('mergeEngagement', () => {
  it('keeps each occurrence once, in time order', () => {
    const merged = mergeEngagement(
      [ev('visit', '2026-05-02T00:00:00Z')],
      [
        ev('visit', '2026-05-01T00:00:00Z'),
        ev('visit', '2026-05-02T00:00:00Z'),
        ev('page_view', '2026-05-02T00:00:00Z', '/pricing'),
      ],
      { policy, now, measuredCycle: {} },
    );
    expect(merged.map((e) => `${e.type}@${e.at.toISOString().slice(0, 10)}`)).toEqual([
      'visit@2026-05-01',
      'visit@2026-05-02',
      'page_view@2026-05-02',
    ]);
  });

  it('counts an opt-out or a bounce once, from when it was first seen', () => {
    const merged = mergeEngagement(
      [ev('unsubscribe', '2026-05-10T00:00:00Z')],
      [
        ev('unsubscribe', '2026-05-20T00:00:00Z'),
        ev('email_bounce', '2026-05-21T00:00:00Z'),
        ev('email_bounce', '2026-05-11T00:00:00Z'),
      ],
      { policy, now, measuredCycle: {} },
    );
    expect(merged).toEqual([
      ev('unsubscribe', '2026-05-10T00:00:00Z'),
      ev('email_bounce', '2026-05-11T00:00:00Z'),
    ]);
  });

  it('drops engagement older than eight half-lives (it weighs under 0.4 %)', () => {
    const merged = mergeEngagement(
      [ev('visit', '2025-10-01T00:00:00Z')],
      [ev('visit', '2026-01-01T00:00:00Z')],
      { policy, now, measuredCycle: {} },
    );
    expect(merged.map((e) => e.at.toISOString().slice(0, 10))).toEqual(['2026-01-01']);
  });
});

describe('mergeProfile', () => {
  it('takes the fields an update sets, including nulls, and keeps the others', () => {
    expect(
      mergeProfile({ email: 'a@b.c', title: 'CEO', employees: 5 }, { title: null, employees: 50 }),
    ).toEqual({
      email: 'a@b.c',
      title: null,
      employees: 50,
    });
  });
});
