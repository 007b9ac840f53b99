// The identity a token speaks for, as the identity URL (/id/<org>/<user>) and /services/oauth2/userinfo
// describe it, with the URLs a client builds REST calls from.
import type { SObjectRecord } from '../../state/recordStore.ts';
import type { Org } from '../../state/org.ts';

export const identityUrl = (base: string, orgId: string, userId: string): string =>
  `${base}/id/${orgId}/${userId}`;

function urls(instanceUrl: string, orgId: string, userId: string): Record<string, string> {
  const data = `${instanceUrl}/services/data/v{version}`;
  return {
    enterprise: `${instanceUrl}/services/Soap/c/{version}/${orgId.slice(0, 15)}`,
    metadata: `${instanceUrl}/services/Soap/m/{version}/${orgId.slice(0, 15)}`,
    partner: `${instanceUrl}/services/Soap/u/{version}/${orgId.slice(0, 15)}`,
    rest: `${data}/`,
    sobjects: `${data}/sobjects/`,
    search: `${data}/search/`,
    query: `${data}/query/`,
    recent: `${data}/recent/`,
    tooling_rest: `${data}/tooling/`,
    profile: `${instanceUrl}/${userId}`,
    custom_domain: instanceUrl,
  };
}

export function identity(instanceUrl: string, org: Org, user: SObjectRecord): Record<string, unknown> {
  const v = user.values;
  return {
    id: identityUrl(instanceUrl, org.id, user.id),
    asserted_user: true,
    user_id: user.id,
    organization_id: org.id,
    username: v.Username,
    nick_name: String(v.Alias ?? ''),
    display_name: v.Name,
    email: v.Email,
    email_verified: true,
    first_name: v.FirstName,
    last_name: v.LastName,
    timezone: v.TimeZoneSidKey,
    photos: { picture: `${instanceUrl}/profilephoto/005/F`, thumbnail: `${instanceUrl}/profilephoto/005/T` },
    status: { created_date: null, body: null },
    urls: urls(instanceUrl, org.id, user.id),
    active: v.IsActive,
    user_type: 'STANDARD',
    language: 'en_US',
    locale: 'en_US',
    utcOffset: 0,
    last_modified_date: new Date(Number(v.LastModifiedDate)).toISOString().replace('Z', '+0000'),
    is_app_installed: true,
  };
}

/** The OpenID Connect form of the same identity. */
export function userInfo(instanceUrl: string, org: Org, user: SObjectRecord): Record<string, unknown> {
  const full = identity(instanceUrl, org, user);
  return {
    sub: full.id,
    user_id: user.id,
    organization_id: org.id,
    preferred_username: full.username,
    nickname: full.nick_name,
    name: full.display_name,
    email: full.email,
    email_verified: true,
    given_name: full.first_name,
    family_name: full.last_name,
    zoneinfo: full.timezone,
    photos: full.photos,
    profile: `${instanceUrl}/${user.id}`,
    picture: (full.photos as { picture: string }).picture,
    urls: full.urls,
    active: full.active,
    user_type: 'STANDARD',
    language: 'en_US',
    locale: 'en_US',
    utcOffset: 0,
    updated_at: full.last_modified_date,
    is_app_installed: true,
  };
}
