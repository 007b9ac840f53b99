// How HubSpot signs what it sends (webhooks, and hubspot.fetch from UI extensions): X-HubSpot-Signature-v3 is the
// base64 HMAC-SHA256, keyed with the app's client secret, of method + URI + raw body + X-HubSpot-Request-Timestamp
// (milliseconds). HubSpot signs the URI with these percent-escapes decoded: %3A : %2F / %3F ? %40 @ %21 ! %24 $
// %27 ' %28 ( %29 ) %2A * %2C , %3B ; — others (e.g. %20) stay as sent.
// Source: https://developers.hubspot.com/docs/apps/developer-platform/build-apps/authentication/request-validation
// ("Validate the v3 request signature"). Written here from that page, apart from Baton's verifier, so the sandbox
// does not share its blind spots: the e2e tests hold the two against each other.
import { createHmac } from 'node:crypto';

export const SIGNATURE_V3_HEADER = 'X-HubSpot-Signature-v3';
export const REQUEST_TIMESTAMP_HEADER = 'X-HubSpot-Request-Timestamp';

const SIGNED_DECODED = /%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi;

export function hubspotSignatureV3(input: {
  clientSecret: string;
  method: string;
  uri: string;
  body: string;
  timestampMs: number;
}): string {
  const uri = input.uri.replace(SIGNED_DECODED, (escape) => decodeURIComponent(escape));
  return createHmac('sha256', input.clientSecret)
    .update(`${input.method}${uri}${input.body}${input.timestampMs}`, 'utf8')
    .digest('base64');
}
