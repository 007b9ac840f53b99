// "Return to marketing", the Lead quick action: the rep picks a reason (grouped by bucket), adds a note where the
// reason needs one and, for timing reasons, an optional re-engage date; confirms; and the action writes the return
// request into the Lead's return fields with the rep's own rights (lightning/uiRecordApi). Baton's worker sees the
// change (change events or its poll), returns the lead and clears the request — or, when the lead moved on before it
// read the request, clears it and says why in Baton_Return_Refusal__c, shown here. No credentials live in Salesforce.
import { LightningElement, api, wire } from 'lwc';
import { getFieldValue, getRecord, updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { CloseActionScreenEvent } from 'lightning/actions';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import hasReturnPermission from '@salesforce/customPermission/Baton_Return_To_Marketing';
import ID_FIELD from '@salesforce/schema/Lead.Id';
import NAME_FIELD from '@salesforce/schema/Lead.Name';
import IS_CONVERTED_FIELD from '@salesforce/schema/Lead.IsConverted';
import STAGE_FIELD from '@salesforce/schema/Lead.Baton_Stage__c';
import REASON_FIELD from '@salesforce/schema/Lead.Baton_Return_Reason__c';
import NOTE_FIELD from '@salesforce/schema/Lead.Baton_Return_Note__c';
import REENGAGE_FIELD from '@salesforce/schema/Lead.Baton_Reengage_At__c';
import REQUESTED_AT_FIELD from '@salesforce/schema/Lead.Baton_Return_Requested_At__c';
import REFUSAL_FIELD from '@salesforce/schema/Lead.Baton_Return_Refusal__c';
import { NOT_RETURNABLE_WHY, REASON_BUCKETS, REP_REASONS, RETURNABLE_STAGES } from 'c/batonReasons';
import { blockedReason, checkReturn, reasonOf } from 'c/batonReturnRules';
import { addDays, errorInWords, formatDate, formatDateTime, todayIn } from 'c/batonFormat';

export default class ReturnToMarketing extends LightningElement {
  @api recordId;

  lead;
  leadError;
  reasonCode = '';
  note = '';
  reengageAt = '';
  /** Problems by field: reason, note, reengageAt. */
  problems = {};
  step = 'form';
  saving = false;
  saveError = null;

  @wire(getRecord, {
    recordId: '$recordId',
    fields: [NAME_FIELD, IS_CONVERTED_FIELD],
    // Baton's fields are optional: without field access the lead still loads, and the action says what is missing.
    optionalFields: [STAGE_FIELD, REQUESTED_AT_FIELD, REFUSAL_FIELD],
  })
  wiredLead({ data, error }) {
    if (data) {
      this.lead = data;
      this.leadError = undefined;
    } else if (error) {
      this.lead = undefined;
      this.leadError = error;
    }
  }

  // ---- states

  get loading() {
    return !this.lead && !this.leadError && !this.blockedReason;
  }

  get loadError() {
    return this.leadError && !this.blockedReason
      ? `The lead could not be loaded: ${errorInWords(this.leadError)}`
      : null;
  }

  /** Why this lead cannot be returned now, or null when it can (c/batonReturnRules decides). */
  get blockedReason() {
    const lead = this.lead;
    const requestedAt = lead && getFieldValue(lead, REQUESTED_AT_FIELD);
    return blockedReason(
      {
        hasPermission: Boolean(hasReturnPermission),
        lead: lead && {
          converted: Boolean(getFieldValue(lead, IS_CONVERTED_FIELD)),
          batonFieldsVisible: STAGE_FIELD.fieldApiName in lead.fields,
          stage: getFieldValue(lead, STAGE_FIELD),
          requestedAt: requestedAt ? formatDateTime(requestedAt, LOCALE, TIME_ZONE) : null,
        },
      },
      { returnableStages: RETURNABLE_STAGES, notReturnableWhy: NOT_RETURNABLE_WHY },
    );
  }

  /** Baton's answer to the rep's last return it could not act on (cleared by the next one it handles). */
  get refusalText() {
    return (this.lead && getFieldValue(this.lead, REFUSAL_FIELD)) || '';
  }

  get blocked() {
    return Boolean(this.blockedReason);
  }

  get ready() {
    return Boolean(this.lead) && !this.blocked;
  }

  get showForm() {
    return this.ready && this.step === 'form';
  }

  get confirming() {
    return this.ready && this.step === 'confirm';
  }

  get leadName() {
    return (this.lead && getFieldValue(this.lead, NAME_FIELD)) || 'this lead';
  }

  // ---- the form

  get reason() {
    return reasonOf(this.reasonCode, REP_REASONS);
  }

  get bucket() {
    const reason = this.reason;
    return reason ? REASON_BUCKETS.find((b) => b.bucket === reason.bucket) : undefined;
  }

  /** One picker per bucket, each with its reasons; the picked reason shows in its own bucket only. */
  get bucketPickers() {
    const reason = this.reason;
    return REASON_BUCKETS.map((b) => ({
      bucket: b.bucket,
      name: `reason-${b.bucket}`,
      label: b.title,
      help: b.consequence,
      placeholder: `Pick a reason to ${b.label.toLowerCase()}`,
      options: REP_REASONS.filter((r) => r.bucket === b.bucket).map((r) => ({
        label: r.label,
        value: r.code,
      })),
      value: reason && reason.bucket === b.bucket ? reason.code : null,
    })).filter((b) => b.options.length > 0);
  }

  get consequence() {
    const bucket = this.bucket;
    return bucket ? `${bucket.label}: ${bucket.consequence}` : '';
  }

  get noteRequired() {
    return Boolean(this.reason && this.reason.noteRequired);
  }

  get noteLabel() {
    return this.noteRequired ? 'Note' : 'Note (optional)';
  }

  get noteHelp() {
    return this.noteRequired
      ? `Required for "${this.reason.label}": tell marketing what to fix or look for.`
      : 'What should marketing know?';
  }

  get reengageAllowed() {
    return Boolean(this.reason && this.reason.reengageDateAllowed);
  }

  get today() {
    return todayIn(TIME_ZONE, new Date());
  }

  get firstReengageDate() {
    return addDays(this.today, 1);
  }

  get reasonProblem() {
    return this.problems.reason || null;
  }

  get noteProblem() {
    return this.problems.note || null;
  }

  get reengageProblem() {
    return this.problems.reengageAt || null;
  }

  get noteClass() {
    return this.noteProblem ? 'slds-form-element slds-has-error' : 'slds-form-element';
  }

  handleReasonChange(event) {
    this.reasonCode = event.detail.value;
    // A date only belongs to reasons that take one.
    if (!this.reengageAllowed) this.reengageAt = '';
    this.problems = {};
    this.saveError = null;
  }

  handleNoteChange(event) {
    this.note = event.detail.value || '';
    if (this.problems.note) this.problems = { ...this.problems, note: undefined };
  }

  handleReengageChange(event) {
    this.reengageAt = event.detail.value || '';
    if (this.problems.reengageAt) this.problems = { ...this.problems, reengageAt: undefined };
  }

  /** The return as it will be written, checked by the same rules Baton applies. */
  validate() {
    if (!this.reasonCode) return { reason: 'Pick why this lead goes back to marketing.' };
    const problems = checkReturn(
      { reason: this.reasonCode, note: this.note, reengageAt: this.reengageAllowed ? this.reengageAt : '' },
      this.today,
      REP_REASONS,
    );
    return Object.fromEntries(problems.map((p) => [p.field, p.message]));
  }

  handleReview() {
    this.problems = this.validate();
    const first = ['reason', 'note', 'reengageAt'].find((field) => this.problems[field]);
    if (first) {
      const target = this.template.querySelector(`[data-field="${first}"]`);
      if (target && typeof target.focus === 'function') target.focus();
      return;
    }
    this.saveError = null;
    this.step = 'confirm';
  }

  // ---- confirmation and the write

  get question() {
    return `Return ${this.leadName} to marketing as "${this.reason ? this.reason.label : ''}"?`;
  }

  get trimmedNote() {
    return this.note.trim();
  }

  get reengageText() {
    return this.reengageAllowed && this.reengageAt
      ? `Marketing may hand it back to sales from ${formatDate(this.reengageAt, LOCALE)}.`
      : '';
  }

  get confirmLabel() {
    return this.saving ? 'Returning…' : 'Return to marketing';
  }

  handleBack() {
    this.step = 'form';
    this.saveError = null;
  }

  handleCancel() {
    this.dispatchEvent(new CloseActionScreenEvent());
  }

  async handleConfirm() {
    if (this.saving) return;
    const problems = this.validate();
    if (Object.keys(problems).length) {
      this.problems = problems;
      this.step = 'form';
      return;
    }
    const reason = this.reason;
    const fields = {
      [ID_FIELD.fieldApiName]: this.recordId,
      [REASON_FIELD.fieldApiName]: reason.code,
      // Every field of the request is written, so nothing is left over from an earlier one.
      [NOTE_FIELD.fieldApiName]: this.trimmedNote || null,
      [REENGAGE_FIELD.fieldApiName]: (reason.reengageDateAllowed && this.reengageAt) || null,
      [REQUESTED_AT_FIELD.fieldApiName]: new Date().toISOString(),
    };
    this.saving = true;
    this.saveError = null;
    try {
      await updateRecord({ fields });
    } catch (error) {
      this.saveError = `The return was not saved: ${errorInWords(error)} Nothing changed on the lead; try again, or ask your Salesforce admin if it keeps failing.`;
      this.saving = false;
      return;
    }
    this.saving = false;
    this.dispatchEvent(
      new ShowToastEvent({
        title: 'Returned to marketing',
        message: `${this.leadName} goes back to marketing as "${reason.label}". Baton moves it within a few minutes.`,
        variant: 'success',
      }),
    );
    this.dispatchEvent(new CloseActionScreenEvent());
  }
}
