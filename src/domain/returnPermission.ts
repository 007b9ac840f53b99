// Who may return a lead to marketing: its current owner, the owner's manager, or a Baton admin of the portal.
// Anyone else — another rep of the same portal included — is refused, in words the card shows as they are: a
// return takes the lead from its owner and may end it for good (disqualify), and the reject counts against them.

/** The user who asks, resolved in the CRM: HubSpot keeps user and owner ids apart; Salesforce has one id. */
export interface ReturningUser {
  userId: string;
  ownerId: string;
}

export interface LeadHolder {
  /** The lead's current owner (an owner id), or null when nobody holds it. */
  ownerId: string | null;
  /** The owner's manager as the CRM knows it (Salesforce's User.ManagerId), when it does. */
  managerId: string | null;
  /** The owner's name for the refusal; the words fall back to "the lead's owner". */
  ownerName?: string | null;
}

export interface ReturnAuthority {
  /** The policy's escalation map: owner id → manager's owner id (HubSpot has no managers of its own). */
  managers: Readonly<Record<string, string>>;
  /** The portal's Baton admins (CRM user ids; the installing admin is one), who also change the settings. */
  admins: readonly string[];
}

export type ReturnPermission =
  { allowed: true; as: 'owner' | 'manager' | 'admin' } | { allowed: false; message: string };

export function mayReturn(
  user: ReturningUser,
  lead: LeadHolder,
  authority: ReturnAuthority,
): ReturnPermission {
  const owner = lead.ownerId;
  if (owner !== null && owner === user.ownerId) return { allowed: true, as: 'owner' };
  if (owner !== null && managerOf(owner, lead, authority) === user.ownerId)
    return { allowed: true, as: 'manager' };
  if (authority.admins.includes(user.userId)) return { allowed: true, as: 'admin' };
  return { allowed: false, message: refusal(lead) };
}

/** The CRM's own manager first, the policy's map otherwise (the same order the SLA escalation follows). */
function managerOf(ownerId: string, lead: LeadHolder, authority: ReturnAuthority): string | null {
  return (
    lead.managerId ??
    (Object.hasOwn(authority.managers, ownerId) ? (authority.managers[ownerId] ?? null) : null)
  );
}

function refusal(lead: LeadHolder): string {
  if (lead.ownerId === null) return 'This lead has no owner: only a Baton admin of this portal can return it';
  const owner = lead.ownerName?.trim() || 'the lead’s owner';
  return `Only ${owner}, their manager or a Baton admin of this portal can return this lead`;
}

/** The words for a user the CRM does not know in this portal (another portal's id, a removed user). */
export const NOT_A_PORTAL_USER =
  'You are not a user of this portal that Baton knows: only the lead’s owner, their manager or a Baton admin of this portal can return it';
