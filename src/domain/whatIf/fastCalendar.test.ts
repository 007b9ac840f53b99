import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, type BusinessCalendar } from '../sla/businessCalendar.ts';
import { calendar } from '../testing/leads.ts';
import { fastCalendar } from './fastCalendar.ts';

const NEW_YORK = calendar({ holidays: ['2025-11-27', '2025-12-25', '2026-01-01'] });
// Working hours across the small hours, in a zone whose DST change happens at 02:00 local.
const NIGHT_SHIFT: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  week: {
    mon: [{ start: '00:00', end: '04:00' }],
    tue: [],
    wed: [{ start: '13:00', end: '24:00' }],
    thu: [],
    fri: [],
    sat: [{ start: '01:00', end: '03:30' }],
    sun: [{ start: '00:00', end: '06:00' }],
  },
  holidays: [],
};

describe('fastCalendar', () => {
  it.each([
    ['New York, over Thanksgiving and Christmas', NEW_YORK, '2025-11-20T00:00:00Z'],
    ['New York, over the March DST change', NEW_YORK, '2026-03-01T00:00:00Z'],
    ['Berlin nights, over both DST changes', NIGHT_SHIFT, '2026-03-20T00:00:00Z'],
    ['Berlin nights, autumn', NIGHT_SHIFT, '2026-10-20T00:00:00Z'],
  ])('places deadlines where addBusinessMinutes does: %s', (_name, cal, from) => {
    const fast = fastCalendar(cal, Date.parse(from));
    const start = Date.parse(from);
    // A deterministic spread of start instants (every 7h13m over six weeks) and thresholds (0 to 80 h).
    for (let k = 0; k < 140; k++) {
      const at = start + k * (7 * 60 + 13) * 60_000;
      for (const minutes of [0, 1, 60, 480, 1440, 4320, 4800]) {
        expect(fast.addMinutes(at, minutes), `${new Date(at).toISOString()} + ${minutes}`).toBe(
          addBusinessMinutes(new Date(at), minutes, cal).getTime(),
        );
      }
    }
  });

  it('answers before its laid-out span with the exact walk', () => {
    const fast = fastCalendar(NEW_YORK, Date.parse('2026-01-10T00:00:00Z'));
    const at = Date.parse('2025-06-02T12:00:00Z');
    expect(fast.addMinutes(at, 1440)).toBe(addBusinessMinutes(new Date(at), 1440, NEW_YORK).getTime());
  });

  it('refuses a calendar with no working time', () => {
    const empty = { ...NEW_YORK, week: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } };
    expect(() => fastCalendar(empty, 0)).toThrow(/no working time/);
  });
});
