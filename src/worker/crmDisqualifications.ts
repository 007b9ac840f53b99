// A disqualification in the CRM's lead workspace (HubSpot's Lead object), settled after the rest of the snapshot
// (an assignment read in the same snapshot comes first): a return to marketing when the policy can say why, else a
// held return the rep and ops see until the record says enough. Reading the record again settles it again.
import type { DecisionContexts } from '../app/decisionContext.ts';
import { applyEvent } from '../app/applyEvent.ts';
import type { CrmLead } from '../crm/port.ts';
import { isOlderRead, type RecordRead } from '../store/recordRead.ts';
import { leadObjectVerdict } from '../domain/leadObjectReturn.ts';
import { holdReturn, releaseHeldReturn } from '../store/heldReturns.ts';
import { loadLead } from '../store/leads.ts';
import { rememberRelatedRecords } from '../store/relatedRecords.ts';
import type { Tenant } from '../store/tenants.ts';
import type { SnapshotDeps } from './drainInbox.ts';

/** Returns how many decisions were saved (0 or 1). */
export async function settleCrmDisqualification(
  deps: SnapshotDeps,
  tenant: Tenant,
  contexts: DecisionContexts,
  lead: CrmLead,
  read: RecordRead,
): Promise<number> {
  if (lead.relatedRecords === undefined) return 0;
  // The lead as this snapshot's events left it; a fresher read landed since: its records and holds stand.
  const stored = await loadLead(deps.db, tenant.id, lead.id);
  if (stored?.read && isOlderRead(read, stored.read)) return 0;
  await rememberRelatedRecords(deps.db, tenant.id, lead.id, lead.relatedRecords);
  const d = lead.crmDisqualification;
  const verdict = d
    ? leadObjectVerdict(stored?.state ?? null, d, tenant.policy)
    : { kind: 'not_news' as const };
  if (verdict.kind === 'held' && d) {
    const held = {
      leadId: lead.id,
      recordId: d.recordId,
      reasonOption: d.reason,
      why: verdict.why,
      disqualifiedAt: d.at,
    };
    await holdReturn(deps.db, tenant.id, held, deps.clock.now());
    return 0;
  }
  await releaseHeldReturn(deps.db, tenant.id, lead.id);
  if (verdict.kind !== 'return') return 0;
  const outcome = await applyEvent(deps.db, {
    tenantId: tenant.id,
    leadId: lead.id,
    event: verdict.event,
    contexts,
    now: deps.clock.now(),
    observe: deps.observeDecision,
    read,
  });
  return outcome.ok && outcome.saved ? 1 : 0;
}
