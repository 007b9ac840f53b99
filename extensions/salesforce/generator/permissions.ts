// The two permission sets: reps read every Baton field and edit only the return request (plus the custom permission
// the quick action checks); Baton's integration user edits every Baton field, sees every lead and manages campaigns.
import { SF_FIELD_SPECS, SF_RETURN_REQUEST } from '../../../src/crm/salesforce/batonFields.ts';
import { CUSTOM_PERMISSION, OBJECT } from './names.ts';
import { metadataXml, type XmlNode } from './xml.ts';

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

export function repPermissionSet(): string {
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

export function integrationPermissionSet(): string {
  return metadataXml('PermissionSet', [
    [
      'description',
      "For the user Baton's worker connects as: writes every Baton field, sees every lead (change events need View All on Lead), manages the nurture campaigns and reads the org's Change Data Capture selections.",
    ],
    ...fieldPermissions(() => true),
    ['hasActivationRequired', false],
    ['label', 'Baton integration'],
    // Standard-object and user permissions take effect when the project is deployed from source; a managed package
    // installs neither (ISVforce guide, "Permission Sets and Profile Settings in Packages"), so the install steps
    // have the admin grant them (extensions/salesforce/README.md).
    objectPermission('Campaign', { create: true, edit: true }),
    objectPermission(OBJECT, { edit: true, viewAll: true }),
    // The connect check reads PlatformEventChannelMember over the Tooling API, which needs "View Setup and
    // Configuration" (Tooling API reference, PlatformEventChannelMember, special access rules).
    [
      'userPermissions',
      [
        ['enabled', true],
        ['name', 'ViewSetup'],
      ],
    ],
  ]);
}
