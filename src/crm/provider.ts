// What each CRM module exports: one provider. Everything that differs between HubSpot and Salesforce lives
// behind it — limits, error classification, the OAuth flow, the port, how changes arrive — so the rest of Baton
// (connect, ingest, the worker, ops) is written once. Only the composition root says which providers exist.
import type { CallLog } from './callRunner.ts';
import type { InboundBatch, InboundChange } from './inboundChange.ts';
import type { CrmPort, ProvisioningProblem, ProvisioningReport } from './port.ts';
import type { RetryOptions } from './retryPolicy.ts';
import type { TokenVault } from './accessTokens.ts';
import type { TokenSet } from './tokenSet.ts';
import type { Policy } from '../domain/policy/schema.ts';
import type { Logger } from '../logger.ts';

export type CrmKind = 'hubspot' | 'salesforce';

/** What an admin's consent gave Baton: the account, who granted it, and its tokens. */
export interface Grant {
  account: { externalId: string; name: string };
  /** The CRM user who connected Baton: the tenant's first Baton admin (when the CRM says who). */
  adminUserId: string | null;
  credentials: TokenSet;
}

export interface ConnectWords {
  /** "install" / "connect": what the admin does. */
  verb: string;
  /** "install" / "connection": the thing done. */
  noun: string;
  /** "installed in" / "connected to". */
  done: string;
  /** "portal" / "org": what an account is called. */
  account: string;
  /** What fixes a provisioning run that could not finish. */
  provisioningFix: string;
}

/** The CRM's side of connecting an account (OAuth 2.0 authorization code flow). */
export interface OAuthFlow {
  /** How the admin's pages say it: HubSpot apps are installed in a portal, Salesforce orgs are connected. */
  readonly words: ConnectWords;
  /** The consent URL; a PKCE verifier to keep server-side until the callback, where the CRM wants one. */
  authorize(redirectUri: string, state: string): { url: string; verifier: string | null };
  /** The code for tokens and the account behind them. Throws CrmError: auth_invalid/permanent = the code is no good. */
  exchange(code: string, redirectUri: string, verifier: string | null, now: Date): Promise<Grant>;
  /**
   * Takes Baton out of the account: HubSpot uninstalls the app (cards, webhooks) and revokes the grant; Salesforce
   * revokes the grant (the package stays installed). Throws when the CRM could not be told.
   */
  disconnect(credentials: TokenSet, now: Date): Promise<{ uninstalled: boolean; revoked: boolean }>;
}

/** A delivery the CRM pushed over HTTP (a webhook request), before Baton trusts any of it. */
export interface SignedDelivery {
  method: string;
  /** The URL the CRM called, as Baton's public URL spells it (signatures cover it). */
  url: string;
  /** The exact bytes received. */
  body: Buffer;
  header(name: string): string | undefined;
  now: Date;
}

export type WebhookReading =
  | {
      ok: true;
      batch: InboundBatch;
      /** Identifies this exact delivery until it could no longer verify: the same request again is a replay. */
      delivery: { key: string; until: Date };
    }
  | {
      ok: false;
      problem: 'unauthenticated' | 'invalid_input';
      message: string;
      problems?: Array<{ field: string; message: string }>;
    };

/** Changes the CRM pushes to Baton's web process (HubSpot webhooks). */
export interface WebhookIngress {
  readonly path: string;
  /** Largest body accepted (express size syntax). */
  readonly bodyLimit: string;
  /** Verifies the signature over the raw bytes, then reads the events. Nothing is trusted before this. */
  read(delivery: SignedDelivery): WebhookReading;
}

/** What one event of a tenant's change feed brought. */
export interface FeedDelivery {
  /** Where it came from, kept with each inbox row ('salesforce.cdc'). */
  source: string;
  /** What the sync log calls it ('change event LeadChangeEvent'). */
  operation: string;
  changes: Array<{ dedupeKey: string; change: InboundChange }>;
  /** Notifications that were not news for Baton (its own writes coming back). */
  ignored: number;
}

/** Where a change feed hands what it receives; Baton's store stands behind it. */
export interface ChangeSink {
  /** The stored position of a stream (a replay id), or null when there is none yet. */
  position(tenantId: string, key: string): Promise<unknown>;
  /** Stores a delivery and the stream's new position in one transaction: a crash replays, never loses. */
  deliver(tenantId: string, delivery: FeedDelivery, position: { key: string; value: unknown }): Promise<void>;
  /** Changes may have been lost upstream: re-read what changed recently. */
  gap(tenantId: string, why: string): Promise<void>;
  /**
   * The feed cannot get (some of) its changes, in words ops can act on (the sync log shows it). `standing`: a topic
   * stopped until it answers again (the Tenants page and alerts show it).
   */
  problem(
    tenantId: string,
    problem: string,
    standing?: { topic: string; kind: FeedProblemKind },
  ): Promise<void>;
  /** The topic answers again: its standing problem, if any, is over. */
  flowing(tenantId: string, topic: string): Promise<void>;
}

/** Why a topic stopped: the CRM refuses it, the account's event delivery allocation is used up, or it keeps failing. */
export type FeedProblemKind = 'refused' | 'delivery_limit' | 'failing';

/** Changes Baton's worker subscribes to (Salesforce Change Data Capture), one subscription per tenant. */
export interface ChangeFeed {
  /** Subscribes the tenant's account (its CRM id: the Salesforce org id). */
  start(tenant: { id: string; externalId: string }): Promise<void>;
  stop(tenantId: string): void;
  isRunning(tenantId: string): boolean;
  /** Resolves once the tenant's subscription has answered its first subscribe (tests, sandbox mode). */
  subscribed(tenantId: string): Promise<void>;
  /** Resolves once every event received so far is handed to the sink. */
  settled(): Promise<void>;
  stopAll(): Promise<void>;
}

export interface CrmProvider {
  readonly kind: CrmKind;
  /** "HubSpot", "Salesforce": how people name it. */
  readonly name: string;
  readonly oauth: OAuthFlow;
  /** The tenant's CRM behind the port, set up with what the tenant's policy says about that CRM. */
  port(tenant: { id: string; policy: Policy }): Promise<CrmPort>;
  /** Settings the CRM answers once provisioning ran (Salesforce: its marketing queue owns recycled leads). */
  settingsAfterProvisioning(
    tenantId: string,
    report: ProvisioningReport,
    policy: Policy,
  ): Promise<Partial<Policy>>;
  /** Requests its rolling 10-second window allows per account (ops shows what is left); null where none. */
  readonly limitPer10s: number | null;
  /** CRM calls waiting for a rate-limit slot right now. */
  waiting(tenantId: string): number;
  /** After a reconnect or disconnect: forget cached clients and tokens. */
  forget(tenantId: string): void;
  readonly webhooks: WebhookIngress | null;
  changeFeed(sink: ChangeSink, log: Logger): ChangeFeed | null;
  /**
   * What the account lacks for change capture that only the change-capture channel can tell, asked when it is
   * provisioned (Salesforce: Pub/Sub topics the connected user may not subscribe to). Absent where webhooks carry
   * changes.
   */
  changeCaptureProblems?(tenant: { id: string; externalId: string }): Promise<ProvisioningProblem[]>;
  /**
   * A failed write the account's own rules refused (a Salesforce validation rule), as the rule's message for ops;
   * null for any other failure.
   */
  ruleRefusal(lastError: string): string | null;
  stop(): Promise<void>;
}

/** What every provider is built from (the composition root supplies it). */
export interface ProviderDeps {
  vault: TokenVault;
  now: () => Date;
  /** Every call attempt (the sync log, metrics). */
  onCall: CallLog;
  timeoutMs?: number;
  retry?: Partial<RetryOptions>;
  sleep?: (ms: number) => Promise<void>;
}
