// What an admin reads when the CRM sends them back without access. The callback's `error` and `error_description`
// arrive in a URL anyone can craft (a state comes from the public install link), so the page shows only Baton's own
// words for the error codes OAuth defines (RFC 6749 §4.1.2.1; HubSpot and Salesforce send these) and never the
// description, which is the sender's text. The description goes to the log, for ops.

const WORDS: Record<string, string> = {
  access_denied: 'the request was declined on the consent screen',
  invalid_request: 'the request was not complete',
  unauthorized_client: 'this app may not ask for access this way',
  unsupported_response_type: 'this app asked for access in a way it does not support',
  invalid_scope: 'the access this app asks for is not available to this account',
  server_error: 'it had a problem on its side',
  temporarily_unavailable: 'it was not available just then',
};

/** The page's sentence for a denied authorization: only Baton's words, whatever the code. */
export function authorizationDeniedMessage(crmName: string, error: string): string {
  const why = Object.hasOwn(WORDS, error) ? WORDS[error] : 'for a reason it did not name';
  return `${crmName} did not grant access: ${why}. Start again from the install link.`;
}
