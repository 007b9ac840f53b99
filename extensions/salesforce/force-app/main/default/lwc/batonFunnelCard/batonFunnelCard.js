// The lead's Baton funnel passport on the Lead record page — the HubSpot card's passport, read from the Lead fields
// Baton writes (there is no call to Baton from inside Salesforce): stage on the success path, the first-touch SLA with a
// countdown, fit / engagement / grade with their reasons, recycling and the last return.
import { LightningElement, api, wire } from 'lwc';
import { getFieldValue, getRecord } from 'lightning/uiRecordApi';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import IS_CONVERTED_FIELD from '@salesforce/schema/Lead.IsConverted';
import STAGE_FIELD from '@salesforce/schema/Lead.Baton_Stage__c';
import SLA_DUE_FIELD from '@salesforce/schema/Lead.Baton_SLA_Due__c';
import SLA_STATUS_FIELD from '@salesforce/schema/Lead.Baton_SLA_Status__c';
import FIT_FIELD from '@salesforce/schema/Lead.Baton_Fit__c';
import ENGAGEMENT_FIELD from '@salesforce/schema/Lead.Baton_Engagement__c';
import GRADE_FIELD from '@salesforce/schema/Lead.Baton_Grade__c';
import SCORE_REASONS_FIELD from '@salesforce/schema/Lead.Baton_Score_Reasons__c';
import RECYCLE_COUNT_FIELD from '@salesforce/schema/Lead.Baton_Recycle_Count__c';
import LAST_REASON_FIELD from '@salesforce/schema/Lead.Baton_Last_Reason__c';
import LAST_NOTE_FIELD from '@salesforce/schema/Lead.Baton_Last_Note__c';
import RETURNED_AT_FIELD from '@salesforce/schema/Lead.Baton_Returned_At__c';
import REQUESTED_AT_FIELD from '@salesforce/schema/Lead.Baton_Return_Requested_At__c';
import REFUSAL_FIELD from '@salesforce/schema/Lead.Baton_Return_Refusal__c';
import { SLA_STATUS_LABELS, STAGE_LABELS, STEP_LABELS, SUCCESS_PATH } from 'c/batonFunnel';
import { REASON_LABELS } from 'c/batonReasons';
import { countdown, errorInWords, formatDateTime, parseScoreReasons } from 'c/batonFormat';

/** What Baton writes; all of them empty means Baton has not written anything on this lead yet. */
const BATON_FIELDS = [
  STAGE_FIELD,
  SLA_DUE_FIELD,
  SLA_STATUS_FIELD,
  FIT_FIELD,
  ENGAGEMENT_FIELD,
  GRADE_FIELD,
  SCORE_REASONS_FIELD,
  RECYCLE_COUNT_FIELD,
  LAST_REASON_FIELD,
  LAST_NOTE_FIELD,
  RETURNED_AT_FIELD,
];

const TICK_MS = 60000;
/** SLA statuses while the clock runs (no first touch yet). */
const CLOCK_RUNNING = ['on_time', 'due_soon', 'breached'];
const SLA_BADGE = {
  on_time: 'slds-theme_success',
  due_soon: 'slds-theme_warning',
  breached: 'slds-theme_error',
  met: 'slds-theme_success',
  missed: 'slds-theme_error',
};
const STAGE_BADGE = {
  qualified: 'slds-theme_success',
  won: 'slds-theme_success',
  lost: 'slds-theme_error',
  disqualified: 'slds-theme_error',
  returned: 'slds-theme_warning',
  recycled: 'slds-theme_warning',
};
/** Detours that end the lead's way on the path, shown as an error on it. */
const DEAD_ENDS = ['lost', 'disqualified'];

const present = (value) => value !== null && value !== undefined && value !== '';

export default class BatonFunnelCard extends LightningElement {
  @api recordId;

  lead;
  loadError;
  now = new Date();
  timer;

  @wire(getRecord, {
    recordId: '$recordId',
    fields: [IS_CONVERTED_FIELD],
    // Optional: without access to Baton's fields the lead still loads and the card says what is missing.
    optionalFields: [...BATON_FIELDS, REQUESTED_AT_FIELD, REFUSAL_FIELD],
  })
  wiredLead({ data, error }) {
    if (data) {
      this.lead = data;
      this.loadError = undefined;
    } else if (error) {
      this.lead = undefined;
      this.loadError = error;
    }
  }

  connectedCallback() {
    // The countdown moves on by itself.
    this.timer = setInterval(() => {
      this.now = new Date();
    }, TICK_MS);
  }

  disconnectedCallback() {
    clearInterval(this.timer);
  }

  value(field) {
    return this.lead ? getFieldValue(this.lead, field) : undefined;
  }

  // ---- states

  get loading() {
    return !this.lead && !this.loadError;
  }

  get errorText() {
    return this.loadError ? `The funnel passport could not be loaded: ${errorInWords(this.loadError)}` : null;
  }

  get noAccess() {
    return Boolean(this.lead) && !(STAGE_FIELD.fieldApiName in this.lead.fields);
  }

  get empty() {
    return Boolean(this.lead) && !this.noAccess && BATON_FIELDS.every((f) => !present(this.value(f)));
  }

  get showPassport() {
    return Boolean(this.lead) && !this.noAccess && !this.empty;
  }

  // ---- stage

  get stage() {
    return this.value(STAGE_FIELD) || null;
  }

  get stageLabel() {
    const stage = this.stage;
    return stage ? STAGE_LABELS[stage] || stage : 'Not tracked';
  }

  get stageBadgeClass() {
    return STAGE_BADGE[this.stage] || 'slds-badge_lightest';
  }

  get steps() {
    return SUCCESS_PATH.map((s) => ({ value: s, label: STEP_LABELS[s] }));
  }

  /** The stage on the path; for a detour, the furthest step the Lead's fields show it reached. */
  get currentStep() {
    const stage = this.stage;
    if (SUCCESS_PATH.includes(stage)) return stage;
    if (this.value(IS_CONVERTED_FIELD)) return 'qualified';
    const wasAssigned =
      stage === 'returned' ||
      stage === 'lost' ||
      present(this.value(RETURNED_AT_FIELD)) ||
      present(this.value(SLA_DUE_FIELD));
    return wasAssigned ? 'assigned' : SUCCESS_PATH[0];
  }

  get onDetour() {
    return Boolean(this.stage) && !SUCCESS_PATH.includes(this.stage);
  }

  get deadEnd() {
    return DEAD_ENDS.includes(this.stage);
  }

  get detourText() {
    return this.onDetour ? `Off the path: ${this.stageLabel}.` : '';
  }

  // ---- SLA

  get slaStatus() {
    return this.value(SLA_STATUS_FIELD) || null;
  }

  get slaDue() {
    return this.value(SLA_DUE_FIELD) || null;
  }

  get hasSla() {
    return Boolean(this.slaStatus || this.slaDue);
  }

  get slaLabel() {
    return this.slaStatus ? SLA_STATUS_LABELS[this.slaStatus] || this.slaStatus : 'No status';
  }

  get slaBadgeClass() {
    return SLA_BADGE[this.slaStatus] || 'slds-badge_lightest';
  }

  get slaDueText() {
    return formatDateTime(this.slaDue, LOCALE, TIME_ZONE);
  }

  get countdown() {
    if (!this.slaDue || (this.slaStatus && !CLOCK_RUNNING.includes(this.slaStatus))) return null;
    return countdown(this.slaDue, this.now);
  }

  get countdownText() {
    return this.countdown ? this.countdown.text : '';
  }

  get countdownClass() {
    return this.countdown && this.countdown.overdue
      ? 'slds-text-heading_small slds-text-color_error'
      : 'slds-text-heading_small';
  }

  // ---- scores

  get hasScores() {
    return [FIT_FIELD, ENGAGEMENT_FIELD, GRADE_FIELD].some((f) => present(this.value(f)));
  }

  get fit() {
    return present(this.value(FIT_FIELD)) ? this.value(FIT_FIELD) : '—';
  }

  get engagement() {
    return present(this.value(ENGAGEMENT_FIELD)) ? this.value(ENGAGEMENT_FIELD) : '—';
  }

  get grade() {
    return this.value(GRADE_FIELD) || '—';
  }

  get scoreReasons() {
    return parseScoreReasons(this.value(SCORE_REASONS_FIELD));
  }

  get fitReasons() {
    return this.scoreReasons ? this.scoreReasons.fit : [];
  }

  get engagementReasons() {
    return this.scoreReasons ? this.scoreReasons.engagement : [];
  }

  get hasFitReasons() {
    return this.fitReasons.length > 0;
  }

  get hasEngagementReasons() {
    return this.engagementReasons.length > 0;
  }

  /** Reasons Baton wrote in another shape are shown as they are. */
  get rawScoreReasons() {
    const text = this.value(SCORE_REASONS_FIELD);
    return text && !this.scoreReasons ? text : '';
  }

  // ---- recycling and returns

  get recycledText() {
    const count = Number(this.value(RECYCLE_COUNT_FIELD) || 0);
    if (count === 0) return 'Never recycled.';
    return count === 1 ? 'Recycled once.' : `Recycled ${count} times.`;
  }

  get lastReason() {
    const code = this.value(LAST_REASON_FIELD);
    return code ? REASON_LABELS[code] || code : '';
  }

  get lastNote() {
    return this.value(LAST_NOTE_FIELD) || '';
  }

  get returnedAtText() {
    const at = this.value(RETURNED_AT_FIELD);
    return at ? formatDateTime(at, LOCALE, TIME_ZONE) : '';
  }

  get neverReturned() {
    return !this.returnedAtText;
  }

  /** Baton's answer to the last return it could not act on (cleared by the next one it handles). */
  get refusalText() {
    return this.value(REFUSAL_FIELD) || '';
  }

  get pendingReturnText() {
    const at = this.value(REQUESTED_AT_FIELD);
    return at
      ? `A return to marketing was requested on ${formatDateTime(at, LOCALE, TIME_ZONE)}; Baton is handling it.`
      : '';
  }
}
