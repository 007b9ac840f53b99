// Campaign and CampaignMember: Baton's nurture lists. One membership per lead and campaign.
import { field, picklist, readOnly, systemFields } from './fieldSpec.ts';
import { defineObject, type SObjectSchema } from './objectSchema.ts';

/** The member statuses every new campaign gets (CampaignMemberStatus): Sent is the default. */
export const MEMBER_STATUSES = [
  { label: 'Sent', hasResponded: false, isDefault: true },
  { label: 'Responded', hasResponded: true, isDefault: false },
];

export const CAMPAIGN_SCHEMA: SObjectSchema = defineObject({
  name: 'Campaign',
  label: 'Campaign',
  labelPlural: 'Campaigns',
  keyPrefix: '701',
  fields: [
    ...systemFields(),
    field('Name', 'Name', 'string', { length: 80, nillable: false, required: true }),
    field('IsActive', 'Active', 'boolean'),
    field(
      'Type',
      'Type',
      'picklist',
      picklist([
        'Conference',
        'Webinar',
        'Trade Show',
        'Public Relations',
        'Partners',
        'Referral Program',
        'Advertisement',
        'Banner Ads',
        'Direct Mail',
        'Email',
        'Telemarketing',
        'Other',
      ]),
    ),
    field('Status', 'Status', 'picklist', {
      defaultedOnCreate: true,
      ...picklist(['Planned', 'In Progress', 'Completed', 'Aborted'], { default: 'Planned' }),
    }),
    field('StartDate', 'Start Date', 'date'),
    field('EndDate', 'End Date', 'date'),
    field('Description', 'Description', 'textarea'),
    field('ParentId', 'Parent Campaign ID', 'reference', { referenceTo: ['Campaign'] }),
    field('OwnerId', 'Owner ID', 'reference', {
      required: true,
      nillable: false,
      defaultedOnCreate: true,
      referenceTo: ['User'],
    }),
    readOnly('NumberOfLeads', 'Leads in Campaign', 'int', { precision: 9, scale: 0 }),
  ],
});

export const CAMPAIGN_MEMBER_SCHEMA: SObjectSchema = defineObject({
  name: 'CampaignMember',
  label: 'Campaign Member',
  labelPlural: 'Campaign Members',
  keyPrefix: '00v',
  fields: [
    ...systemFields(),
    field('CampaignId', 'Campaign ID', 'reference', {
      nillable: false,
      required: true,
      updateable: false,
      referenceTo: ['Campaign'],
      relationshipName: 'Campaign',
    }),
    field('LeadId', 'Lead ID', 'reference', {
      updateable: false,
      referenceTo: ['Lead'],
      relationshipName: 'Lead',
    }),
    field('ContactId', 'Contact ID', 'reference', { updateable: false, referenceTo: ['Contact'] }),
    field('Status', 'Status', 'picklist', {
      defaultedOnCreate: true,
      ...picklist(
        MEMBER_STATUSES.map((s) => s.label),
        { default: 'Sent', restricted: true },
      ),
    }),
    readOnly('HasResponded', 'Responded', 'boolean'),
    readOnly('FirstRespondedDate', 'First Responded Date', 'date'),
  ],
});
