// describe() and describeGlobal() bodies: the subset of DescribeSObjectResult clients read (fields with type,
// length, nillable, createable/updateable, references, picklist values), with Salesforce's key names.
import type { FieldSpec } from './fieldSpec.ts';
import type { SObjectSchema } from './objectSchema.ts';

const SOAP_TYPES: Record<FieldSpec['type'], string> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  string: 'xsd:string',
  textarea: 'xsd:string',
  picklist: 'xsd:string',
  email: 'xsd:string',
  phone: 'xsd:string',
  url: 'xsd:string',
  boolean: 'xsd:boolean',
  int: 'xsd:int',
  double: 'xsd:double',
  currency: 'xsd:double',
  percent: 'xsd:double',
  date: 'xsd:date',
  datetime: 'xsd:dateTime',
};

function describeField(f: FieldSpec): Record<string, unknown> {
  const isText = SOAP_TYPES[f.type] === 'xsd:string' || SOAP_TYPES[f.type] === 'tns:ID';
  return {
    name: f.name,
    label: f.label,
    type: f.type,
    soapType: SOAP_TYPES[f.type],
    length: isText ? (f.length ?? 0) : 0,
    byteLength: isText ? (f.length ?? 0) * 3 : 0,
    precision: f.precision ?? 0,
    scale: f.scale ?? 0,
    digits: f.type === 'int' ? (f.precision ?? 9) : 0,
    nillable: f.nillable,
    createable: f.createable,
    updateable: f.updateable,
    defaultedOnCreate: f.defaultedOnCreate,
    custom: f.custom,
    calculated: false,
    unique: false,
    externalId: false,
    idLookup: f.name === 'Id' || f.type === 'email',
    filterable: f.type !== 'textarea',
    sortable: f.type !== 'textarea',
    groupable: f.type !== 'textarea' && f.type !== 'datetime',
    nameField: f.name === 'Name',
    referenceTo: f.referenceTo ?? [],
    relationshipName: f.relationshipName ?? null,
    restrictedPicklist: f.picklist?.restricted ?? false,
    picklistValues: (f.picklist?.values ?? []).map((p) => ({
      active: true,
      defaultValue: p.defaultValue ?? false,
      label: p.label,
      validFor: null,
      value: p.value,
    })),
    defaultValue: null,
    extraTypeInfo: f.extraTypeInfo ?? null,
    htmlFormatted: false,
    inlineHelpText: null,
  };
}

function urls(schema: SObjectSchema, base: string): Record<string, string> {
  const root = `${base}/sobjects/${schema.name}`;
  return {
    sobject: root,
    describe: `${root}/describe`,
    rowTemplate: `${root}/{ID}`,
  };
}

export function describeGlobalEntry(schema: SObjectSchema, base: string): Record<string, unknown> {
  return {
    name: schema.name,
    label: schema.label,
    labelPlural: schema.labelPlural,
    keyPrefix: schema.keyPrefix,
    custom: false,
    customSetting: false,
    createable: schema.createable,
    updateable: schema.updateable,
    deletable: schema.deletable,
    queryable: true,
    retrieveable: true,
    searchable: true,
    triggerable: true,
    undeletable: schema.deletable,
    replicateable: true,
    layoutable: true,
    mergeable: schema.name === 'Lead',
    feedEnabled: false,
    activateable: false,
    deprecatedAndHidden: false,
    hasSubtypes: false,
    isSubtype: false,
    isInterface: false,
    urls: urls(schema, base),
  };
}

/** `base` is the version root, e.g. /services/data/v62.0. */
export function describeSObject(schema: SObjectSchema, base: string): Record<string, unknown> {
  return {
    ...describeGlobalEntry(schema, base),
    fields: schema.fields.map(describeField),
    childRelationships: [],
    recordTypeInfos: [],
    supportedScopes: [{ label: 'All', name: 'everything' }],
    namedLayoutInfos: [],
    networkScopeFieldName: null,
    actionOverrides: [],
    compactLayoutable: true,
    listviewable: null,
    lookupLayoutable: null,
    sobjectDescribeOption: 'FULL',
  };
}
