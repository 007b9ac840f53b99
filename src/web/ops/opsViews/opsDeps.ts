// What every ops view reads from: the store, the clock, the rate limiters' state and (optionally) reps' names.
import type { Executor } from '../../../store/executor.ts';
import type { Tenant } from '../../../store/tenants.ts';
import type { UserNames } from '../../../app/userDirectory.ts';

export interface OpsDeps {
  db: Executor;
  now: () => Date;
  /** CRM calls waiting for a rate-limit slot right now, per tenant. */
  rateLimitWaiting: (tenantId: string) => number;
  /** What a tenant's CRM is like: the requests its rolling 10-second window allows (null where it has none),
   * and what Baton's inbound changes are called there (its webhooks, its change events). */
  crmFacts: (crm: Tenant['crm']) => {
    limitPer10s: number | null;
    inbound: string;
    /** The CRM rule's message when a failed write was refused by the account's own rules, else null. */
    ruleRefusal: (lastError: string) => string | null;
  };
  /** Reps' names from the CRM (optional: without it the board shows owner ids). */
  userNames?: UserNames;
}
