// Without the Baton permission set (its custom permission), the action explains itself and offers nothing to submit.
import { createElement } from '@lwc/engine-dom';
import { getRecord, updateRecord } from 'lightning/uiRecordApi';
import ReturnToMarketing from 'c/returnToMarketing';

jest.mock(
  '@salesforce/customPermission/Baton_Return_To_Marketing',
  () => ({ __esModule: true, default: false }),
  {
    virtual: true,
  },
);

describe('c-return-to-marketing without the Baton permission set', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('says who can give access, and writes nothing', async () => {
    const element = createElement('c-return-to-marketing', { is: ReturnToMarketing });
    element.recordId = '00Q5g00000AbCdEEAV';
    document.body.appendChild(element);
    getRecord.emit({
      apiName: 'Lead',
      id: '00Q5g00000AbCdEEAV',
      fields: {
        Name: { value: 'Ada Lovelace', displayValue: null },
        IsConverted: { value: false, displayValue: null },
        Baton_Stage__c: { value: 'assigned', displayValue: 'Assigned to a rep' },
        Baton_Return_Requested_At__c: { value: null, displayValue: null },
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(element.shadowRoot.querySelector('[data-id="not-returnable"]').textContent).toContain(
      'ask your Salesforce admin to assign you the "Baton" permission set',
    );
    expect(element.shadowRoot.querySelector('lightning-combobox')).toBeNull();
    expect(element.shadowRoot.querySelector('lightning-button[data-id="review"]')).toBeNull();
    expect(updateRecord).not.toHaveBeenCalled();
  });
});
