// A field as describe() reports it, plus what the sandbox needs to enforce it (required on create, picklist
// restriction). Values are held typed: datetimes as epoch ms, dates as YYYY-MM-DD, the rest as JSON gives them.

export type FieldType =
  | 'id'
  | 'reference'
  | 'string'
  | 'textarea'
  | 'picklist'
  | 'email'
  | 'phone'
  | 'url'
  | 'boolean'
  | 'int'
  | 'double'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime';

export type FieldValue = string | number | boolean | null;

export interface PicklistValue {
  value: string;
  label: string;
  defaultValue?: boolean;
}

export interface FieldSpec {
  name: string;
  label: string;
  type: FieldType;
  length?: number;
  precision?: number;
  scale?: number;
  nillable: boolean;
  createable: boolean;
  updateable: boolean;
  defaultedOnCreate: boolean;
  /** Must have a value after a create or update (REQUIRED_FIELD_MISSING otherwise). */
  required: boolean;
  custom: boolean;
  referenceTo?: string[];
  relationshipName?: string;
  picklist?: { values: PicklistValue[]; restricted: boolean };
  extraTypeInfo?: string;
}

const TEXT_TYPES: ReadonlySet<FieldType> = new Set([
  'id',
  'reference',
  'string',
  'textarea',
  'picklist',
  'email',
  'phone',
  'url',
]);
export const isTextType = (t: FieldType): boolean => TEXT_TYPES.has(t);
export const isNumberType = (t: FieldType): boolean =>
  t === 'int' || t === 'double' || t === 'currency' || t === 'percent';

type FieldOptions = Partial<Omit<FieldSpec, 'name' | 'label' | 'type'>>;

/** A field with the defaults of an ordinary editable, nillable field. */
export function field(name: string, label: string, type: FieldType, opts: FieldOptions = {}): FieldSpec {
  return {
    name,
    label,
    type,
    nillable: type !== 'boolean',
    createable: true,
    updateable: true,
    defaultedOnCreate: type === 'boolean',
    required: false,
    custom: name.endsWith('__c'),
    ...(type === 'string' && { length: 255 }),
    ...(type === 'textarea' && { length: 32_000 }),
    ...(type === 'picklist' && { length: 255 }),
    ...(type === 'email' && { length: 80 }),
    ...(type === 'phone' && { length: 40 }),
    ...(type === 'url' && { length: 255 }),
    ...((type === 'id' || type === 'reference') && { length: 18 }),
    ...opts,
  };
}

/** Set by the platform, never by a client. */
export const readOnly = (name: string, label: string, type: FieldType, opts: FieldOptions = {}): FieldSpec =>
  field(name, label, type, { createable: false, updateable: false, ...opts });

export const picklist = (
  values: readonly string[],
  opts: { default?: string; restricted?: boolean } = {},
) => ({
  picklist: {
    restricted: opts.restricted ?? false,
    values: values.map((v) => ({ value: v, label: v, ...(v === opts.default && { defaultValue: true }) })),
  },
});

/** Id, IsDeleted and the audit fields every object has. */
export function systemFields(): FieldSpec[] {
  return [
    readOnly('Id', 'Record ID', 'id', { nillable: false, defaultedOnCreate: true }),
    readOnly('IsDeleted', 'Deleted', 'boolean'),
    readOnly('CreatedDate', 'Created Date', 'datetime', { nillable: false, defaultedOnCreate: true }),
    readOnly('CreatedById', 'Created By ID', 'reference', {
      nillable: false,
      defaultedOnCreate: true,
      referenceTo: ['User'],
      relationshipName: 'CreatedBy',
    }),
    readOnly('LastModifiedDate', 'Last Modified Date', 'datetime', {
      nillable: false,
      defaultedOnCreate: true,
    }),
    readOnly('LastModifiedById', 'Last Modified By ID', 'reference', {
      nillable: false,
      defaultedOnCreate: true,
      referenceTo: ['User'],
      relationshipName: 'LastModifiedBy',
    }),
    readOnly('SystemModstamp', 'System Modstamp', 'datetime', { nillable: false, defaultedOnCreate: true }),
  ];
}
