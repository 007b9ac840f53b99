// Who may own a record: an active user, or (for leads) a queue that supports the object through a
// QueueSobject row. Anything else fails as Salesforce fails it.
import { keyPrefixOf } from '../../model/ids.ts';
import { idOfIncorrectType, inactiveOwner } from '../../model/recordError.ts';
import type { OrgContext } from '../orgContext.ts';

export function queueSupports(org: OrgContext, queueId: string, sobjectType: string): boolean {
  const group = org.store.live('Group', queueId);
  if (!group || group.values.Type !== 'Queue') return false;
  return org.store
    .all('QueueSobject')
    .some((q) => q.values.QueueId === queueId && q.values.SobjectType === sobjectType);
}

/** Throws the owner error for `ownerId` on a record of `sobjectType` (label for the message). */
export function checkOwner(
  org: OrgContext,
  ownerId: unknown,
  sobjectType: string,
  field: { label: string; name: string },
): void {
  if (typeof ownerId !== 'string') return;
  if (keyPrefixOf(ownerId) === '00G') {
    if (!queueSupports(org, ownerId, sobjectType)) throw idOfIncorrectType(field.label, field.name, ownerId);
    return;
  }
  const user = org.store.live('User', ownerId);
  if (user && user.values.IsActive !== true) throw inactiveOwner(ownerId, sobjectType);
}
