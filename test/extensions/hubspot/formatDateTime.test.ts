// The cards' date formatting: the portal's zone and the user's locale; an unknown locale or zone never breaks a
// card (English, and UTC said out loud when the zone is unknown).
import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
} from '../../../extensions/hubspot/src/app/cards/shared/formatDateTime.ts';

const AT = '2026-11-23T14:30:00Z';

describe('formatDateTime', () => {
  it('shows the instant in the portal zone and the user locale', () => {
    expect(formatDateTime(AT, { timeZone: 'America/New_York', locale: 'en-US' })).toBe(
      'Nov 23, 2026, 9:30 AM',
    );
    expect(formatDateTime(AT, { timeZone: 'Europe/Berlin', locale: 'de-DE' })).toBe('23.11.2026, 15:30');
  });

  it('falls back to English in the portal zone for an unknown locale', () => {
    expect(formatDateTime(AT, { timeZone: 'America/New_York', locale: 'not a locale!' })).toBe(
      'Nov 23, 2026, 9:30 AM',
    );
  });

  it('falls back to UTC, labelled, for an unknown zone', () => {
    expect(formatDateTime(AT, { timeZone: 'Mars/Olympus_Mons' })).toBe('Nov 23, 2026, 2:30 PM UTC');
    expect(formatDate(AT, { timeZone: 'Mars/Olympus_Mons' })).toBe('Nov 23, 2026');
  });
});
