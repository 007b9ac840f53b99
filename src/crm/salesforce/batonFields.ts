// The Lead fields Baton reads and writes in a Salesforce org (shipped by the SFDX package in
// extensions/salesforce), and the ones a rep's "Return to marketing" quick action writes for the worker to see.

/** Fields Baton writes (mirrors BatonFields). */
export const SF_FIELDS = {
  stage: 'Baton_Stage__c',
  slaDueAt: 'Baton_SLA_Due__c',
  slaStatus: 'Baton_SLA_Status__c',
  fit: 'Baton_Fit__c',
  engagement: 'Baton_Engagement__c',
  grade: 'Baton_Grade__c',
  scoreReasons: 'Baton_Score_Reasons__c',
  recycleCount: 'Baton_Recycle_Count__c',
  lastReason: 'Baton_Last_Reason__c',
  lastNote: 'Baton_Last_Note__c',
  returnedAt: 'Baton_Returned_At__c',
} as const;

/**
 * What the quick action writes (through lightning/uiRecordApi, as the rep): a return request the worker picks up
 * from change events or the poll, then acknowledges by clearing Baton_Return_Requested_At__c.
 */
export const SF_RETURN_REQUEST = {
  reason: 'Baton_Return_Reason__c',
  note: 'Baton_Return_Note__c',
  reengageAt: 'Baton_Reengage_At__c',
  requestedAt: 'Baton_Return_Requested_At__c',
} as const;

/**
 * Baton's answer to a return request it could not act on (the lead had moved on before Baton read it), in the rep's
 * words; written with the request cleared, shown by the quick action and the funnel card, cleared by the next return
 * Baton handles.
 */
export const SF_RETURN_REFUSAL = 'Baton_Return_Refusal__c';

export interface SfFieldSpec {
  name: string;
  label: string;
  type: 'Text' | 'LongTextArea' | 'Number' | 'DateTime' | 'Date' | 'Picklist';
  length?: number;
  precision?: number;
  scale?: number;
}

export const SF_FIELD_SPECS: readonly SfFieldSpec[] = [
  { name: SF_FIELDS.stage, label: 'Baton stage', type: 'Picklist' },
  { name: SF_FIELDS.slaDueAt, label: 'Baton SLA due', type: 'DateTime' },
  { name: SF_FIELDS.slaStatus, label: 'Baton SLA status', type: 'Picklist' },
  { name: SF_FIELDS.fit, label: 'Baton fit score', type: 'Number', precision: 3, scale: 0 },
  { name: SF_FIELDS.engagement, label: 'Baton engagement score', type: 'Number', precision: 3, scale: 0 },
  { name: SF_FIELDS.grade, label: 'Baton grade', type: 'Text', length: 2 },
  { name: SF_FIELDS.scoreReasons, label: 'Baton score reasons', type: 'LongTextArea', length: 2000 },
  { name: SF_FIELDS.recycleCount, label: 'Baton recycle count', type: 'Number', precision: 3, scale: 0 },
  { name: SF_FIELDS.lastReason, label: 'Baton last reason', type: 'Text', length: 40 },
  { name: SF_FIELDS.lastNote, label: 'Baton last note', type: 'LongTextArea', length: 2000 },
  { name: SF_FIELDS.returnedAt, label: 'Baton returned at', type: 'DateTime' },
  { name: SF_RETURN_REQUEST.reason, label: 'Return to marketing: reason', type: 'Picklist' },
  { name: SF_RETURN_REQUEST.note, label: 'Return to marketing: note', type: 'LongTextArea', length: 2000 },
  { name: SF_RETURN_REQUEST.reengageAt, label: 'Return to marketing: re-engage on', type: 'Date' },
  { name: SF_RETURN_REQUEST.requestedAt, label: 'Return to marketing: requested at', type: 'DateTime' },
  { name: SF_RETURN_REFUSAL, label: 'Return to marketing: not taken back', type: 'Text', length: 255 },
];

/** The client name Baton sends in Sforce-Call-Options: change events from Baton's own writes carry it. */
export const SF_CLIENT_NAME = 'Baton';
export const SF_API_VERSION = '62.0';
/** The queue that owns leads back with marketing. */
export const SF_MARKETING_QUEUE = 'Baton_Marketing';
