import { describe, expect, it } from 'vitest';
import type { MonthlyReviewPack } from './reviewPack.ts';
import { reviewNoticeText } from './reviewNotice.ts';

const pack = {
  tenant: { id: 'hubspot-1', name: 'Acme' },
  summary: {
    handedOver: 5,
    rejectRate: 0.4,
    rejectTarget: 0.1,
    slaMetShare: 1,
    breaches: 1,
    formerLeadSales: 0,
    forecastCorrection: 0.8125,
  },
  deviations: [
    { side: 'marketing', kind: 'accept_rate_low', detail: '' },
    { side: 'sales', kind: 'sla_breach', detail: '' },
    { side: 'sales', kind: 'untouched', detail: '' },
  ],
} as unknown as MonthlyReviewPack;

describe('reviewNoticeText', () => {
  it('says the month in one paragraph', () => {
    expect(reviewNoticeText(pack, 'November 2026')).toBe(
      'Closed-loop review for November 2026 (Acme): 5 leads handed over, reject rate 40 % (target 10 %), ' +
        'SLA met 100 %, 1 escalation, 0 sales from former leads; deviations: marketing 1, sales 2; ' +
        'forecast correction × 0.81.',
    );
  });

  it('does not claim a correction without history', () => {
    const thin = { ...pack, summary: { ...pack.summary, forecastCorrection: null } };
    expect(reviewNoticeText(thin, 'November 2026')).toContain('forecast: too little history to correct.');
  });
});
