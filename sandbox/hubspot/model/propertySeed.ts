// Compact builders for seeded (HubSpot-defined) properties.
import type { FieldType, PropertyDefinition, PropertyGroup, PropertyType } from './propertyDefinition.ts';

export interface SeedProperty {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: FieldType;
  groupName: string;
  readOnlyValue?: boolean;
  options?: readonly string[] | ReadonlyArray<readonly [value: string, label: string]>;
  referencedObjectType?: 'OWNER';
}

const FIELD_OF: Record<PropertyType, FieldType> = {
  string: 'text',
  number: 'number',
  date: 'date',
  datetime: 'date',
  enumeration: 'select',
  bool: 'booleancheckbox',
};

/** A seeded property; `fieldType` follows the type unless given. */
export function seed(
  name: string,
  label: string,
  type: PropertyType,
  groupName: string,
  extra: Partial<Omit<SeedProperty, 'name' | 'label' | 'type' | 'groupName'>> = {},
): SeedProperty {
  return { name, label, type, groupName, fieldType: extra.fieldType ?? FIELD_OF[type], ...extra };
}

export function toDefinition(s: SeedProperty, index: number, at: number): PropertyDefinition {
  const options = (s.options ?? []).map((o, i) => {
    const [value, label] = typeof o === 'string' ? [o, o] : o;
    return { value, label, displayOrder: i, hidden: false };
  });
  return {
    name: s.name,
    label: s.label,
    type: s.type,
    fieldType: s.fieldType,
    groupName: s.groupName,
    description: '',
    options,
    displayOrder: index,
    hidden: false,
    formField: !s.readOnlyValue,
    hasUniqueValue: false,
    hubspotDefined: true,
    readOnlyValue: s.readOnlyValue ?? false,
    ...(s.referencedObjectType && { referencedObjectType: s.referencedObjectType }),
    createdAt: at,
    updatedAt: at,
    archived: false,
  };
}

export const group = (name: string, label: string, displayOrder: number): PropertyGroup => ({
  name,
  label,
  displayOrder,
  archived: false,
});
