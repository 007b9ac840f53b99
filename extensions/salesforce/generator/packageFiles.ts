// The Salesforce package's generated files, built from Baton's own code: the Lead fields Baton reads and writes
// (fields.ts), the permission sets (permissions.ts), the component bundles' metadata and the data modules the
// components import (components.ts), the quick action, the custom permission, the change-event selections and the
// marketing queue, and the External Client App (externalClientApp.ts). `npm run salesforce:package` writes them; a test fails when they are stale. The components' code
// (lwc/*/*.js, *.html) and the rules they share (c/batonReturnRules) are written by hand.
import {
  SF_API_VERSION,
  SF_FIELD_SPECS,
  SF_MARKETING_QUEUE,
} from '../../../src/crm/salesforce/batonFields.ts';
import { BUNDLES, bundleMetaXml, dataModuleJs } from './components.ts';
import { externalClientAppFiles } from './externalClientApp.ts';
import { fieldXml } from './fields.ts';
import {
  CHANGE_EVENTS,
  CUSTOM_PERMISSION,
  INTEGRATION_PERMISSION_SET,
  OBJECT,
  PACKAGE_DIR,
  QUICK_ACTION,
  REP_PERMISSION_SET,
} from './names.ts';
import { integrationPermissionSet, repPermissionSet } from './permissions.ts';
import { metadataXml } from './xml.ts';

export { BUNDLES } from './components.ts';
export { ECA_SCOPES } from './externalClientApp.ts';
export {
  CHANGE_EVENTS,
  CUSTOM_PERMISSION,
  EXTERNAL_CLIENT_APP,
  INTEGRATION_PERMISSION_SET,
  OBJECT,
  PACKAGE_DIR,
  QUICK_ACTION,
  REP_PERMISSION_SET,
} from './names.ts';

export type PackageFile =
  { path: string; xml: string } | { path: string; json: unknown } | { path: string; js: string };

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
      ...(bundle.data
        ? [{ path: lwc(bundle.name, `${bundle.name}.js`), js: dataModuleJs(bundle.data()) }]
        : []),
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
    ...externalClientAppFiles(),
  ];
}
