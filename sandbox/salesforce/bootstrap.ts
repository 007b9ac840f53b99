// One org with Baton installed: what `npm run sandbox`, the demo and e2e tests start from. Users (an admin who
// installs Baton, a marketing user, reps), the marketing queue (Group Type='Queue' + QueueSobject for Lead),
// Baton's Lead fields (or some of them missing), an active lead assignment rule, nurture campaigns and the
// connected app with tokens for the admin.
import { createHash } from 'node:crypto';
import { SF_MARKETING_QUEUE } from '../../src/crm/salesforce/batonFields.ts';
import type { AssignmentRule } from './state/assignmentRules.ts';
import type { ConnectedApp } from './state/connectedApp.ts';
import type { Org } from './state/org.ts';
import type { LeadStatusInput } from './state/orgCore.ts';
import type { UserInput } from './state/orgSetup.ts';
import type { SObjectRecord } from './state/recordStore.ts';
import type { SalesforceState } from './state/salesforceState.ts';

export interface BootstrapOrgInput {
  orgName?: string;
  timeZone?: string;
  edition?: string;
  dailyApiRequests?: number;
  leadStatuses?: LeadStatusInput[];
  admin?: UserInput;
  marketingUser?: UserInput;
  /** Sales reps (default two). */
  reps?: UserInput[];
  /** Baton's Lead fields: installed (default), not installed, or installed without some. */
  batonPackage?: boolean | { omitFields: string[] };
  /** The queue leads go back to marketing in (SF_MARKETING_QUEUE); false for none. */
  marketingQueue?: { name?: string; sobjectTypes?: string[] } | false;
  /** An active assignment rule sending every new or updated lead to the first rep (default on). */
  assignmentRule?: boolean;
  /** Campaigns to create (nurture lists). */
  campaigns?: string[];
  app?: {
    clientId?: string;
    clientSecret?: string;
    redirectUri?: string;
    requirePkce?: boolean;
    scopes?: string[];
  };
}

export interface BootstrappedOrg {
  org: Org;
  app: ConnectedApp;
  admin: SObjectRecord;
  marketingUser: SObjectRecord;
  reps: SObjectRecord[];
  marketingQueue?: SObjectRecord;
  assignmentRule?: AssignmentRule;
  campaigns: SObjectRecord[];
  redirectUri: string;
  /** The installed app's tokens, for the admin (the access token times out like a session). */
  accessToken: string;
  refreshToken: string;
  /** The authorize URL on a sandbox served at `baseUrl`, with a PKCE challenge for `codeVerifier`. */
  authorizeUrl(baseUrl: string, opts?: { state?: string; codeVerifier?: string; scope?: string }): string;
}

export function bootstrapOrg(state: SalesforceState, input: BootstrapOrgInput = {}): BootstrappedOrg {
  const pkg = input.batonPackage ?? true;
  const org = state.createOrg({
    name: input.orgName ?? 'Sandbox Org',
    ...(input.timeZone && { timeZone: input.timeZone }),
    ...(input.edition && { edition: input.edition }),
    ...(input.dailyApiRequests !== undefined && { dailyApiRequests: input.dailyApiRequests }),
    ...(input.leadStatuses && { leadStatuses: input.leadStatuses }),
    customLeadFields: [],
  });
  if (pkg !== false) org.installBatonPackage(pkg === true ? [] : pkg.omitFields);
  const admin = org.addUser(
    input.admin ?? { firstName: 'Ada', lastName: 'Admin', title: 'System Administrator' },
  );
  org.adminUserId = admin.id;
  const marketingUser = org.addUser(
    input.marketingUser ?? { firstName: 'Maya', lastName: 'Marketing', title: 'Marketing Operations' },
  );
  const reps = (
    input.reps ?? [
      { firstName: 'Alex', lastName: 'Rep', title: 'Sales Development Rep' },
      { firstName: 'Sam', lastName: 'Rep', title: 'Sales Development Rep' },
    ]
  ).map((r) => org.addUser({ ...r, managerId: r.managerId ?? admin.id }));
  const queueInput = input.marketingQueue ?? {};
  const marketingQueue =
    queueInput === false
      ? undefined
      : org.addQueue({
          name: queueInput.name ?? 'Baton Marketing',
          developerName: SF_MARKETING_QUEUE,
          sobjectTypes: queueInput.sobjectTypes ?? ['Lead'],
        });
  const defaultOwner = reps[0]?.id ?? admin.id;
  org.defaultLeadOwnerId = defaultOwner;
  const assignmentRule =
    input.assignmentRule === false
      ? undefined
      : org.addAssignmentRule({ name: 'Standard', entries: [{ criteria: [], assignTo: defaultOwner }] });
  const campaigns = (input.campaigns ?? []).map((name) => org.addCampaign({ name }));

  const redirectUri = input.app?.redirectUri ?? 'http://localhost:3000/oauth/salesforce/callback';
  const app = state.createApp({
    redirectUris: [redirectUri],
    ...(input.app?.clientId && { clientId: input.app.clientId }),
    ...(input.app?.clientSecret && { clientSecret: input.app.clientSecret }),
    ...(input.app?.requirePkce !== undefined && { requirePkce: input.app.requirePkce }),
    ...(input.app?.scopes && { scopes: input.app.scopes }),
  });
  state.authorizeOrgId ??= org.id;
  const session = state.issueSession(
    { orgId: org.id, userId: admin.id, clientId: app.clientId, scopes: app.scopes },
    { withRefreshToken: true },
  );
  return {
    org,
    app,
    admin,
    marketingUser,
    reps,
    ...(marketingQueue && { marketingQueue }),
    ...(assignmentRule && { assignmentRule }),
    campaigns,
    redirectUri,
    accessToken: session.accessToken.token,
    refreshToken: session.refreshToken?.token ?? '',
    authorizeUrl: (baseUrl, opts = {}) => {
      const url = new URL('/services/oauth2/authorize', baseUrl);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('client_id', app.clientId);
      url.searchParams.set('redirect_uri', redirectUri);
      url.searchParams.set('scope', opts.scope ?? 'api refresh_token');
      if (opts.state !== undefined) url.searchParams.set('state', opts.state);
      if (opts.codeVerifier !== undefined) {
        url.searchParams.set(
          'code_challenge',
          createHash('sha256').update(opts.codeVerifier).digest('base64url'),
        );
        url.searchParams.set('code_challenge_method', 'S256');
      }
      return url.toString();
    },
  };
}
