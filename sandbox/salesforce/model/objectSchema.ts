// An sObject type as the sandbox serves it: describe() metadata, its fields, and what the API may do with it.
import type { FieldSpec } from './fieldSpec.ts';

export interface SObjectSchema {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
  fields: readonly FieldSpec[];
}

export interface SchemaInput extends Omit<SObjectSchema, 'createable' | 'updateable' | 'deletable'> {
  createable?: boolean;
  updateable?: boolean;
  deletable?: boolean;
}

export function defineObject(input: SchemaInput): SObjectSchema {
  return { createable: true, updateable: true, deletable: true, ...input };
}

/** Field and object names are case-insensitive in the API: look them up that way, answer canonically. */
export class SchemaRegistry {
  private readonly objects = new Map<string, SObjectSchema>();
  private readonly fieldIndex = new Map<string, Map<string, FieldSpec>>();

  constructor(schemas: readonly SObjectSchema[]) {
    for (const s of schemas) this.add(s);
  }

  add(schema: SObjectSchema): void {
    this.objects.set(schema.name.toLowerCase(), schema);
    this.fieldIndex.set(
      schema.name.toLowerCase(),
      new Map(schema.fields.map((f) => [f.name.toLowerCase(), f])),
    );
  }

  object(name: string): SObjectSchema | undefined {
    return this.objects.get(name.toLowerCase());
  }

  byKeyPrefix(prefix: string): SObjectSchema | undefined {
    return [...this.objects.values()].find((s) => s.keyPrefix === prefix);
  }

  field(objectName: string, fieldName: string): FieldSpec | undefined {
    return this.fieldIndex.get(objectName.toLowerCase())?.get(fieldName.toLowerCase());
  }

  all(): SObjectSchema[] {
    return [...this.objects.values()];
  }
}
