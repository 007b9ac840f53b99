// A property definition and its public shape (GET /crm/v3/properties/{objectType}/{name}).

export const PROPERTY_TYPES = ['string', 'number', 'date', 'datetime', 'enumeration', 'bool'] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];

export const FIELD_TYPES = [
  'textarea',
  'text',
  'date',
  'file',
  'number',
  'select',
  'radio',
  'checkbox',
  'booleancheckbox',
  'calculation_equation',
  'html',
  'phonenumber',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface PropertyOption {
  label: string;
  value: string;
  displayOrder: number;
  hidden: boolean;
  description?: string;
}

export interface PropertyDefinition {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: FieldType;
  groupName: string;
  description: string;
  options: PropertyOption[];
  displayOrder: number;
  hidden: boolean;
  formField: boolean;
  hasUniqueValue: boolean;
  hubspotDefined: boolean;
  /** Calculated by HubSpot: API writes are refused with READ_ONLY_VALUE. */
  readOnlyValue: boolean;
  /** Values must be ids of this kind of record (hubspot_owner_id → OWNER). */
  referencedObjectType?: 'OWNER';
  createdAt: number;
  updatedAt: number;
  archived: boolean;
  archivedAt?: number;
}

export interface PropertyGroup {
  name: string;
  label: string;
  displayOrder: number;
  archived: boolean;
}

export function toPublicProperty(d: PropertyDefinition): Record<string, unknown> {
  return {
    updatedAt: new Date(d.updatedAt).toISOString(),
    createdAt: new Date(d.createdAt).toISOString(),
    ...(d.archivedAt !== undefined && { archivedAt: new Date(d.archivedAt).toISOString() }),
    name: d.name,
    label: d.label,
    type: d.type,
    fieldType: d.fieldType,
    description: d.description,
    groupName: d.groupName,
    options: d.options.map((o) => ({ ...o, description: o.description ?? '' })),
    displayOrder: d.displayOrder,
    calculated: d.readOnlyValue && d.hubspotDefined,
    externalOptions: d.referencedObjectType !== undefined,
    ...(d.referencedObjectType && { referencedObjectType: d.referencedObjectType }),
    hasUniqueValue: d.hasUniqueValue,
    hidden: d.hidden,
    hubspotDefined: d.hubspotDefined,
    modificationMetadata: {
      archivable: !d.hubspotDefined,
      readOnlyDefinition: d.hubspotDefined,
      readOnlyValue: d.readOnlyValue,
    },
    formField: d.formField,
    archived: d.archived,
  };
}

export const toPublicGroup = (g: PropertyGroup): Record<string, unknown> => ({ ...g });
