// CDC changeOrigin values: an API client writes com/salesforce/api/rest/62.0;client=<Sforce-Call-Options
// client> (no ";client=" when it set none); a user in Lightning Experience shows up as the UI's internal API.
import { SF_API_VERSION } from '../../../src/crm/salesforce/batonFields.ts';

export const restOrigin = (version: string, client: string | undefined): string =>
  `com/salesforce/api/rest/${version}${client ? `;client=${client}` : ''}`;

export const UI_ORIGIN = `com/salesforce/api/soap/${SF_API_VERSION};client=SfdcInternalAPI/`;

/** Platform work (setup, roll-ups) carries no origin. */
export const SYSTEM_ORIGIN = '';
