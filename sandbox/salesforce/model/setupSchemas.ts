// Setup objects Baton reads: users (owners), queues (Group + QueueSobject), LeadStatus and the Organization.
import { field, picklist, readOnly, systemFields } from './fieldSpec.ts';
import { defineObject, type SObjectSchema } from './objectSchema.ts';

export const USER_SCHEMA: SObjectSchema = defineObject({
  name: 'User',
  label: 'User',
  labelPlural: 'Users',
  keyPrefix: '005',
  createable: false,
  deletable: false,
  fields: [
    ...systemFields().filter((f) => f.name !== 'IsDeleted'),
    field('Username', 'Username', 'string', { length: 80, nillable: false }),
    field('FirstName', 'First Name', 'string', { length: 40 }),
    field('LastName', 'Last Name', 'string', { length: 80, nillable: false }),
    readOnly('Name', 'Full Name', 'string', { length: 121, nillable: false }),
    field('Alias', 'Alias', 'string', { length: 8 }),
    field('Email', 'Email', 'email', { length: 128, nillable: false }),
    field('Title', 'Title', 'string', { length: 80 }),
    field('IsActive', 'Active', 'boolean'),
    field('UserType', 'User Type', 'picklist', {
      updateable: false,
      ...picklist(['Standard', 'AutomatedProcess']),
    }),
    field('ManagerId', 'Manager ID', 'reference', { referenceTo: ['User'], relationshipName: 'Manager' }),
    field('TimeZoneSidKey', 'Time Zone', 'picklist', { nillable: false, length: 40 }),
    field('Department', 'Department', 'string', { length: 80 }),
  ],
});

export const GROUP_SCHEMA: SObjectSchema = defineObject({
  name: 'Group',
  label: 'Group',
  labelPlural: 'Groups',
  keyPrefix: '00G',
  fields: [
    ...systemFields().filter((f) => f.name !== 'IsDeleted'),
    field('Name', 'Name', 'string', { length: 40, nillable: false, required: true }),
    field('DeveloperName', 'Developer Name', 'string', { length: 80 }),
    field('Type', 'Type', 'picklist', {
      nillable: false,
      required: true,
      updateable: false,
      ...picklist(['Queue', 'Regular', 'Role', 'Organization'], { restricted: true }),
    }),
    field('Email', 'Email', 'email'),
    field('DoesSendEmailToMembers', 'Send Email to Members', 'boolean'),
  ],
});

export const QUEUE_SOBJECT_SCHEMA: SObjectSchema = defineObject({
  name: 'QueueSobject',
  label: 'Queue Sobject',
  labelPlural: 'Queue Sobjects',
  keyPrefix: '03g',
  updateable: false,
  fields: [
    ...systemFields().filter((f) => !['IsDeleted', 'LastModifiedDate', 'LastModifiedById'].includes(f.name)),
    field('QueueId', 'Group ID', 'reference', {
      nillable: false,
      required: true,
      updateable: false,
      referenceTo: ['Group'],
      relationshipName: 'Queue',
    }),
    field('SobjectType', 'Sobject Type', 'picklist', {
      nillable: false,
      required: true,
      updateable: false,
      ...picklist(['Lead', 'Case', 'Task'], { restricted: true }),
    }),
  ],
});

export const LEAD_STATUS_SCHEMA: SObjectSchema = defineObject({
  name: 'LeadStatus',
  label: 'Lead Status Value',
  labelPlural: 'Lead Status Values',
  keyPrefix: '01J',
  createable: false,
  updateable: false,
  deletable: false,
  fields: [
    ...systemFields().filter((f) => f.name !== 'IsDeleted'),
    readOnly('MasterLabel', 'Master Label', 'string'),
    readOnly('ApiName', 'Api Name', 'string'),
    readOnly('SortOrder', 'Sort Order', 'int'),
    readOnly('IsDefault', 'Is Default', 'boolean'),
    readOnly('IsConverted', 'Is Converted', 'boolean'),
  ],
});

export const ORGANIZATION_SCHEMA: SObjectSchema = defineObject({
  name: 'Organization',
  label: 'Organization',
  labelPlural: 'Organizations',
  keyPrefix: '00D',
  createable: false,
  updateable: false,
  deletable: false,
  fields: [
    ...systemFields().filter((f) => f.name !== 'IsDeleted'),
    readOnly('Name', 'Name', 'string'),
    readOnly('OrganizationType', 'Edition', 'picklist'),
    readOnly('IsSandbox', 'Is Sandbox', 'boolean'),
    readOnly('InstanceName', 'Instance Name', 'string'),
    readOnly('TimeZoneSidKey', 'Default Time Zone', 'picklist'),
  ],
});
