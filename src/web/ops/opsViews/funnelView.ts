// Funnel analytics for one tenant and period: the ledger's rows read through the tenant's policy.
import { funnelReport, type FunnelReport } from '../../../domain/funnel/funnelReport.ts';
import type { BucketSize } from '../../../domain/funnel/buckets.ts';
import { ledgerForPeriod } from '../../../store/ledger.ts';
import { getTenant } from '../../../store/tenants.ts';
import type { OpsDeps } from './opsDeps.ts';

export async function funnelView(
  deps: OpsDeps,
  tenantId: string,
  period: { from: Date; to: Date },
  bucket: BucketSize,
): Promise<FunnelReport | null> {
  const tenant = await getTenant(deps.db, tenantId);
  if (!tenant) return null;
  const rows = await ledgerForPeriod(deps.db, tenantId, period.from, period.to);
  return funnelReport(rows, { period, policy: tenant.policy, bucket });
}
