// Baton's External Client App, as the package carries it. New connected apps are restricted from Spring '26
// (Metadata API guide, ConnectedApp: "Connected apps creation is restricted as of Spring '26 … we recommend using
// external client apps instead"), and an External Client App is "closed by default": it cannot be used in an org
// until it is installed there (Salesforce Developers blog, "Secure Your Org with External Client Apps", 2025-01).
//
// The package holds what the developer owns and may ship (Metadata API guide, ExternalClientApplication and
// ExtlClntAppOauthSettings, API 59.0+): the app's header and its OAuth plugin's scopes. It never holds the global
// OAuth settings (callback URL, consumer key and secret: ExtlClntAppGlobalOauthSettings "can't be packaged and must
// not be added to source control") nor the subscriber's policies (ExtlClntAppOauthConfigurablePolicies: who may
// use the app, set by the installing org's admin). .forceignore and .gitignore keep both out.
import { SALESFORCE_SCOPES } from '../../../src/crm/salesforce/oauth.ts';
import { EXTERNAL_CLIENT_APP, PACKAGE_DIR } from './names.ts';
import { metadataXml } from './xml.ts';

/**
 * The Metadata API's names for the OAuth scopes Baton asks for (`scope=api refresh_token`): the ConnectedApp scope
 * enumeration (Api, RefreshToken, …), which ExtlClntAppOauthSettings takes as one comma-separated string.
 */
const METADATA_SCOPE: Record<(typeof SALESFORCE_SCOPES)[number], string> = {
  api: 'Api',
  refresh_token: 'RefreshToken',
};

export const ECA_SCOPES = SALESFORCE_SCOPES.map((scope) => METADATA_SCOPE[scope]);

export function externalClientAppFiles(): Array<{ path: string; xml: string }> {
  return [
    {
      path: `${PACKAGE_DIR}/externalClientApps/${EXTERNAL_CLIENT_APP}.eca-meta.xml`,
      xml: metadataXml('ExternalClientApplication', [
        [
          'description',
          'Baton keeps the marketing-to-sales lead hand-off honest: SLA clocks, returns to marketing, recycling into nurture campaigns.',
        ],
        // Installed through this package; the consumer key stays with the org the package is built in.
        ['distributionState', 'Packaged'],
        ['isProtected', false],
        ['label', 'Baton'],
      ]),
    },
    {
      path: `${PACKAGE_DIR}/extlClntAppOauthSettings/${EXTERNAL_CLIENT_APP}_oauth.ecaOauth-meta.xml`,
      xml: metadataXml('ExtlClntAppOauthSettings', [
        ['commaSeparatedOauthScopes', ECA_SCOPES.join(', ')],
        ['externalClientApplication', EXTERNAL_CLIENT_APP],
        ['label', 'Baton OAuth'],
      ]),
    },
  ];
}
