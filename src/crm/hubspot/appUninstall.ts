// Uninstalling Baton's app from a portal: DELETE /appinstalls/2026-03/external-install with the install's access
// token (scope `oauth`) → 204. HubSpot removes the app's cards and unsubscribes its webhooks for that portal, and
// emails the portal's super admins a link to reinstall. Revoking a refresh token alone does none of that.
// Spec: CRM/App Uninstalls/Rollouts/209039/2026-03/appUninstalls.json; docs:
// https://developers.hubspot.com/docs/api-reference/latest/app-management/app-uninstalls/guide
import { oauthFailure } from './oauthRequest.ts';
import { CrmError } from '../port.ts';

export const UNINSTALL_PATH = '/appinstalls/2026-03/external-install';
const TIMEOUT_MS = 20_000;

export async function uninstallApp(apiBaseUrl: string, accessToken: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`${apiBaseUrl}${UNINSTALL_PATH}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new CrmError('retryable', 'app.uninstall: no response', { status: null, cause: error });
  }
  const text = await res.text();
  if (res.ok) return;
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  throw oauthFailure('app.uninstall', res.status, body);
}
