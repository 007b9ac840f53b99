import { createElement } from '@lwc/engine-dom';
import { getRecord, updateRecord } from 'lightning/uiRecordApi';
import { CloseScreenEventName } from 'lightning/actions';
import ReturnToMarketing from 'c/returnToMarketing';
import { NOT_RETURNABLE_WHY, REASON_BUCKETS, REP_REASONS } from 'c/batonReasons';

// The event name of sfdx-lwc-jest's ShowToastEvent stub (it does not export it).
const ShowToastEventName = 'lightning__showtoast';
const RECORD_ID = '00Q5g00000AbCdEEAV';
// 10:00 in Los Angeles (the test user's time zone): today is 2026-11-24 there.
const NOW = new Date('2026-11-24T18:00:00.000Z');

function leadRecord({
  stage = 'assigned',
  converted = false,
  requestedAt = null,
  refusal = null,
  batonFieldsVisible = true,
} = {}) {
  const fields = {
    Name: { value: 'Ada Lovelace', displayValue: null },
    IsConverted: { value: converted, displayValue: null },
  };
  if (batonFieldsVisible) {
    fields.Baton_Stage__c = { value: stage, displayValue: stage };
    fields.Baton_Return_Requested_At__c = { value: requestedAt, displayValue: requestedAt };
    fields.Baton_Return_Refusal__c = { value: refusal, displayValue: refusal };
  }
  return { apiName: 'Lead', id: RECORD_ID, fields, childRelationships: {}, recordTypeId: null };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function render(record = leadRecord()) {
  const element = createElement('c-return-to-marketing', { is: ReturnToMarketing });
  element.recordId = RECORD_ID;
  document.body.appendChild(element);
  if (record) getRecord.emit(record);
  await flush();
  return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const $$ = (element, selector) => Array.from(element.shadowRoot.querySelectorAll(selector));
const text = (element, selector) => ($(element, selector) || {}).textContent || '';

async function pick(element, bucket, code) {
  $(element, `lightning-combobox[data-bucket="${bucket}"]`).dispatchEvent(
    new CustomEvent('change', { detail: { value: code } }),
  );
  await flush();
}

async function typeNote(element, value) {
  $(element, 'lightning-textarea[data-field="note"]').dispatchEvent(
    new CustomEvent('change', { detail: { value } }),
  );
  await flush();
}

async function pickDate(element, value) {
  $(element, 'lightning-input[data-field="reengageAt"]').dispatchEvent(
    new CustomEvent('change', { detail: { value } }),
  );
  await flush();
}

async function click(element, id) {
  $(element, `lightning-button[data-id="${id}"]`).click();
  await flush();
}

function listen(element) {
  const toasts = jest.fn();
  const closes = jest.fn();
  element.addEventListener(ShowToastEventName, toasts);
  element.addEventListener(CloseScreenEventName, closes);
  return { toasts, closes };
}

const reasonsOf = (bucket) => REP_REASONS.filter((r) => r.bucket === bucket);

describe('c-return-to-marketing', () => {
  beforeEach(() => {
    // Only the clock is faked: timers stay real so rendering can settle.
    jest.useFakeTimers({
      now: NOW,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    updateRecord.mockResolvedValue({});
  });

  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it('reads whether the lead is converted, its Baton stage and a pending request', async () => {
    await render();
    const config = getRecord.getLastConfig();
    expect(config.recordId).toBe(RECORD_ID);
    const names = (list) => list.map((f) => f.fieldApiName);
    expect(names(config.fields)).toEqual(['Name', 'IsConverted']);
    expect(names(config.optionalFields)).toEqual([
      'Baton_Stage__c',
      'Baton_Return_Requested_At__c',
      'Baton_Return_Refusal__c',
    ]);
  });

  it('shows a spinner until the lead is loaded', async () => {
    const element = await render(null);
    expect($(element, 'lightning-spinner')).not.toBeNull();
    expect($(element, 'lightning-combobox')).toBeNull();
  });

  describe('the reason picker', () => {
    it('has one picker per bucket — reject, disqualify, recycle — with the reasons reps may pick', async () => {
      const element = await render();
      const pickers = $$(element, 'lightning-combobox');
      expect(pickers.map((p) => p.dataset.bucket)).toEqual(['reject', 'disqualify', 'recycle']);
      expect(pickers.map((p) => p.label)).toEqual(REASON_BUCKETS.map((b) => b.title));
      pickers.forEach((picker) => {
        expect(picker.options).toEqual(
          reasonsOf(picker.dataset.bucket).map((r) => ({ label: r.label, value: r.code })),
        );
      });
      const offered = pickers.flatMap((p) => p.options.map((o) => o.value));
      // Baton's own rules' reasons are never offered.
      ['untouched', 'stalled', 'exhausted', 'closed_lost'].forEach((code) =>
        expect(offered).not.toContain(code),
      );
    });

    it.each([
      ['reject', 'wrong_owner'],
      ['disqualify', 'competitor'],
      ['recycle', 'no_budget'],
    ])('takes a %s reason, says what it means and clears the other buckets', async (bucket, code) => {
      const element = await render();
      await pick(element, 'reject', 'existing_customer');
      await pick(element, bucket, code);
      const values = Object.fromEntries(
        $$(element, 'lightning-combobox').map((p) => [p.dataset.bucket, p.value || null]),
      );
      expect(values).toEqual({ reject: null, disqualify: null, recycle: null, [bucket]: code });
      const meaning = REASON_BUCKETS.find((b) => b.bucket === bucket);
      expect(text(element, '[data-id="consequence"]')).toBe(`${meaning.label}: ${meaning.consequence}`);
    });

    it('asks for a reason before anything else', async () => {
      const element = await render();
      await click(element, 'review');
      expect(text(element, '[data-id="reason-error"]')).toContain(
        'Pick why this lead goes back to marketing.',
      );
      expect($(element, '[data-id="confirmation"]')).toBeNull();
    });
  });

  describe('the note', () => {
    it('is required where the reason says so: the error is shown and nothing is written', async () => {
      const element = await render();
      const { toasts } = listen(element);
      await pick(element, 'reject', 'duplicate');
      const note = $(element, 'lightning-textarea[data-field="note"]');
      expect(note.required).toBe(true);
      expect(note.fieldLevelHelp).toContain('Required for "Duplicate of another lead"');

      await typeNote(element, '   ');
      await click(element, 'review');
      expect(text(element, '[data-id="note-error"]')).toBe(
        'A note is required for "Duplicate of another lead"',
      );
      expect($(element, '[data-id="confirmation"]')).toBeNull();
      expect(updateRecord).not.toHaveBeenCalled();
      expect(toasts).not.toHaveBeenCalled();

      await typeNote(element, 'Same person as 00Q5g00000XyZ');
      expect($(element, '[data-id="note-error"]')).toBeNull();
      await click(element, 'review');
      expect($(element, '[data-id="confirmation"]')).not.toBeNull();
    });

    it('is optional for the other reasons', async () => {
      const element = await render();
      await pick(element, 'disqualify', 'spam');
      expect($(element, 'lightning-textarea[data-field="note"]').required).toBe(false);
      await click(element, 'review');
      expect($(element, '[data-id="confirmation"]')).not.toBeNull();
    });
  });

  describe('the re-engage date', () => {
    it('is offered only for timing reasons that take one, from tomorrow on', async () => {
      const element = await render();
      const dateInput = () => $(element, 'lightning-input[data-field="reengageAt"]');
      for (const reason of REP_REASONS) {
        await pick(element, reason.bucket, reason.code);
        expect([reason.code, Boolean(dateInput())]).toEqual([reason.code, reason.reengageDateAllowed]);
      }
      await pick(element, 'recycle', 'not_ready');
      expect(dateInput().min).toBe('2026-11-25');
      expect(dateInput().type).toBe('date');
    });

    it('must be in the future', async () => {
      const element = await render();
      await pick(element, 'recycle', 'not_ready');
      await pickDate(element, '2026-11-24');
      await click(element, 'review');
      expect(text(element, '[data-id="reengage-error"]')).toBe('The re-engage date must be in the future');
      expect(updateRecord).not.toHaveBeenCalled();
    });

    it('is dropped when the rep switches to a reason without one', async () => {
      const element = await render();
      await pick(element, 'recycle', 'no_budget');
      await pickDate(element, '2027-02-01');
      await pick(element, 'recycle', 'education_only');
      await click(element, 'review');
      await click(element, 'confirm');
      expect(updateRecord.mock.calls[0][0].fields.Baton_Reengage_At__c).toBeNull();
    });
  });

  describe('submitting', () => {
    it('confirms, writes exactly the return request, toasts and closes', async () => {
      const element = await render();
      const { toasts, closes } = listen(element);
      await pick(element, 'recycle', 'no_authority');
      await typeNote(element, '  Spoke to an analyst; the buyer is the CFO.  ');
      await pickDate(element, '2027-01-15');
      await click(element, 'review');

      expect(text(element, '[data-id="confirmation"] .slds-text-heading_small')).toBe(
        'Return Ada Lovelace to marketing as "No authority (not the buyer)"?',
      );
      expect(text(element, '[data-id="confirm-note"]')).toBe(
        'Note: Spoke to an analyst; the buyer is the CFO.',
      );
      expect(text(element, '[data-id="confirm-reengage"]')).toBe(
        'Marketing may hand it back to sales from Jan 15, 2027.',
      );
      expect(updateRecord).not.toHaveBeenCalled();

      await click(element, 'confirm');
      expect(updateRecord).toHaveBeenCalledTimes(1);
      expect(updateRecord).toHaveBeenCalledWith({
        fields: {
          Id: RECORD_ID,
          Baton_Return_Reason__c: 'no_authority',
          Baton_Return_Note__c: 'Spoke to an analyst; the buyer is the CFO.',
          Baton_Reengage_At__c: '2027-01-15',
          Baton_Return_Requested_At__c: NOW.toISOString(),
        },
      });
      expect(toasts).toHaveBeenCalledTimes(1);
      expect(toasts.mock.calls[0][0].detail).toEqual({
        title: 'Returned to marketing',
        message:
          'Ada Lovelace goes back to marketing as "No authority (not the buyer)". Baton moves it within a few minutes.',
        variant: 'success',
      });
      expect(closes).toHaveBeenCalledTimes(1);
    });

    it('clears the note and date of an earlier request when the rep gives none', async () => {
      const element = await render();
      await pick(element, 'reject', 'wrong_owner');
      await click(element, 'review');
      await click(element, 'confirm');
      expect(updateRecord).toHaveBeenCalledWith({
        fields: {
          Id: RECORD_ID,
          Baton_Return_Reason__c: 'wrong_owner',
          Baton_Return_Note__c: null,
          Baton_Reengage_At__c: null,
          Baton_Return_Requested_At__c: NOW.toISOString(),
        },
      });
    });

    it('goes back to the form with everything kept', async () => {
      const element = await render();
      await pick(element, 'disqualify', 'not_our_market');
      await typeNote(element, 'Consumer, not a business');
      await click(element, 'review');
      await click(element, 'back');
      expect($(element, 'lightning-combobox[data-bucket="disqualify"]').value).toBe('not_our_market');
      expect($(element, 'lightning-textarea[data-field="note"]').value).toBe('Consumer, not a business');
      expect(updateRecord).not.toHaveBeenCalled();
    });

    it.each([
      [
        'a page error',
        {
          body: {
            message: 'An error occurred while trying to update the record. Please try again.',
            output: {
              errors: [
                {
                  errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY',
                  message:
                    'You do not have the level of access necessary to perform the operation you requested.',
                },
              ],
              fieldErrors: {},
            },
          },
          status: 400,
        },
        'You do not have the level of access necessary to perform the operation you requested.',
      ],
      [
        'a field error',
        {
          body: {
            message: 'An error occurred while trying to update the record. Please try again.',
            output: {
              errors: [],
              fieldErrors: {
                Baton_Return_Reason__c: [
                  {
                    errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
                    field: 'Baton_Return_Reason__c',
                    message:
                      'Return to marketing: reason: bad value for restricted picklist field: no_budget',
                  },
                ],
              },
            },
          },
          status: 400,
        },
        'Return to marketing: reason: bad value for restricted picklist field: no_budget',
      ],
      ['a network failure', new TypeError('Failed to fetch'), 'Failed to fetch'],
    ])('shows %s in words and stays open', async (_kind, failure, words) => {
      updateRecord.mockRejectedValueOnce(failure);
      const element = await render();
      const { toasts, closes } = listen(element);
      await pick(element, 'recycle', 'no_budget');
      await click(element, 'review');
      await click(element, 'confirm');

      const shown = text(element, '[data-id="save-error"]');
      expect(shown).toContain('The return was not saved:');
      expect(shown).toContain(words);
      expect(shown).toContain('Nothing changed on the lead');
      expect(toasts).not.toHaveBeenCalled();
      expect(closes).not.toHaveBeenCalled();
      const confirm = $(element, 'lightning-button[data-id="confirm"]');
      expect(confirm.disabled).toBe(false);

      // Trying again works.
      await click(element, 'confirm');
      expect(updateRecord).toHaveBeenCalledTimes(2);
      expect(closes).toHaveBeenCalledTimes(1);
    });

    it('cancels without writing', async () => {
      const element = await render();
      const { closes } = listen(element);
      await pick(element, 'reject', 'wrong_owner');
      await click(element, 'cancel');
      expect(closes).toHaveBeenCalledTimes(1);
      expect(updateRecord).not.toHaveBeenCalled();
    });
  });

  describe("Baton's answer to a return it could not act on", () => {
    const refusal = 'Baton did not take this lead back: This lead is waiting to be assigned to a rep.';

    it('is shown above the form, and the rep can return the lead again', async () => {
      const element = await render(leadRecord({ refusal }));
      expect(text(element, '[data-id="return-refusal"]').trim()).toBe(refusal);
      expect($(element, 'lightning-combobox')).not.toBeNull();
    });

    it('is shown with the reason the lead cannot be returned now', async () => {
      const element = await render(leadRecord({ stage: 'mql', refusal }));
      expect(text(element, '[data-id="return-refusal"]').trim()).toBe(refusal);
      expect(text(element, '[data-id="not-returnable"]')).toContain(NOT_RETURNABLE_WHY.mql);
    });

    it('is not there when Baton has nothing to say', async () => {
      const element = await render(leadRecord());
      expect($(element, '[data-id="return-refusal"]')).toBeNull();
    });
  });

  describe('when the lead cannot be returned', () => {
    async function expectBlocked(record, why) {
      const element = await render(record);
      const { closes } = listen(element);
      expect(text(element, '[data-id="not-returnable"]')).toContain(why);
      expect($(element, 'lightning-combobox')).toBeNull();
      expect($(element, 'lightning-button[data-id="review"]')).toBeNull();
      expect($(element, 'lightning-button[data-id="confirm"]')).toBeNull();
      await click(element, 'close');
      expect(closes).toHaveBeenCalledTimes(1);
      expect(updateRecord).not.toHaveBeenCalled();
    }

    it('says so for a converted lead', () =>
      expectBlocked(
        leadRecord({ converted: true }),
        'This lead was converted, and Salesforce does not allow changes to converted leads.',
      ));

    it.each(Object.entries(NOT_RETURNABLE_WHY))('says why for a lead in stage %s', (stage, why) =>
      expectBlocked(leadRecord({ stage }), why),
    );

    it('says so when Baton has not picked the lead up', () =>
      expectBlocked(leadRecord({ stage: null }), 'Baton has not picked this lead up yet'));

    it('says so while an earlier return is waiting for Baton', () =>
      expectBlocked(
        leadRecord({ requestedAt: '2026-11-24T17:30:00.000Z' }),
        'A return was already requested on Nov 24, 2026, 9:30 AM; Baton is handling it.',
      ));

    it("says so when the rep cannot see Baton's fields", () =>
      expectBlocked(leadRecord({ batonFieldsVisible: false }), 'assign you the "Baton" permission set'));

    it('shows a load failure in words', async () => {
      const element = await render(null);
      getRecord.error({ message: 'The requested resource does not exist' }, 404, 'Not Found');
      await flush();
      expect(text(element, '[data-id="load-error"]')).toContain(
        'The lead could not be loaded: The requested resource does not exist',
      );
      expect($(element, 'lightning-combobox')).toBeNull();
    });
  });
});
