// Baton's package as installed in an org: the Lead custom fields of SF_FIELD_SPECS, typed as describe()
// reports them (Text → string, LongTextArea → textarea, Number → double, ...). Picklists are restricted to the
// values the package generator writes into their metadata.
import { SF_FIELD_SPECS, type SfFieldSpec } from '../../../src/crm/salesforce/batonFields.ts';
import { picklistValuesOf } from '../../../extensions/salesforce/generator/fields.ts';
import { field, type FieldSpec } from './fieldSpec.ts';

export function batonFieldSpec(spec: SfFieldSpec): FieldSpec {
  switch (spec.type) {
    case 'Text':
      return field(spec.name, spec.label, 'string', { length: spec.length ?? 255 });
    case 'LongTextArea':
      return field(spec.name, spec.label, 'textarea', {
        length: spec.length ?? 32_768,
        extraTypeInfo: 'plaintextarea',
      });
    case 'Number':
      return field(spec.name, spec.label, 'double', {
        precision: spec.precision ?? 18,
        scale: spec.scale ?? 0,
      });
    case 'DateTime':
      return field(spec.name, spec.label, 'datetime');
    case 'Date':
      return field(spec.name, spec.label, 'date');
    case 'Picklist':
      // Restricted to Baton's codes, as the package's field metadata declares them (valueSet restricted="true"):
      // any other value is INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST.
      return field(spec.name, spec.label, 'picklist', {
        picklist: { values: picklistValuesOf(spec.name), restricted: true },
      });
  }
}

/** The package's Lead fields, minus the ones a test wants missing (so verification can report them). */
export function batonLeadFields(omit: readonly string[] = []): FieldSpec[] {
  const skip = new Set(omit.map((n) => n.toLowerCase()));
  return SF_FIELD_SPECS.filter((s) => !skip.has(s.name.toLowerCase())).map(batonFieldSpec);
}
