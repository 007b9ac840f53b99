import {
  addDays,
  countdown,
  durationInWords,
  errorInWords,
  formatDate,
  formatDateTime,
  parseScoreReasons,
  todayIn,
} from 'c/batonFormat';

describe('c/batonFormat', () => {
  it.each([
    [0, 'less than a minute'],
    [59 * 1000, 'less than a minute'],
    [12 * 60000, '12 min'],
    [3 * 3600000, '3 h'],
    [(5 * 60 + 20) * 60000, '5 h 20 min'],
    [(26 * 60 + 59) * 60000, '1 d 2 h'],
    [48 * 3600000, '2 d'],
    [-41 * 60000, '41 min'],
  ])('says %i ms as "%s"', (ms, words) => {
    expect(durationInWords(ms)).toBe(words);
  });

  it('counts down to a deadline and past it', () => {
    const now = new Date('2026-11-24T18:00:00Z');
    expect(countdown('2026-11-24T19:30:00Z', now)).toEqual({ overdue: false, text: 'Due in 1 h 30 min' });
    expect(countdown('2026-11-24T18:00:00Z', now)).toEqual({
      overdue: true,
      text: 'Overdue by less than a minute',
    });
    expect(countdown('2026-11-23T18:00:00Z', now)).toEqual({ overdue: true, text: 'Overdue by 1 d' });
  });

  it("knows the user's today in their time zone", () => {
    const lateEvening = new Date('2026-11-25T05:30:00Z'); // 21:30 on the 24th in Los Angeles
    expect(todayIn('America/Los_Angeles', lateEvening)).toBe('2026-11-24');
    expect(todayIn('Europe/Berlin', lateEvening)).toBe('2026-11-25');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('formats instants in the user zone and dates as they are', () => {
    expect(formatDateTime('2026-11-24T18:00:00Z', 'en-US', 'America/Los_Angeles')).toBe(
      'Nov 24, 2026, 10:00 AM',
    );
    expect(formatDate('2027-01-15', 'en-US')).toBe('Jan 15, 2027');
    expect(formatDateTime(null, 'en-US', 'UTC')).toBe('');
    // An unknown zone falls back to UTC rather than breaking the card.
    expect(formatDateTime('2026-11-24T18:00:00Z', 'en-US', 'Mars/Olympus')).toContain('UTC');
  });

  it("reads Baton's score reasons back into lists", () => {
    expect(parseScoreReasons('Fit: 200–5,000 employees, Core industry · Engagement: no signals')).toEqual({
      fit: ['200–5,000 employees', 'Core industry'],
      engagement: [],
    });
    expect(parseScoreReasons('something else')).toBeNull();
    expect(parseScoreReasons(null)).toBeNull();
  });

  it.each([
    ['a UI API read error', { body: [{ message: 'Lead not found' }] }, 'Lead not found'],
    [
      'DML page and field errors',
      {
        body: {
          message: 'An error occurred',
          output: {
            errors: [{ message: 'Record is locked' }],
            fieldErrors: { Baton_Return_Note__c: [{ message: 'Note too long' }] },
          },
        },
      },
      'Record is locked Note too long',
    ],
    ['a body message', { body: { message: 'Session expired' } }, 'Session expired'],
    ['a JS error', new Error('Failed to fetch'), 'Failed to fetch'],
    ['nothing usable', { statusText: '' }, 'Salesforce gave no reason.'],
  ])('puts %s in words', (_kind, error, words) => {
    expect(errorInWords(error)).toBe(words);
  });
});
