// The Lead record (0-136) that goes with a hand-off in a portal with the Leads object. A rep who works the
// prospecting workspace gets a new Lead record they own, as the portal's "create lead" workflow action (or ops in
// the UI) makes one; the newest record is the current one. A rep on Baton's card gets none, but a record still
// open from an earlier hand-off follows the contact owner, as a portal keeping the two in step does: otherwise it
// would name the previous rep as the one holding the person.
import type { Portal } from '../hubspot/index.ts';
import type { ActorOptions } from '../hubspot/state/portal.ts';
import type { CrmRecord } from '../hubspot/model/crmRecord.ts';
import type { Rep, SimulationContext } from './simulationContext.ts';

const isOpen = (portal: Portal, lead: CrmRecord): boolean =>
  !portal.closedLeadStages().includes(lead.properties['hs_pipeline_stage'] ?? '');

/** The contact's open Lead records, newest first. */
export function openLeads(portal: Portal, contactId: string): CrmRecord[] {
  return portal
    .leadsOfContact(contactId)
    .filter((l) => isOpen(portal, l))
    .toSorted((a, b) => b.createdAt - a.createdAt || Number(b.id) - Number(a.id));
}

/** The rep's newest open Lead record of the contact (undefined when they hold none). */
export const openLeadOf = (portal: Portal, contactId: string, rep: Rep): CrmRecord | undefined =>
  openLeads(portal, contactId).find((l) => l.properties['hubspot_owner_id'] === rep.ownerId);

/** Right after the contact owner is set: the Lead record side of handing the contact to `rep`. */
export function handOverLeadRecord(
  ctx: SimulationContext,
  contactId: string,
  rep: Rep,
  actor: ActorOptions & { at: number },
): void {
  const { portal } = ctx;
  if (!portal.leadsObject) return;
  if (rep.workspace === 'leads') {
    portal.createLead(contactId, rep.ownerId, actor);
    ctx.stats.leadRecords.created++;
    return;
  }
  for (const lead of openLeads(portal, contactId))
    if (lead.properties['hubspot_owner_id'] !== rep.ownerId) portal.setLeadOwner(lead.id, rep.ownerId, actor);
}
