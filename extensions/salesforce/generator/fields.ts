// The Lead fields Baton reads and writes, as custom field metadata: one file per entry of SF_FIELD_SPECS, with the
// HubSpot properties' descriptions and the restricted picklists of Baton's stages, SLA statuses and rep reasons.
import { batonPropertyDefinitions, P } from '../../../src/crm/hubspot/batonProperties.ts';
import {
  SF_FIELDS,
  SF_RETURN_REFUSAL,
  SF_RETURN_REQUEST,
  type SfFieldSpec,
} from '../../../src/crm/salesforce/batonFields.ts';
import { defaultPolicy } from '../../../src/domain/policy/schema.ts';
import { STAGES } from '../../../src/domain/stages.ts';
import { STAGE_LABELS } from '../../hubspot/src/app/cards/shared/stageLabels.ts';
import { repReasons, SLA_LABELS, SLA_STATUSES } from './words.ts';
import { metadataXml, type XmlNode } from './xml.ts';

const FIELD_WORDS: Record<string, { description: string; help: string }> = (() => {
  const hubspot = new Map(batonPropertyDefinitions(defaultPolicy()).map((d) => [d.name, d.description]));
  const written = Object.fromEntries(
    (Object.keys(SF_FIELDS) as Array<keyof typeof SF_FIELDS>).map((key) => [
      SF_FIELDS[key],
      {
        description: `${hubspot.get(P[key]) ?? ''} Written by Baton; reps read it.`.trim(),
        help: 'Baton keeps this field up to date; changes made here are overwritten.',
      },
    ]),
  );
  const request = 'Baton reads it, then clears the request time once it has handled the return.';
  return {
    ...written,
    [SF_RETURN_REQUEST.reason]: {
      description: `Why the rep returns the lead to marketing (the Return to marketing action writes it). ${request}`,
      help: 'Set with the Return to marketing action.',
    },
    [SF_RETURN_REQUEST.note]: {
      description: `The rep's note with a return (required for some reasons). ${request}`,
      help: 'Set with the Return to marketing action.',
    },
    [SF_RETURN_REQUEST.reengageAt]: {
      description: `For timing reasons: the first day marketing may hand the lead to sales again. ${request}`,
      help: 'Set with the Return to marketing action.',
    },
    [SF_RETURN_REQUEST.requestedAt]: {
      description:
        'When the rep asked to return the lead; set means a return is waiting for Baton, empty means none is.',
      help: 'Set with the Return to marketing action; Baton clears it once the return is handled.',
    },
    [SF_RETURN_REFUSAL]: {
      description:
        'Why Baton did not take the lead back when the rep last asked (the lead had moved on before Baton read the request). Written by Baton with the request cleared; the next return Baton handles clears it.',
      help: 'Written by Baton when it could not act on a Return to marketing request.',
    },
  };
})();

export function picklistValuesOf(field: string): Array<{ value: string; label: string }> {
  switch (field) {
    case SF_FIELDS.stage:
      return STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }));
    case SF_FIELDS.slaStatus:
      return SLA_STATUSES.map((s) => ({ value: s, label: SLA_LABELS[s] }));
    case SF_RETURN_REQUEST.reason:
      return repReasons().map((r) => ({ value: r.code, label: r.label }));
    default:
      throw new Error(`No picklist values for ${field}: add them to the Salesforce package generator`);
  }
}

export function fieldXml(spec: SfFieldSpec): string {
  const words = FIELD_WORDS[spec.name];
  if (!words) throw new Error(`No description for ${spec.name}`);
  const head: XmlNode[] = [
    ['fullName', spec.name],
    ['description', words.description],
    ['externalId', false],
    ['inlineHelpText', words.help],
    ['label', spec.label],
  ];
  switch (spec.type) {
    case 'Text':
      return metadataXml('CustomField', [
        ...head,
        ['length', spec.length ?? 255],
        ['required', false],
        ['type', 'Text'],
        ['unique', false],
      ]);
    case 'LongTextArea':
      return metadataXml('CustomField', [
        ...head,
        ['length', spec.length ?? 32_768],
        ['type', 'LongTextArea'],
        ['visibleLines', 3],
      ]);
    case 'Number':
      return metadataXml('CustomField', [
        ...head,
        ['precision', spec.precision ?? 18],
        ['required', false],
        ['scale', spec.scale ?? 0],
        ['type', 'Number'],
        ['unique', false],
      ]);
    case 'DateTime':
    case 'Date':
      return metadataXml('CustomField', [...head, ['required', false], ['type', spec.type]]);
    case 'Picklist':
      return metadataXml('CustomField', [
        ...head,
        ['required', false],
        ['type', 'Picklist'],
        [
          'valueSet',
          [
            // Restricted: only Baton's values (the API rejects others), so reports and the worker agree on codes.
            ['restricted', true],
            [
              'valueSetDefinition',
              [
                ['sorted', false],
                ...picklistValuesOf(spec.name).map((v): XmlNode => [
                  'value',
                  [
                    ['fullName', v.value],
                    ['default', false],
                    ['label', v.label],
                  ],
                ]),
              ],
            ],
          ],
        ],
      ]);
  }
}
