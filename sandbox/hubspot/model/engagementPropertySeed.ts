// Seeded properties of the engagement objects (calls, emails, meetings, notes, tasks): the ones HubSpot's
// activity guides name, plus owner and timestamps.
import type { EngagementType } from './objectTypes.ts';
import { group, seed, type SeedProperty } from './propertySeed.ts';
import type { PropertyGroup } from './propertyDefinition.ts';

const RO = { readOnlyValue: true } as const;

const common = (groupName: string): SeedProperty[] => [
  seed('hs_timestamp', 'Activity date', 'datetime', groupName),
  seed('hubspot_owner_id', 'Activity assigned to', 'enumeration', groupName, {
    referencedObjectType: 'OWNER',
  }),
  seed('hs_createdate', 'Create date', 'datetime', groupName, RO),
  seed('hs_lastmodifieddate', 'Last modified date', 'datetime', groupName, RO),
  seed('hs_object_id', 'Record ID', 'number', groupName, RO),
];

export const ENGAGEMENT_PROPERTIES: Record<EngagementType, SeedProperty[]> = {
  calls: [
    ...common('call'),
    seed('hs_call_title', 'Call title', 'string', 'call'),
    seed('hs_call_body', 'Call notes', 'string', 'call', { fieldType: 'textarea' }),
    seed('hs_call_duration', 'Call duration', 'number', 'call'),
    seed('hs_call_direction', 'Call direction', 'enumeration', 'call', { options: ['INBOUND', 'OUTBOUND'] }),
    seed('hs_call_disposition', 'Call outcome', 'string', 'call'),
    seed('hs_call_status', 'Call status', 'enumeration', 'call', {
      options: [
        'BUSY',
        'CALLING_CRM_USER',
        'CANCELED',
        'COMPLETED',
        'CONNECTING',
        'FAILED',
        'IN_PROGRESS',
        'NO_ANSWER',
        'QUEUED',
        'RINGING',
      ],
    }),
  ],
  emails: [
    ...common('email'),
    seed('hs_email_subject', 'Email subject', 'string', 'email'),
    seed('hs_email_text', 'Email body', 'string', 'email', { fieldType: 'textarea' }),
    seed('hs_email_html', 'Email HTML', 'string', 'email', { fieldType: 'html' }),
    seed('hs_email_direction', 'Email direction', 'enumeration', 'email', {
      options: ['EMAIL', 'INCOMING_EMAIL', 'FORWARDED_EMAIL'],
    }),
    seed('hs_email_status', 'Email send status', 'enumeration', 'email', {
      options: ['BOUNCED', 'FAILED', 'SCHEDULED', 'SENDING', 'SENT'],
    }),
  ],
  meetings: [
    ...common('meeting'),
    seed('hs_meeting_title', 'Meeting name', 'string', 'meeting'),
    seed('hs_meeting_body', 'Meeting description', 'string', 'meeting', { fieldType: 'textarea' }),
    seed('hs_meeting_location', 'Location', 'string', 'meeting'),
    seed('hs_meeting_start_time', 'Start time', 'datetime', 'meeting'),
    seed('hs_meeting_end_time', 'End time', 'datetime', 'meeting'),
    seed('hs_meeting_outcome', 'Meeting outcome', 'enumeration', 'meeting', {
      options: ['SCHEDULED', 'COMPLETED', 'RESCHEDULED', 'NO_SHOW', 'CANCELED'],
    }),
  ],
  notes: [...common('note'), seed('hs_note_body', 'Note body', 'string', 'note', { fieldType: 'textarea' })],
  tasks: [
    ...common('task'),
    seed('hs_task_subject', 'Task title', 'string', 'task'),
    seed('hs_task_body', 'Task notes', 'string', 'task', { fieldType: 'textarea' }),
    seed('hs_task_status', 'Task status', 'enumeration', 'task', {
      options: ['NOT_STARTED', 'IN_PROGRESS', 'WAITING', 'COMPLETED', 'DEFERRED'],
    }),
    seed('hs_task_priority', 'Priority', 'enumeration', 'task', {
      options: ['NONE', 'LOW', 'MEDIUM', 'HIGH'],
    }),
    seed('hs_task_type', 'Task type', 'enumeration', 'task', {
      options: ['CALL', 'EMAIL', 'LINKED_IN', 'MEETING', 'TODO'],
    }),
  ],
};

export const engagementGroups = (t: EngagementType): PropertyGroup[] => [
  group(ENGAGEMENT_PROPERTIES[t][0]?.groupName ?? t, `${t} information`, 0),
];
