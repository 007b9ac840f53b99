// Which lead a related record belongs to (HubSpot's Lead record → its contact), remembered from each read so a
// later change or deletion of the record finds its lead without asking the CRM.
import type { Executor } from './executor.ts';

/** Remembers the lead's related records as they are now (records no longer related are forgotten). */
export async function rememberRelatedRecords(
  db: Executor,
  tenantId: string,
  leadId: string,
  records: ReadonlyArray<{ objectType: string; id: string }>,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx
      .deleteFrom('related_records')
      .where('tenant_id', '=', tenantId)
      .where('lead_id', '=', leadId)
      .execute();
    if (records.length === 0) return;
    await tx
      .insertInto('related_records')
      .values(
        records.map((r) => ({
          tenant_id: tenantId,
          object_type: r.objectType,
          record_id: r.id,
          lead_id: leadId,
        })),
      )
      // A record moved to another contact since: it belongs to the one read last.
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'object_type', 'record_id']).doUpdateSet({ lead_id: leadId }),
      )
      .execute();
  });
}

/** Record id → lead id for the records Baton has met. */
export async function leadsOfRecords(
  db: Executor,
  tenantId: string,
  objectType: string,
  recordIds: readonly string[],
): Promise<Map<string, string>> {
  if (recordIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('related_records')
    .select(['record_id', 'lead_id'])
    .where('tenant_id', '=', tenantId)
    .where('object_type', '=', objectType)
    .where('record_id', 'in', [...recordIds])
    .execute();
  return new Map(rows.map((r) => [r.record_id, r.lead_id]));
}
