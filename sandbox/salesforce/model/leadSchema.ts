// The Lead object: its standard fields (as in the object reference), the Status picklist from the org's
// LeadStatus values, and whatever custom fields are installed (Baton's package adds its own).
import { field, picklist, readOnly, systemFields, type FieldSpec } from './fieldSpec.ts';
import { defineObject, type SObjectSchema } from './objectSchema.ts';

export const LEAD_SOURCES = ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'];
export const INDUSTRIES = [
  'Agriculture',
  'Banking',
  'Communications',
  'Consulting',
  'Education',
  'Energy',
  'Finance',
  'Government',
  'Healthcare',
  'Manufacturing',
  'Media',
  'Retail',
  'Technology',
  'Other',
];

const owner = (): FieldSpec =>
  field('OwnerId', 'Owner ID', 'reference', {
    required: true,
    nillable: false,
    defaultedOnCreate: true,
    referenceTo: ['Group', 'User'],
    relationshipName: 'Owner',
  });

export function leadSchema(
  statuses: { value: string; isDefault: boolean }[],
  custom: FieldSpec[],
): SObjectSchema {
  const defaultStatus = statuses.find((s) => s.isDefault)?.value;
  return defineObject({
    name: 'Lead',
    label: 'Lead',
    labelPlural: 'Leads',
    keyPrefix: '00Q',
    fields: [
      ...systemFields(),
      field('LastName', 'Last Name', 'string', { length: 80, nillable: false, required: true }),
      field('FirstName', 'First Name', 'string', { length: 40 }),
      field('Salutation', 'Salutation', 'picklist', picklist(['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.'])),
      readOnly('Name', 'Full Name', 'string', { length: 121, nillable: false }),
      field('Title', 'Title', 'string', { length: 128 }),
      field('Company', 'Company', 'string', { nillable: false, required: true }),
      field('Street', 'Street', 'textarea', { length: 255 }),
      field('City', 'City', 'string', { length: 40 }),
      field('State', 'State/Province', 'string', { length: 80 }),
      field('PostalCode', 'Zip/Postal Code', 'string', { length: 20 }),
      field('Country', 'Country', 'string', { length: 80 }),
      field('Phone', 'Phone', 'phone'),
      field('MobilePhone', 'Mobile Phone', 'phone'),
      field('Email', 'Email', 'email'),
      field('Website', 'Website', 'url'),
      field('Description', 'Description', 'textarea'),
      field('LeadSource', 'Lead Source', 'picklist', picklist(LEAD_SOURCES)),
      field('Status', 'Status', 'picklist', {
        nillable: false,
        required: true,
        defaultedOnCreate: true,
        ...picklist(
          statuses.map((s) => s.value),
          defaultStatus === undefined ? {} : { default: defaultStatus },
        ),
      }),
      field('Industry', 'Industry', 'picklist', picklist(INDUSTRIES)),
      field('Rating', 'Rating', 'picklist', picklist(['Hot', 'Warm', 'Cold'])),
      field('AnnualRevenue', 'Annual Revenue', 'currency', { precision: 18, scale: 0 }),
      field('NumberOfEmployees', 'Employees', 'int', { precision: 8, scale: 0 }),
      owner(),
      field('HasOptedOutOfEmail', 'Email Opt Out', 'boolean'),
      readOnly('IsConverted', 'Converted', 'boolean'),
      readOnly('ConvertedDate', 'Converted Date', 'date'),
      readOnly('ConvertedAccountId', 'Converted Account ID', 'reference', { referenceTo: ['Account'] }),
      readOnly('ConvertedContactId', 'Converted Contact ID', 'reference', { referenceTo: ['Contact'] }),
      readOnly('ConvertedOpportunityId', 'Converted Opportunity ID', 'reference', {
        referenceTo: ['Opportunity'],
      }),
      field('IsUnreadByOwner', 'Unread By Owner', 'boolean'),
      readOnly('LastActivityDate', 'Last Activity', 'date'),
      ...custom,
    ],
  });
}
