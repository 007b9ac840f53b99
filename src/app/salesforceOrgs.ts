// One Salesforce connection per connected org (jsforce, tokens, limiter), with every call in the sync log and
// the org's daily API allocation tracked: Baton slows down as it nears the limit instead of running out.
import type { CallLogEntry } from '../crm/callRunner.ts';
import { AccessTokens, type TokenVault } from '../crm/accessTokens.ts';
import { LimiterRegistry, type LimitProfile } from '../crm/rateLimits.ts';
import { refreshTokens, type SalesforceApp } from '../crm/salesforce/oauth.ts';
import { SalesforceConnection, type ApiBudget } from '../crm/salesforce/salesforceConnection.ts';
import { SalesforceCrm } from '../crm/salesforce/salesforceCrm.ts';
import { CrmError } from '../crm/port.ts';
import type { RetryOptions } from '../crm/retryPolicy.ts';
import { writeCheckpoint } from '../store/checkpoints.ts';
import type { Executor } from '../store/executor.ts';
import { API_BUDGET_CHECKPOINT } from './alerts.ts';
import { syncLogWriter } from './hubspotPortals.ts';

/** Salesforce has no per-second cap for short calls; the daily allocation is what runs out. */
export const SALESFORCE_LIMITS: LimitProfile = {
  general: { perWindow: 20, windowMs: 1_000, maxConcurrent: 10 },
};

/** Spacing between calls as the day's allocation is used up: normal, careful, nearly out. */
export function spacingFor(budget: ApiBudget): number {
  const used = budget.used / budget.max;
  if (used >= 0.98) return 60_000;
  if (used >= 0.9) return 2_000;
  return Math.ceil(1000 / 20);
}

export interface SalesforceOrgsDeps {
  db: Executor;
  app: SalesforceApp;
  vault: TokenVault;
  now: () => Date;
  retry?: Partial<RetryOptions>;
  timeoutMs?: number;
  onCall?: (entry: CallLogEntry) => void;
}

export class SalesforceOrgs {
  private readonly deps: SalesforceOrgsDeps;
  readonly limiters = new LimiterRegistry(SALESFORCE_LIMITS);
  private readonly orgs = new Map<
    string,
    { crm: SalesforceCrm; tokens: AccessTokens; instanceUrl: string }
  >();
  private readonly budgetSavedAt = new Map<string, number>();

  constructor(deps: SalesforceOrgsDeps) {
    this.deps = deps;
  }

  private async budget(tenantId: string, budget: ApiBudget): Promise<void> {
    this.limiters.for(tenantId, 'general').updateSettings({ minTime: spacingFor(budget) });
    const last = this.budgetSavedAt.get(tenantId) ?? 0;
    if (Date.now() - last < 30_000) return;
    this.budgetSavedAt.set(tenantId, Date.now());
    await writeCheckpoint(this.deps.db, tenantId, API_BUDGET_CHECKPOINT, {
      ...budget,
      at: this.deps.now().toISOString(),
    });
  }

  async crm(tenantId: string): Promise<SalesforceCrm> {
    const d = this.deps;
    const stored = await d.vault.read(tenantId);
    if (!stored?.instanceUrl)
      throw new CrmError('auth_invalid', `No Salesforce connection for ${tenantId}: connect the org`);
    const known = this.orgs.get(tenantId);
    if (known && known.instanceUrl === stored.instanceUrl) return known.crm;
    const tokens = new AccessTokens({
      tenantId,
      vault: d.vault,
      now: d.now,
      refresh: (current) => refreshTokens(d.app, current, d.now()),
    });
    const connection = new SalesforceConnection({
      tenantId,
      instanceUrl: stored.instanceUrl,
      tokens,
      limiters: this.limiters,
      log: async (e) => {
        d.onCall?.(e);
        await syncLogWriter(d.db, d.now)(e);
      },
      // Not awaited by the call: a failed save (database down) must not become an unhandled rejection, which
      // ends the process; the next call after 30 s saves it again.
      onBudget: (b) => void this.budget(tenantId, b).catch(() => undefined),
      ...(d.retry && { retry: d.retry }),
      ...(d.timeoutMs !== undefined && { timeoutMs: d.timeoutMs }),
    });
    const crm = new SalesforceCrm(connection, d.now);
    this.orgs.set(tenantId, { crm, tokens, instanceUrl: stored.instanceUrl });
    return crm;
  }

  /** The org's instance and tokens, for the change stream (it authenticates CometD with the same session). */
  async session(tenantId: string): Promise<{ instanceUrl: string; tokens: AccessTokens }> {
    await this.crm(tenantId);
    const org = this.orgs.get(tenantId);
    if (!org) throw new CrmError('auth_invalid', `No Salesforce connection for ${tenantId}: connect the org`);
    return { instanceUrl: org.instanceUrl, tokens: org.tokens };
  }

  forget(tenantId: string): void {
    this.orgs.delete(tenantId);
  }

  async stop(): Promise<void> {
    await this.limiters.stop();
  }
}
