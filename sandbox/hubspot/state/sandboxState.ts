// Everything the sandbox knows: developer apps, portals, tokens, the request log and webhook deliveries.
// Tests and the demo inspect it and drive it (state.portal(id).logCall(...)); the HTTP layer serves it.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { TouchOptions } from '../model/engagementTouch.ts';
import type { LifecycleBackwardPolicy } from '../model/lifecycleStage.ts';
import type { WebhookDelivery } from '../webhooks/webhookEvent.ts';
import type { ChangeEvent, ChangeListener } from './changeEvents.ts';
import {
  DEFAULT_APP_SCOPES,
  LEAD_OBJECT_SCOPES,
  type DeveloperApp,
  type SubscriptionType,
  type WebhookSubscription,
} from './developerApp.ts';
import { Portal } from './portal.ts';
import { RequestLog } from './requestLog.ts';
import { TokenStore, type AccessToken, type Grant, type RefreshToken } from './tokenStore.ts';

export interface StateOptions {
  clock: Clock;
  lifecycleBackward: LifecycleBackwardPolicy;
  touch: TouchOptions;
  requestLogLimit: number;
  accessTokenTtlSeconds: number;
}

export interface AppInput {
  name?: string;
  clientId?: string;
  clientSecret?: string;
  redirectUris?: string[];
  scopes?: string[];
  webhooks?: {
    targetUrl?: string;
    maxConcurrentRequests?: number;
    subscriptions?: Array<Omit<WebhookSubscription, 'id' | 'active'> & { active?: boolean }>;
  };
}

export interface PortalInput {
  portalId?: number;
  name?: string;
  adminEmail?: string;
  /** Whether the account has the Leads object (default true). */
  leadsObject?: boolean;
  /** Adds the "Inbound leads" pipeline (stages 1001…1005) next to the default one. */
  inboundLeadPipeline?: boolean;
}

export interface InstallResult {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export class SandboxState {
  readonly clock: Clock;
  readonly tokens = new TokenStore();
  readonly requests: RequestLog;
  readonly webhookDeliveries: WebhookDelivery[] = [];
  readonly options: StateOptions;
  private readonly portalsById = new Map<number, Portal>();
  private readonly appsById = new Map<number, DeveloperApp>();
  private readonly listeners: ChangeListener[] = [];
  private objectSeq = 100_000;
  private ownerSeq = 70_000_000;
  private userSeq = 9_000_000;
  private listSeq = 1;
  private portalSeq = 20_000_000;
  private appSeq = 3_000_000;
  private subscriptionSeq = 100;
  /** Where /oauth/authorize installs (the first portal unless set). */
  authorizePortalId: number | undefined;

  constructor(options: StateOptions) {
    this.options = options;
    this.clock = options.clock;
    this.requests = new RequestLog(options.requestLogLimit);
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.push(listener);
    return () => this.listeners.splice(this.listeners.indexOf(listener), 1);
  }

  private emit(events: readonly ChangeEvent[]): void {
    if (events.length > 0) for (const l of this.listeners) l(events);
  }

  // ── apps ─────────────────────────────────────────────────────────────────────────────────────────────

  createApp(input: AppInput = {}, kind: DeveloperApp['kind'] = 'public'): DeveloperApp {
    const appId = ++this.appSeq;
    const app: DeveloperApp = {
      appId,
      name: input.name ?? `Sandbox app ${appId}`,
      clientId: input.clientId ?? randomUUID(),
      clientSecret: input.clientSecret ?? randomUUID(),
      redirectUris: input.redirectUris ?? [],
      scopes: input.scopes ?? DEFAULT_APP_SCOPES,
      kind,
      webhooks: { maxConcurrentRequests: input.webhooks?.maxConcurrentRequests ?? 10, subscriptions: [] },
    };
    if (input.webhooks?.targetUrl) app.webhooks.targetUrl = input.webhooks.targetUrl;
    this.appsById.set(appId, app);
    for (const s of input.webhooks?.subscriptions ?? []) this.subscribe(appId, s);
    return app;
  }

  app(appId: number): DeveloperApp | undefined {
    return this.appsById.get(appId);
  }

  appByClientId(clientId: string): DeveloperApp | undefined {
    return [...this.appsById.values()].find((a) => a.clientId === clientId && a.kind === 'public');
  }

  apps(): DeveloperApp[] {
    return [...this.appsById.values()];
  }

  subscribe(
    appId: number,
    sub: {
      subscriptionType: SubscriptionType;
      propertyName?: string;
      objectTypeId?: string;
      active?: boolean;
    },
  ): WebhookSubscription {
    const app = this.requireApp(appId);
    const created: WebhookSubscription = { ...sub, id: ++this.subscriptionSeq, active: sub.active ?? true };
    app.webhooks.subscriptions.push(created);
    return created;
  }

  setWebhookTarget(appId: number, targetUrl: string | undefined): void {
    const app = this.requireApp(appId);
    if (targetUrl === undefined) delete app.webhooks.targetUrl;
    else app.webhooks.targetUrl = targetUrl;
  }

  private requireApp(appId: number): DeveloperApp {
    const app = this.appsById.get(appId);
    if (!app) throw new Error(`No app ${appId} in the sandbox`);
    return app;
  }

  // ── portals ──────────────────────────────────────────────────────────────────────────────────────────

  /**
   * A portal with one user (who also owns records and installs apps). `leadsObject: false` is an account without
   * Sales Hub Professional (no Leads object); `inboundLeadPipeline` adds a second lead pipeline with numeric ids.
   */
  createPortal(input: PortalInput = {}): Portal {
    const id = input.portalId ?? ++this.portalSeq;
    if (this.portalsById.has(id)) throw new Error(`Portal ${id} already exists`);
    const portal = new Portal(id, input.name ?? `Portal ${id}`, {
      clock: this.clock,
      nextId: () => String(++this.objectSeq),
      nextOwner: () => ({ id: String(++this.ownerSeq), userId: ++this.userSeq }),
      nextListId: () => String(++this.listSeq),
      emit: (events) => this.emit(events),
      lifecycleBackward: this.options.lifecycleBackward,
      touch: this.options.touch,
    });
    this.portalsById.set(id, portal);
    portal.leadsObject = input.leadsObject ?? true;
    if (input.inboundLeadPipeline) portal.addLeadPipeline();
    portal.createOwner({
      email: input.adminEmail ?? `admin@${portal.domain}`,
      firstName: 'Admin',
      lastName: 'User',
    });
    this.authorizePortalId ??= id;
    return portal;
  }

  portal(id: number): Portal {
    const p = this.portalsById.get(id);
    if (!p) throw new Error(`No portal ${id} in the sandbox`);
    return p;
  }

  findPortal(id: number): Portal | undefined {
    return this.portalsById.get(id);
  }

  portals(): Portal[] {
    return [...this.portalsById.values()];
  }

  // ── installs and tokens ─────────────────────────────────────────────────────────────────────────────

  /** Installs an app in a portal without the browser dance: tokens as the OAuth flow would issue them. */
  installApp(
    portalId: number,
    appId: number,
    opts: { userId?: number; scopes?: string[] } = {},
  ): InstallResult {
    const app = this.requireApp(appId);
    const grant = this.grantFor(portalId, app, opts);
    const refresh = this.tokens.issueRefresh({ ...grant, clientId: app.clientId });
    const access = this.issueAccess(refresh);
    return {
      accessToken: access.token,
      refreshToken: refresh.token,
      expiresIn: this.options.accessTokenTtlSeconds,
    };
  }

  /** Installs the app in the portal (if not yet) and says what its tokens may do there. */
  grantFor(portalId: number, app: DeveloperApp, opts: { userId?: number; scopes?: string[] } = {}): Grant {
    const portal = this.portal(portalId);
    portal.installedApps.add(app.appId);
    const userId = opts.userId ?? portal.installingUserId ?? 0;
    const userEmail = portal.owners.byUserId(userId)?.email ?? `user${userId}@${portal.domain}`;
    // An account without the Leads object cannot grant its scopes (objectScopes.ts cites the changelogs).
    const scopes = (opts.scopes ?? app.scopes).filter(
      (s) => portal.leadsObject || !LEAD_OBJECT_SCOPES.includes(s),
    );
    return { portalId, appId: app.appId, userId, userEmail, scopes };
  }

  issueAccess(refresh: RefreshToken): AccessToken {
    return this.tokens.issueAccess(
      refresh,
      this.clock.now(),
      this.options.accessTokenTtlSeconds,
      refresh.token,
    );
  }

  /** A private-app (static) token: never expires, sees one portal. */
  createPrivateAppToken(
    portalId: number,
    opts: { name?: string; scopes?: string[] } = {},
  ): { token: string; appId: number } {
    const app = this.createApp(
      {
        name: opts.name ?? 'Private app',
        scopes: opts.scopes ?? DEFAULT_APP_SCOPES,
        clientSecret: randomBytes(16).toString('hex'),
      },
      'private',
    );
    const token = this.tokens.issueAccess(this.grantFor(portalId, app), this.clock.now(), null);
    return { token: token.token, appId: app.appId };
  }

  uninstallApp(portalId: number, appId: number): void {
    this.findPortal(portalId)?.installedApps.delete(appId);
    this.tokens.revokeInstall(portalId, appId);
  }
}
