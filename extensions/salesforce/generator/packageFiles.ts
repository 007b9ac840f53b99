// The Salesforce package's metadata and shared LWC modules, built from Baton's own code: the Lead fields Baton reads
// and writes (SF_FIELD_SPECS), the reason taxonomy and its rules (DEFAULT_REASONS, SYSTEM_REASONS), the funnel
// stages, the marketing queue and the API version. `npm run salesforce:package` writes these files; a test fails when
// they are stale. The components' own code (lwc/*/*.js, *.html) is written by hand and imports the generated modules.
import { batonPropertyDefinitions, P } from '../../../src/crm/hubspot/batonProperties.ts';
import {
  SF_API_VERSION,
  SF_FIELD_SPECS,
  SF_FIELDS,
  SF_MARKETING_QUEUE,
  SF_RETURN_REQUEST,
  type SfFieldSpec,
} from '../../../src/crm/salesforce/batonFields.ts';
import { newLeadState } from '../../../src/domain/decide/leadState.ts';
import { defaultPolicy } from '../../../src/domain/policy/schema.ts';
import {
  DEFAULT_REASONS,
  REASON_BUCKETS,
  SYSTEM_REASONS,
  type Reason,
  type ReasonBucket,
} from '../../../src/domain/reasons.ts';
import type { SlaStatus } from '../../../src/domain/sla/slaClock.ts';
import { RETURNABLE_STAGES, STAGES, SUCCESS_PATH, type Stage } from '../../../src/domain/stages.ts';
import { passportOf } from '../../../src/app/leadPassport.ts';
// The funnel card shows the same passport as the HubSpot card, in the same words.
import { SLA_STATUS_LABELS } from '../../hubspot/src/app/cards/funnelPassport/businessTime.ts';
import { STAGE_LABELS, STEP_LABELS } from '../../hubspot/src/app/cards/shared/stageLabels.ts';
import { metadataXml, type XmlNode } from './xml.ts';

export const PACKAGE_DIR = 'force-app/main/default';
export const OBJECT = 'Lead';
export const QUICK_ACTION = 'Return_To_Marketing';
export const CUSTOM_PERMISSION = 'Baton_Return_To_Marketing';
export const REP_PERMISSION_SET = 'Baton';
export const INTEGRATION_PERMISSION_SET = 'Baton_Integration';
/** Change events the worker consumes: the lead itself, and calls/emails/meetings logged on it (the first touch). */
export const CHANGE_EVENTS = ['LeadChangeEvent', 'TaskChangeEvent', 'EventChangeEvent'] as const;

export type PackageFile =
  { path: string; xml: string } | { path: string; json: unknown } | { path: string; js: string };

// ---------------------------------------------------------------------------------------------------------------
// Words

/** The buckets as reps read them; the titles are the backend's (the HubSpot card's reason picker shows the same). */
export const BUCKETS: Record<ReasonBucket, { label: string; title: string; consequence: string }> = {
  reject: {
    label: 'Reject',
    title: 'Reject — not right for sales (before contact)',
    consequence: 'Marketing ops reviews it, fixes what is wrong and routes it again.',
  },
  disqualify: {
    label: 'Disqualify',
    title: 'Disqualify — never a customer',
    consequence: 'It leaves the funnel for good: no nurture and no hand-over again.',
  },
  recycle: {
    label: 'Recycle',
    title: 'Recycle — right person, wrong time',
    consequence:
      'It goes back to nurture and returns to sales when it engages again (not before the re-engage date, if you set one).',
  },
};

/** The domain has no runtime list of SLA statuses; the labels' keys are it, checked against the domain's type. */
const SLA_LABELS: Record<SlaStatus, string> = SLA_STATUS_LABELS;
export const SLA_STATUSES = Object.keys(SLA_LABELS) as SlaStatus[];

/** Why a lead in each stage cannot be returned: the passport's own words (src/app/leadPassport.ts). */
export function notReturnableWhy(): Partial<Record<Stage, string>> {
  const at = new Date(0);
  const policy = defaultPolicy();
  const out: Partial<Record<Stage, string>> = {};
  for (const stage of STAGES) {
    const why = passportOf(newLeadState('x', at, { stage }), [], policy, at).notReturnableWhy;
    if (why !== null) out[stage] = why;
  }
  return out;
}

export const repReasons = (): Reason[] => DEFAULT_REASONS.filter((r) => r.repSelectable);

function reasonLabel(code: string): string {
  const reason = DEFAULT_REASONS.find((r) => r.code === code);
  if (!reason) throw new Error(`SYSTEM_REASONS.${code} has no entry in DEFAULT_REASONS`);
  return reason.label;
}

// ---------------------------------------------------------------------------------------------------------------
// Lead fields

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

function fieldXml(spec: SfFieldSpec): string {
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

// ---------------------------------------------------------------------------------------------------------------
// Permissions

const REQUEST_FIELDS = new Set<string>(Object.values(SF_RETURN_REQUEST));

function fieldPermissions(editable: (name: string) => boolean): XmlNode[] {
  return SF_FIELD_SPECS.map((s) => s.name)
    .toSorted()
    .map((name) => [
      'fieldPermissions',
      [
        ['editable', editable(name)],
        ['field', `${OBJECT}.${name}`],
        ['readable', true],
      ],
    ]);
}

const objectPermission = (
  object: string,
  p: { create?: boolean; edit?: boolean; viewAll?: boolean },
): XmlNode => [
  'objectPermissions',
  [
    ['allowCreate', p.create ?? false],
    ['allowDelete', false],
    ['allowEdit', p.edit ?? false],
    ['allowRead', true],
    ['modifyAllRecords', false],
    ['object', object],
    ['viewAllRecords', p.viewAll ?? false],
  ],
];

function repPermissionSet(): string {
  return metadataXml('PermissionSet', [
    [
      'customPermissions',
      [
        ['enabled', true],
        ['name', CUSTOM_PERMISSION],
      ],
    ],
    [
      'description',
      'For reps: see the Baton funnel card and return leads to marketing. Baton fields are read-only; the return request fields are editable.',
    ],
    // Reps read what Baton writes and write only the return request.
    ...fieldPermissions((name) => REQUEST_FIELDS.has(name)),
    ['hasActivationRequired', false],
    ['label', 'Baton'],
  ]);
}

function integrationPermissionSet(): string {
  return metadataXml('PermissionSet', [
    [
      'description',
      "For the user Baton's worker connects as: writes every Baton field, sees every lead (change events need View All on Lead) and manages the nurture campaigns.",
    ],
    ...fieldPermissions(() => true),
    ['hasActivationRequired', false],
    ['label', 'Baton integration'],
    objectPermission('Campaign', { create: true, edit: true }),
    objectPermission(OBJECT, { edit: true, viewAll: true }),
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// Components

interface Bundle {
  name: string;
  description: string;
  exposed?: { masterLabel: string; target: 'quickAction' | 'recordPage' };
  /** The bundle's JavaScript is generated too. */
  js?: () => string;
}

const header = (what: string) =>
  `// Generated by \`npm run salesforce:package\` from ${what}. Do not edit: change Baton's code and generate again.\n`;

function batonReasonsJs(): string {
  const reasons = repReasons().map((r) => ({
    code: r.code,
    label: r.label,
    bucket: r.bucket,
    noteRequired: r.noteRequired,
    reengageDateAllowed: r.reengageDateAllowed,
  }));
  const buckets = REASON_BUCKETS.map((bucket) => ({ bucket, ...BUCKETS[bucket] }));
  const labels = Object.fromEntries(DEFAULT_REASONS.map((r) => [r.code, r.label]));
  // Baton's own rules write these codes into Baton_Last_Reason__c: each must have a label to show.
  Object.values(SYSTEM_REASONS).forEach(reasonLabel);
  return `${header('src/domain/reasons.ts and src/domain/stages.ts')}
/** Reason buckets in the order reps see them, with what a return in each means for the lead. */
export const REASON_BUCKETS = ${JSON.stringify(buckets)};

/** The reasons a rep may pick (Baton_Return_Reason__c's picklist values), grouped by bucket in this order. */
export const REP_REASONS = ${JSON.stringify(reasons)};

/** Every reason's label by code, Baton's own rules included (Baton_Last_Reason__c holds the code). */
export const REASON_LABELS = ${JSON.stringify(labels)};

/** A rep may return a lead only in these stages (RETURNABLE_STAGES). */
export const RETURNABLE_STAGES = ${JSON.stringify(RETURNABLE_STAGES)};

/** Why a lead in another stage cannot be returned, in the passport's words. */
export const NOT_RETURNABLE_WHY = ${JSON.stringify(notReturnableWhy())};

export function reasonOf(code) {
  return REP_REASONS.find((r) => r.code === code);
}

/**
 * Checks a return against its reason's rules, as Baton's backend does (checkReturnInput): the problems, empty when
 * the return is valid. Dates are YYYY-MM-DD; a re-engage date must be after \`today\`, the rep's own date.
 */
export function checkReturn(input, today) {
  const reason = reasonOf(input.reason);
  if (!reason) return [{ field: 'reason', message: \`"\${input.reason}" is not a reason reps can pick\` }];
  const problems = [];
  if (reason.noteRequired && !(input.note || '').trim()) {
    problems.push({ field: 'note', message: \`A note is required for "\${reason.label}"\` });
  }
  if (input.reengageAt) {
    if (!reason.reengageDateAllowed) {
      problems.push({ field: 'reengageAt', message: \`"\${reason.label}" does not take a re-engage date\` });
    } else if (input.reengageAt <= today) {
      problems.push({ field: 'reengageAt', message: 'The re-engage date must be in the future' });
    }
  }
  return problems;
}
`;
}

function batonFunnelJs(): string {
  const stageLabels = Object.fromEntries(STAGES.map((s) => [s, STAGE_LABELS[s]]));
  const stepLabels = Object.fromEntries(SUCCESS_PATH.map((s) => [s, STEP_LABELS[s]]));
  const slaLabels = Object.fromEntries(SLA_STATUSES.map((s) => [s, SLA_LABELS[s]]));
  const fields = { ...SF_FIELDS, returnRequest: SF_RETURN_REQUEST };
  return `${header('src/domain/stages.ts, src/crm/salesforce/batonFields.ts and the HubSpot card labels')}
/** Baton_Stage__c's values. */
export const STAGES = ${JSON.stringify(STAGES)};

/** The success path, for the path indicator; the other stages are detours beside it. */
export const SUCCESS_PATH = ${JSON.stringify(SUCCESS_PATH)};

export const STAGE_LABELS = ${JSON.stringify(stageLabels)};

/** Short labels for the path, where space is tight. */
export const STEP_LABELS = ${JSON.stringify(stepLabels)};

/** Baton_SLA_Status__c's values and labels. */
export const SLA_STATUS_LABELS = ${JSON.stringify(slaLabels)};

/** The Lead fields Baton writes, and the return request the quick action writes. */
export const BATON_FIELDS = ${JSON.stringify(fields)};

/** The queue that owns leads Baton gives back to marketing. */
export const MARKETING_QUEUE = ${JSON.stringify(SF_MARKETING_QUEUE)};
`;
}

export const BUNDLES: readonly Bundle[] = [
  {
    name: 'batonReasons',
    description: "Baton's return reasons and their rules (generated from Baton's code).",
    js: batonReasonsJs,
  },
  {
    name: 'batonFunnel',
    description: "Baton's funnel stages, SLA statuses and field names (generated from Baton's code).",
    js: batonFunnelJs,
  },
  { name: 'batonFormat', description: 'Dates, durations and errors in words, for the Baton components.' },
  {
    name: 'returnToMarketing',
    description: 'Return a lead to marketing with a reason, a note and an optional re-engage date.',
    exposed: { masterLabel: 'Return to marketing', target: 'quickAction' },
  },
  {
    name: 'batonFunnelCard',
    description: "The lead's Baton funnel passport: stage, first-touch SLA, scores, recycling and returns.",
    exposed: { masterLabel: 'Baton funnel passport', target: 'recordPage' },
  },
];

function bundleMetaXml(bundle: Bundle): string {
  const nodes: XmlNode[] = [
    ['apiVersion', SF_API_VERSION],
    ['description', bundle.description],
    ['isExposed', Boolean(bundle.exposed)],
  ];
  if (bundle.exposed) {
    const quickAction = bundle.exposed.target === 'quickAction';
    const target = quickAction ? 'lightning__RecordAction' : 'lightning__RecordPage';
    nodes.push(
      ['masterLabel', bundle.exposed.masterLabel],
      ['targets', [['target', target]]],
      [
        'targetConfigs',
        [
          [
            'targetConfig',
            quickAction ? [['actionType', 'ScreenAction']] : [['objects', [['object', OBJECT]]]],
            { targets: target },
          ],
        ],
      ],
    );
  }
  return metadataXml('LightningComponentBundle', nodes);
}

// ---------------------------------------------------------------------------------------------------------------
// The package

export function salesforcePackageFiles(): PackageFile[] {
  const lwc = (bundle: string, file: string) => `${PACKAGE_DIR}/lwc/${bundle}/${file}`;
  return [
    {
      path: 'sfdx-project.json',
      json: {
        packageDirectories: [{ path: 'force-app', default: true }],
        name: 'baton',
        namespace: '',
        sfdcLoginUrl: 'https://login.salesforce.com',
        sourceApiVersion: SF_API_VERSION,
      },
    },
    ...SF_FIELD_SPECS.map((spec) => ({
      path: `${PACKAGE_DIR}/objects/${OBJECT}/fields/${spec.name}.field-meta.xml`,
      xml: fieldXml(spec),
    })),
    ...BUNDLES.flatMap((bundle): PackageFile[] => [
      { path: lwc(bundle.name, `${bundle.name}.js-meta.xml`), xml: bundleMetaXml(bundle) },
      ...(bundle.js ? [{ path: lwc(bundle.name, `${bundle.name}.js`), js: bundle.js() }] : []),
    ]),
    {
      path: `${PACKAGE_DIR}/quickActions/${OBJECT}.${QUICK_ACTION}.quickAction-meta.xml`,
      xml: metadataXml('QuickAction', [
        ['actionSubtype', 'ScreenAction'],
        ['label', 'Return to marketing'],
        ['lightningWebComponent', 'returnToMarketing'],
        ['optionsCreateFeedItem', false],
        ['type', 'LightningWebComponent'],
      ]),
    },
    {
      path: `${PACKAGE_DIR}/customPermissions/${CUSTOM_PERMISSION}.customPermission-meta.xml`,
      xml: metadataXml('CustomPermission', [
        ['description', 'Lets a rep use the Return to marketing action on leads (Baton).'],
        ['isLicensed', false],
        ['label', 'Return leads to marketing (Baton)'],
      ]),
    },
    {
      path: `${PACKAGE_DIR}/permissionsets/${REP_PERMISSION_SET}.permissionset-meta.xml`,
      xml: repPermissionSet(),
    },
    {
      path: `${PACKAGE_DIR}/permissionsets/${INTEGRATION_PERMISSION_SET}.permissionset-meta.xml`,
      xml: integrationPermissionSet(),
    },
    ...CHANGE_EVENTS.map((entity) => ({
      path: `${PACKAGE_DIR}/platformEventChannelMembers/ChangeEvents_${entity}.platformEventChannelMember-meta.xml`,
      xml: metadataXml('PlatformEventChannelMember', [
        ['eventChannel', 'ChangeEvents'],
        ['selectedEntity', entity],
      ]),
    })),
    {
      path: `${PACKAGE_DIR}/queues/${SF_MARKETING_QUEUE}.queue-meta.xml`,
      xml: metadataXml('Queue', [
        ['doesSendEmailToMembers', false],
        ['name', 'Baton marketing'],
        ['queueSobject', [['sobjectType', OBJECT]]],
      ]),
    },
  ];
}
