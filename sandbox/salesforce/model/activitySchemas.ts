// Task and Event: activities a rep logs against a lead (WhoId). Their dates drive the lead's LastActivityDate.
import { field, picklist, readOnly, systemFields, type FieldSpec } from './fieldSpec.ts';
import { defineObject, type SObjectSchema } from './objectSchema.ts';

/** TaskStatus values; IsClosed follows from the status. */
export const TASK_STATUSES = [
  'Not Started',
  'In Progress',
  'Completed',
  'Waiting on someone else',
  'Deferred',
];
export const CLOSED_TASK_STATUSES: ReadonlySet<string> = new Set(['Completed']);

const activityCommon = (): FieldSpec[] => [
  ...systemFields(),
  field('WhoId', 'Name ID', 'reference', { referenceTo: ['Contact', 'Lead'], relationshipName: 'Who' }),
  field('WhatId', 'Related To ID', 'reference', { referenceTo: ['Account', 'Campaign', 'Opportunity'] }),
  field('Subject', 'Subject', 'string'),
  field('Description', 'Description', 'textarea'),
  field('OwnerId', 'Assigned To ID', 'reference', {
    required: true,
    nillable: false,
    defaultedOnCreate: true,
    referenceTo: ['User'],
    relationshipName: 'Owner',
  }),
  field('Type', 'Type', 'picklist', picklist(['Call', 'Email', 'Meeting', 'Other'])),
];

export const TASK_SCHEMA: SObjectSchema = defineObject({
  name: 'Task',
  label: 'Task',
  labelPlural: 'Tasks',
  keyPrefix: '00T',
  fields: [
    ...activityCommon(),
    field('ActivityDate', 'Due Date Only', 'date'),
    field('Status', 'Status', 'picklist', {
      nillable: false,
      required: true,
      defaultedOnCreate: true,
      ...picklist(TASK_STATUSES, { default: 'Not Started' }),
    }),
    field('Priority', 'Priority', 'picklist', {
      nillable: false,
      defaultedOnCreate: true,
      ...picklist(['High', 'Normal', 'Low'], { default: 'Normal' }),
    }),
    readOnly('IsClosed', 'Closed', 'boolean'),
    field('TaskSubtype', 'Task Subtype', 'picklist', {
      updateable: false,
      ...picklist(['Task', 'Email', 'ListEmail', 'Cadence', 'Call', 'LinkedIn'], { restricted: true }),
    }),
    readOnly('CompletedDateTime', 'Completed Date/Time', 'datetime'),
    field('CallType', 'Call Type', 'picklist', picklist(['Internal', 'Inbound', 'Outbound'])),
    field('CallDurationInSeconds', 'Call Duration', 'int', { precision: 9, scale: 0 }),
    field('CallDisposition', 'Call Result', 'string'),
  ],
});

export const EVENT_SCHEMA: SObjectSchema = defineObject({
  name: 'Event',
  label: 'Event',
  labelPlural: 'Events',
  keyPrefix: '00U',
  fields: [
    ...activityCommon(),
    field('StartDateTime', 'Start Date Time', 'datetime'),
    field('EndDateTime', 'End Date Time', 'datetime'),
    field('ActivityDateTime', 'Due Date Time', 'datetime'),
    readOnly('ActivityDate', 'Due Date Only', 'date'),
    field('DurationInMinutes', 'Duration', 'int', { precision: 8, scale: 0 }),
    field('IsAllDayEvent', 'All-Day Event', 'boolean'),
    field('Location', 'Location', 'string'),
    field('EventSubtype', 'Event Subtype', 'picklist', {
      updateable: false,
      ...picklist(['Event'], { restricted: true }),
    }),
  ],
});
