// The what-if for a tenant: its ledger over the window, replayed under the policy in force and a proposed one.
// The proposal is the tenant's policy with the submitted settings laid over it, so a file that says only
// `{"sla": {"firstTouchHours": 8}}` changes only that (objects merge key by key; lists and the routing block are
// replaced whole); then the one policy schema judges the result, every problem naming its field.
import { parsePolicy, type Policy } from '../domain/policy/schema.ts';
import { whatIf } from '../domain/whatIf/whatIf.ts';
import type { WhatIfReport } from '../domain/whatIf/whatIfReport.ts';
import { BatonError } from '../errors.ts';
import type { Executor } from '../store/executor.ts';
import { ledgerForPeriod } from '../store/ledger.ts';
import { getTenant } from '../store/tenants.ts';

export type { WhatIfReport } from '../domain/whatIf/whatIfReport.ts';

/** The longest window replayed at once: a year (and a day, for a leap year). */
export const MAX_WHAT_IF_DAYS = 366;
const DAY = 86_400_000;

export interface WhatIfRequest {
  tenantId: string;
  from: Date;
  to: Date;
  /** The proposed settings, as submitted: validated here. */
  policy: Record<string, unknown>;
}

export type TenantWhatIf = WhatIfReport & { tenantId: string };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** `over` laid over `base`: nested objects merge, anything else (lists, routing) is replaced. */
export function overlay(
  base: Record<string, unknown>,
  over: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const under = out[key];
    out[key] =
      key !== 'routing' && isPlainObject(under) && isPlainObject(value) ? overlay(under, value) : value;
  }
  return out;
}

export function proposedPolicy(current: Policy, submitted: Record<string, unknown>): Policy {
  const result = parsePolicy(overlay(current as unknown as Record<string, unknown>, submitted));
  if (result.ok) return result.policy;
  throw new BatonError(
    'invalid_input',
    `The proposed policy is not valid: ${result.problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
    { problems: result.problems.map((p) => ({ field: `policy.${p.field}`, message: p.message })) },
  );
}

export function checkWindow(from: Date, to: Date): void {
  if (from.getTime() >= to.getTime())
    throw new BatonError('invalid_input', 'from must be before to', {
      problems: [{ field: 'from', message: 'must be before to' }],
    });
  if (to.getTime() - from.getTime() > MAX_WHAT_IF_DAYS * DAY)
    throw new BatonError('invalid_input', `A what-if replays at most a year (${MAX_WHAT_IF_DAYS} days)`, {
      problems: [{ field: 'from', message: `must be at most ${MAX_WHAT_IF_DAYS} days before to` }],
    });
}

export async function tenantWhatIf(db: Executor, req: WhatIfRequest): Promise<TenantWhatIf> {
  checkWindow(req.from, req.to);
  const tenant = await getTenant(db, req.tenantId);
  if (!tenant) throw new BatonError('not_found', `No tenant ${req.tenantId}`);
  const proposed = proposedPolicy(tenant.policy, req.policy);
  const rows = await ledgerForPeriod(db, tenant.id, req.from, req.to);
  const report = whatIf({ rows, window: { from: req.from, to: req.to }, baseline: tenant.policy, proposed });
  return { tenantId: tenant.id, ...report };
}
