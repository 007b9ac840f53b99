// Leads: converted leads are frozen (CANNOT_UPDATE_CONVERTED_LEAD); Name follows the name parts; the active
// assignment rule may pick the owner; the owner must be an active user or a queue that supports leads;
// deleting a lead takes its campaign memberships and activities with it.
import { convertedLead } from '../../model/recordError.ts';
import { assignedOwner } from '../assignmentRules.ts';
import type { ObjectRules } from './objectRules.ts';
import { checkOwner } from './ownership.ts';

export const leadFullName = (v: Record<string, unknown>): string =>
  [v.Salutation, v.FirstName, v.LastName].filter((p) => typeof p === 'string' && p !== '').join(' ');

export const leadRules: ObjectRules = {
  guardUpdate(_ctx, current) {
    if (current.values.IsConverted === true) throw convertedLead();
  },

  beforeSave({ org, tx }, next, prev) {
    next.Name = leadFullName(next);
    const owner = assignedOwner(org.assignmentRules, tx.actor.autoAssign, next, {
      isNew: prev === undefined,
      defaultOwnerId: org.defaultLeadOwnerId,
    });
    if (owner !== undefined) next.OwnerId = owner;
    if (prev === undefined || prev.OwnerId !== next.OwnerId) {
      checkOwner(org, next.OwnerId, 'Lead', { label: 'Owner ID', name: 'OwnerId' });
    }
  },

  beforeDelete({ org, tx }, lead) {
    const children = [
      ...org.store.all('CampaignMember').filter((m) => m.values.LeadId === lead.id),
      ...org.store.all('Task').filter((t) => t.values.WhoId === lead.id),
      ...org.store.all('Event').filter((e) => e.values.WhoId === lead.id),
    ];
    for (const child of children) tx.markDeleted(child, { IsDeleted: true, SystemModstamp: tx.now });
  },
};
