// The CRM object types the sandbox serves, their ids and names as HubSpot spells them, and the
// HUBSPOT_DEFINED association type ids between contacts and engagements (HubSpot's documented table).

export const OBJECT_TYPES = ['contacts', 'calls', 'emails', 'meetings', 'notes', 'tasks'] as const;
export type ObjectTypeName = (typeof OBJECT_TYPES)[number];
export type EngagementType = Exclude<ObjectTypeName, 'contacts'>;

interface ObjectTypeInfo {
  objectTypeId: string;
  singular: string;
  /** How batch errors name the type: "Could not get some CONTACT objects". */
  upper: string;
  createdProperty: string;
  modifiedProperty: string;
  /** Returned when a read names no properties. */
  defaultProperties: readonly string[];
}

const ENGAGEMENT_DEFAULTS = ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'] as const;
const engagement = (objectTypeId: string, singular: string): ObjectTypeInfo => ({
  objectTypeId,
  singular,
  upper: singular.toUpperCase(),
  createdProperty: 'hs_createdate',
  modifiedProperty: 'hs_lastmodifieddate',
  defaultProperties: ENGAGEMENT_DEFAULTS,
});

export const OBJECT_TYPE_INFO: Record<ObjectTypeName, ObjectTypeInfo> = {
  contacts: {
    objectTypeId: '0-1',
    singular: 'contact',
    upper: 'CONTACT',
    createdProperty: 'createdate',
    modifiedProperty: 'lastmodifieddate',
    defaultProperties: ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'],
  },
  calls: engagement('0-48', 'call'),
  emails: engagement('0-49', 'email'),
  meetings: engagement('0-47', 'meeting'),
  notes: engagement('0-46', 'note'),
  tasks: engagement('0-27', 'task'),
};

/** Accepts what HubSpot accepts in a path: plural, singular or the object type id. */
export function resolveObjectType(raw: string): ObjectTypeName | undefined {
  const name = raw.toLowerCase();
  return OBJECT_TYPES.find(
    (t) => t === name || OBJECT_TYPE_INFO[t].singular === name || OBJECT_TYPE_INFO[t].objectTypeId === name,
  );
}

export const isEngagementType = (t: ObjectTypeName): t is EngagementType => t !== 'contacts';

/** Properties every read returns besides the requested ones. */
export function alwaysReturned(t: ObjectTypeName): string[] {
  const info = OBJECT_TYPE_INFO[t];
  return [info.createdProperty, 'hs_object_id', info.modifiedProperty];
}

// https://developers.hubspot.com/docs/api-reference/crm-associations-v4/guide (default type ids)
const ASSOCIATION_TYPE_IDS: Record<EngagementType, { toContact: number; fromContact: number }> = {
  calls: { fromContact: 193, toContact: 194 },
  emails: { fromContact: 197, toContact: 198 },
  meetings: { fromContact: 199, toContact: 200 },
  notes: { fromContact: 201, toContact: 202 },
  tasks: { fromContact: 203, toContact: 204 },
};

/** The default (unlabelled) association type id from one type to another, if the pair can associate. */
export function defaultAssociationTypeId(from: ObjectTypeName, to: ObjectTypeName): number | undefined {
  if (from === 'contacts' && isEngagementType(to)) return ASSOCIATION_TYPE_IDS[to].fromContact;
  if (to === 'contacts' && isEngagementType(from)) return ASSOCIATION_TYPE_IDS[from].toContact;
  return undefined;
}

/**
 * Which object type an association on a create body points at: the create body names only the target id
 * and type id, so the type id decides (activities otherwise point at contacts).
 */
export function associationTarget(from: ObjectTypeName, typeId: number): ObjectTypeName | undefined {
  const exact = OBJECT_TYPES.find((to) => defaultAssociationTypeId(from, to) === typeId);
  return exact ?? (isEngagementType(from) ? 'contacts' : undefined);
}
