// Everything the sandbox knows: orgs, connected apps, OAuth tokens and the request log. Tests and the demo
// inspect and drive it (state.org(id).logCall(...)); the HTTP layer serves it.
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../hubspot/clock.ts';
import type { BusDeps } from '../cdc/changeEventBus.ts';
import { batonLeadFields } from '../model/batonPackage.ts';
import { IdGenerator } from '../model/ids.ts';
import { DEFAULT_APP_SCOPES, type ConnectedApp } from './connectedApp.ts';
import { Org } from './org.ts';
import { DEFAULT_LEAD_STATUSES, type OrgInput } from './orgCore.ts';
import { RequestLog } from './requestLog.ts';
import { TokenStore, type AccessToken, type Grant, type RefreshToken } from './tokenStore.ts';

export interface StateOptions {
  clock: Clock;
  requestLogLimit: number;
  /** Session inactivity timeout (Salesforce's default: 2 hours). */
  sessionTimeoutSeconds: number;
  dailyApiRequests: number;
  cdc: BusDeps['options'];
  drops: BusDeps['drops'];
}

export interface AppInput {
  name?: string;
  clientId?: string;
  clientSecret?: string;
  redirectUris?: string[];
  scopes?: string[];
  requirePkce?: boolean;
  requireSecretForRefresh?: boolean;
}

export interface Session {
  accessToken: AccessToken;
  refreshToken?: RefreshToken;
}

export class SalesforceState {
  readonly clock: Clock;
  readonly ids = new IdGenerator();
  readonly tokens = new TokenStore();
  readonly requests: RequestLog;
  readonly options: StateOptions;
  private readonly orgsById = new Map<string, Org>();
  private readonly appsByClientId = new Map<string, ConnectedApp>();
  /** Where /services/oauth2/authorize logs in (the first org and its admin unless set). */
  authorizeOrgId: string | undefined;
  authorizeUserId: string | undefined;

  constructor(options: StateOptions) {
    this.options = options;
    this.clock = options.clock;
    this.requests = new RequestLog(options.requestLogLimit);
  }

  createOrg(input: Partial<Omit<OrgInput, 'id'>> = {}): Org {
    const id = this.ids.next('00D');
    const org = new Org(
      {
        id,
        name: input.name ?? `Org ${this.orgsById.size + 1}`,
        timeZone: input.timeZone ?? 'UTC',
        edition: input.edition ?? 'Enterprise Edition',
        instanceName: input.instanceName ?? 'SBX1',
        leadStatuses: input.leadStatuses ?? DEFAULT_LEAD_STATUSES,
        customLeadFields: input.customLeadFields ?? batonLeadFields(),
        dailyApiRequests: input.dailyApiRequests ?? this.options.dailyApiRequests,
      },
      { clock: this.clock, ids: this.ids, cdc: this.options.cdc, drops: this.options.drops },
    );
    this.orgsById.set(id, org);
    this.authorizeOrgId ??= id;
    return org;
  }

  org(id: string): Org {
    const org = this.orgsById.get(id);
    if (!org) throw new Error(`No org ${id} in the sandbox`);
    return org;
  }

  findOrg(id: string): Org | undefined {
    return this.orgsById.get(id);
  }

  orgs(): Org[] {
    return [...this.orgsById.values()];
  }

  createApp(input: AppInput = {}): ConnectedApp {
    const app: ConnectedApp = {
      name: input.name ?? 'Baton (sandbox)',
      clientId: input.clientId ?? `3MVG9${randomBytes(60).toString('base64url')}`,
      clientSecret: input.clientSecret ?? randomBytes(32).toString('hex').toUpperCase(),
      redirectUris: input.redirectUris ?? [],
      scopes: input.scopes ?? DEFAULT_APP_SCOPES,
      requirePkce: input.requirePkce ?? true,
      requireSecretForRefresh: input.requireSecretForRefresh ?? true,
    };
    this.appsByClientId.set(app.clientId, app);
    return app;
  }

  appByClientId(clientId: string): ConnectedApp | undefined {
    return this.appsByClientId.get(clientId);
  }

  sessionTimeoutMs(): number {
    return this.options.sessionTimeoutSeconds * 1000;
  }

  /** Issues tokens as a finished OAuth flow (or a user's login, for an LWC's session) would. */
  issueSession(grant: Grant, opts: { withRefreshToken?: boolean } = {}): Session {
    const now = this.clock.now();
    const refreshToken = opts.withRefreshToken ? this.tokens.issueRefresh(grant, now) : undefined;
    const accessToken = this.tokens.issueAccess(grant, now, this.sessionTimeoutMs(), refreshToken?.token);
    return { accessToken, ...(refreshToken && { refreshToken }) };
  }

  /** A user's own session in the org (what an LWC calls with). */
  userSession(orgId: string, userId: string): AccessToken {
    return this.issueSession({ orgId, userId, clientId: null, scopes: ['api', 'web'] }).accessToken;
  }
}
