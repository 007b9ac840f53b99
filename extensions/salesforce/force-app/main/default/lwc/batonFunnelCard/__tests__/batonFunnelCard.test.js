import { createElement } from '@lwc/engine-dom';
import { getRecord } from 'lightning/uiRecordApi';
import BatonFunnelCard from 'c/batonFunnelCard';
import { SUCCESS_PATH } from 'c/batonFunnel';

const RECORD_ID = '00Q5g00000AbCdEEAV';
// 10:00 on Tuesday 24 November 2026 in Los Angeles, the test user's time zone.
const NOW = new Date('2026-11-24T18:00:00.000Z');

const BATON_FIELDS = [
  'Baton_Stage__c',
  'Baton_SLA_Due__c',
  'Baton_SLA_Status__c',
  'Baton_Fit__c',
  'Baton_Engagement__c',
  'Baton_Grade__c',
  'Baton_Score_Reasons__c',
  'Baton_Recycle_Count__c',
  'Baton_Last_Reason__c',
  'Baton_Last_Note__c',
  'Baton_Returned_At__c',
  'Baton_Return_Requested_At__c',
  'Baton_Return_Refusal__c',
];

/** A Lead as getRecord gives it: every Baton field present (empty unless given). */
function leadRecord(values = {}, { converted = false } = {}) {
  const fields = { IsConverted: { value: converted, displayValue: null } };
  BATON_FIELDS.forEach((name) => {
    const value = name in values ? values[name] : null;
    fields[name] = { value, displayValue: value === null ? null : String(value) };
  });
  return { apiName: 'Lead', id: RECORD_ID, fields, childRelationships: {}, recordTypeId: null };
}

const ASSIGNED = {
  Baton_Stage__c: 'assigned',
  Baton_SLA_Due__c: '2026-11-24T23:20:00.000Z',
  Baton_SLA_Status__c: 'due_soon',
  Baton_Fit__c: 80,
  Baton_Engagement__c: 45,
  Baton_Grade__c: 'A2',
  Baton_Score_Reasons__c:
    'Fit: 200–5,000 employees, Core industry, Executive title · Engagement: Demo request, Pricing page view',
  Baton_Recycle_Count__c: 0,
};

const RECYCLED = {
  Baton_Stage__c: 'recycled',
  Baton_SLA_Status__c: null,
  Baton_SLA_Due__c: null,
  Baton_Fit__c: 55,
  Baton_Engagement__c: 0,
  Baton_Grade__c: 'B4',
  Baton_Score_Reasons__c: 'Fit: Core industry, Manager title · Engagement: no signals',
  Baton_Recycle_Count__c: 2,
  Baton_Last_Reason__c: 'no_budget',
  Baton_Last_Note__c: 'Budget frozen until Q2.',
  Baton_Returned_At__c: '2026-11-20T16:45:00.000Z',
};

// Microtasks only: the clock and the interval are faked in these tests.
async function settle() {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

async function render(record) {
  const element = createElement('c-baton-funnel-card', { is: BatonFunnelCard });
  element.recordId = RECORD_ID;
  document.body.appendChild(element);
  if (record) getRecord.emit(record);
  await settle();
  return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const $$ = (element, selector) => Array.from(element.shadowRoot.querySelectorAll(selector));
const text = (element, selector) => ($(element, selector) || {}).textContent || '';
const items = (element, selector) => $$(element, `${selector} li`).map((li) => li.textContent);

describe('c-baton-funnel-card', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: NOW });
  });

  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it("reads the lead's Baton fields, optionally", async () => {
    await render(null);
    const config = getRecord.getLastConfig();
    expect(config.recordId).toBe(RECORD_ID);
    expect(config.fields.map((f) => f.fieldApiName)).toEqual(['IsConverted']);
    expect(config.optionalFields.map((f) => f.fieldApiName)).toEqual(BATON_FIELDS);
  });

  it('shows a spinner until the lead is loaded', async () => {
    const element = await render(null);
    expect($(element, 'lightning-spinner')).not.toBeNull();
  });

  it('has an empty state while Baton has written nothing', async () => {
    const element = await render(leadRecord());
    expect(text(element, '[data-id="empty"]')).toContain('Baton has not written anything on this lead yet');
    expect($(element, 'lightning-progress-indicator')).toBeNull();
    expect($(element, '[data-id="sla"]')).toBeNull();
  });

  describe('an assigned lead on the clock', () => {
    it('shows the stage on the success path', async () => {
      const element = await render(leadRecord(ASSIGNED));
      expect($(element, '[data-id="stage-badge"]').label).toBe('Assigned to a rep');
      const path = $(element, 'lightning-progress-indicator');
      expect(path.type).toBe('path');
      expect(path.currentStep).toBe('assigned');
      expect(path.hasError).toBe(false);
      const steps = $$(element, 'lightning-progress-step');
      expect(steps.map((s) => s.value)).toEqual(SUCCESS_PATH);
      expect(steps.map((s) => s.label)).toEqual(['Inquiry', 'MQL', 'Assigned', 'Accepted', 'SQL', 'Won']);
      expect($(element, '[data-id="detour"]')).toBeNull();
    });

    it('counts down to the first-touch deadline, minute by minute', async () => {
      const element = await render(leadRecord(ASSIGNED));
      expect($(element, '[data-id="sla-badge"]').label).toBe('Due soon');
      expect(text(element, '[data-id="countdown"]')).toBe('Due in 5 h 20 min');
      expect(text(element, '[data-id="sla-due"]')).toBe('Due Nov 24, 2026, 3:20 PM');

      jest.advanceTimersByTime(60000);
      await settle();
      expect(text(element, '[data-id="countdown"]')).toBe('Due in 5 h 19 min');

      jest.advanceTimersByTime(6 * 3600000);
      await settle();
      expect(text(element, '[data-id="countdown"]')).toBe('Overdue by 41 min');
      expect($(element, '[data-id="countdown"]').className).toContain('slds-text-color_error');
    });

    it('shows the scores and the reasons behind them', async () => {
      const element = await render(leadRecord(ASSIGNED));
      expect(text(element, '[data-id="fit"]')).toBe('80');
      expect(text(element, '[data-id="engagement"]')).toBe('45');
      expect(text(element, '[data-id="grade"]')).toBe('A2');
      expect(items(element, '[data-id="fit-reasons"]')).toEqual([
        '200–5,000 employees',
        'Core industry',
        'Executive title',
      ]);
      expect(items(element, '[data-id="engagement-reasons"]')).toEqual(['Demo request', 'Pricing page view']);
      expect(text(element, '[data-id="recycled"]')).toBe('Never recycled.');
      expect(text(element, '[data-id="never-returned"]')).toBe('No rep has returned this lead.');
    });

    it('stops counting once the rep has touched the lead', async () => {
      const element = await render(
        leadRecord({ ...ASSIGNED, Baton_Stage__c: 'accepted', Baton_SLA_Status__c: 'met' }),
      );
      expect($(element, '[data-id="sla-badge"]').label).toBe('Met');
      expect($(element, '[data-id="countdown"]')).toBeNull();
      expect($(element, 'lightning-progress-indicator').currentStep).toBe('accepted');
    });

    it('clears the interval when removed', async () => {
      const element = await render(leadRecord(ASSIGNED));
      expect(jest.getTimerCount()).toBe(1);
      document.body.removeChild(element);
      expect(jest.getTimerCount()).toBe(0);
    });
  });

  describe('a recycled lead with history', () => {
    it('shows the detour, the recycle count and the last return', async () => {
      const element = await render(leadRecord(RECYCLED));
      expect($(element, '[data-id="stage-badge"]').label).toBe('Recycled into nurture');
      // It was with a rep (a rep returned it): the path shows how far it got.
      const path = $(element, 'lightning-progress-indicator');
      expect(path.currentStep).toBe('assigned');
      expect(path.hasError).toBe(false);
      expect(text(element, '[data-id="detour"]')).toBe('Off the path: Recycled into nurture.');
      expect(text(element, '[data-id="no-sla"]')).toBe(
        'No SLA clock: this lead has not been assigned to a rep.',
      );
      expect(text(element, '[data-id="recycled"]')).toBe('Recycled 2 times.');
      expect(text(element, '[data-id="last-reason"]')).toBe('No budget');
      expect(text(element, '[data-id="last-note"]')).toBe('Budget frozen until Q2.');
      expect(text(element, '[data-id="returned-at"]')).toBe('Nov 20, 2026, 8:45 AM');
      expect($(element, '[data-id="never-returned"]')).toBeNull();
      expect(items(element, '[data-id="fit-reasons"]')).toEqual(['Core industry', 'Manager title']);
      expect(items(element, '[data-id="engagement-reasons"]')).toEqual([]);
      expect(text(element, '[data-id="engagement-reasons"]')).toContain('No signals yet.');
    });

    it("names Baton's own reasons too", async () => {
      const element = await render(
        leadRecord({
          ...RECYCLED,
          Baton_Last_Reason__c: 'untouched',
          Baton_Last_Note__c: null,
          Baton_Returned_At__c: null,
        }),
      );
      expect(text(element, '[data-id="last-reason"]')).toBe('Untouched past the SLA');
      expect(text(element, '[data-id="recycled"]')).toBe('Recycled 2 times.');
      expect(text(element, '[data-id="never-returned"]')).toBe('No rep has returned this lead.');
    });

    it('marks a dead end on the path', async () => {
      const element = await render(leadRecord({ ...RECYCLED, Baton_Stage__c: 'disqualified' }));
      expect($(element, 'lightning-progress-indicator').hasError).toBe(true);
      expect(text(element, '[data-id="detour"]')).toBe('Off the path: Disqualified.');
    });

    it('shows a return that is waiting for Baton', async () => {
      const element = await render(
        leadRecord({ ...ASSIGNED, Baton_Return_Requested_At__c: '2026-11-24T17:30:00.000Z' }),
      );
      expect(text(element, '[data-id="pending-return"]')).toBe(
        'A return to marketing was requested on Nov 24, 2026, 9:30 AM; Baton is handling it.',
      );
    });
  });

  it("shows Baton's answer to a return it could not act on, and nothing when there is none", async () => {
    const refusal = 'Baton did not take this lead back: This lead is waiting to be assigned to a rep.';
    const element = await render(leadRecord({ ...ASSIGNED, Baton_Return_Refusal__c: refusal }));
    expect(text(element, '[data-id="return-refusal"]')).toBe(refusal);
    const clean = await render(leadRecord(ASSIGNED));
    expect($(clean, '[data-id="return-refusal"]')).toBeNull();
  });

  it('shows score reasons of another shape as they are', async () => {
    const element = await render(
      leadRecord({ ...ASSIGNED, Baton_Score_Reasons__c: 'Manual score from the old model' }),
    );
    expect(text(element, '[data-id="raw-reasons"]')).toBe('Manual score from the old model');
  });

  it("says so when the user cannot see Baton's fields", async () => {
    const element = await render({
      apiName: 'Lead',
      id: RECORD_ID,
      fields: { IsConverted: { value: false, displayValue: null } },
    });
    expect(text(element, '[data-id="no-access"]')).toContain('assign you the "Baton" permission set');
  });

  it('shows a load failure in words', async () => {
    const element = await render(null);
    getRecord.error({ message: 'The requested resource does not exist' }, 404, 'Not Found');
    await settle();
    expect(text(element, '[data-id="load-error"]')).toContain(
      'The funnel passport could not be loaded: The requested resource does not exist',
    );
  });
});
