// The CRM object types the sandbox serves, their ids and names as HubSpot spells them, and the
// HUBSPOT_DEFINED association type ids between contacts and the other types.

export const OBJECT_TYPES = ['contacts', 'calls', 'emails', 'meetings', 'notes', 'tasks', 'leads'] as const;
export type ObjectTypeName = (typeof OBJECT_TYPES)[number];
export const ENGAGEMENT_TYPES = ['calls', 'emails', 'meetings', 'notes', 'tasks'] as const;
export type EngagementType = (typeof ENGAGEMENT_TYPES)[number];

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
  // Objects guide "Lead object definition" (developers.hubspot.com/docs/api-reference/latest/crm/objects/leads/
  // object-definition): objectTypeId 0-136, "lead"/"leads". Default read properties: the same three as activities
  // (the docs list no defaults for a read without `properties`; ours).
  leads: engagement('0-136', 'lead'),
};

/** Accepts what HubSpot accepts in a path: plural, singular or the object type id. */
export function resolveObjectType(raw: string): ObjectTypeName | undefined {
  const name = raw.toLowerCase();
  return OBJECT_TYPES.find(
    (t) => t === name || OBJECT_TYPE_INFO[t].singular === name || OBJECT_TYPE_INFO[t].objectTypeId === name,
  );
}

export const isEngagementType = (t: ObjectTypeName): t is EngagementType =>
  (ENGAGEMENT_TYPES as readonly string[]).includes(t);

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

/**
 * Lead ↔ contact. 578 is "Lead with Primary Contact" (lead → contact): the id public clients send when creating a
 * lead (HubSpot's associations v4 guide, "Lead to object" table, as copied into public enums, e.g. PipedreamHQ/
 * pipedream components/hubspot/actions/create-lead). Its inverse (contact → lead) 579 is seen only in public code
 * (a PUT /crm/v4/objects/contact/{id}/associations/lead/{id} with 579); HubSpot's table lists lead → object ids only.
 * 608 is the unlabeled lead → contact type of the same table; its inverse 607 is our guess (HubSpot pairs ids n/n±1),
 * not verified.
 */
export const LEAD_PRIMARY_CONTACT = { fromLead: 578, toLead: 579 } as const;
export const LEAD_CONTACT_UNLABELED = { fromLead: 608, toLead: 607 } as const;

/** The default association type id from one type to another, if the pair can associate. */
export function defaultAssociationTypeId(from: ObjectTypeName, to: ObjectTypeName): number | undefined {
  if (from === 'leads' && to === 'contacts') return LEAD_PRIMARY_CONTACT.fromLead;
  if (from === 'contacts' && to === 'leads') return LEAD_PRIMARY_CONTACT.toLead;
  if (from === 'contacts' && isEngagementType(to)) return ASSOCIATION_TYPE_IDS[to].fromContact;
  if (to === 'contacts' && isEngagementType(from)) return ASSOCIATION_TYPE_IDS[from].toContact;
  return undefined;
}

/** Every HUBSPOT_DEFINED type id from one type to another (the default first). */
export function hubspotDefinedTypeIds(from: ObjectTypeName, to: ObjectTypeName): number[] {
  const d = defaultAssociationTypeId(from, to);
  if (d === undefined) return [];
  if (from === 'leads' && to === 'contacts') return [d, LEAD_CONTACT_UNLABELED.fromLead];
  if (from === 'contacts' && to === 'leads') return [d, LEAD_CONTACT_UNLABELED.toLead];
  return [d];
}

/** The HUBSPOT_DEFINED type id of the other direction of `typeId` (stored both ways, as HubSpot does). */
export function inverseTypeId(from: ObjectTypeName, to: ObjectTypeName, typeId: number): number | undefined {
  const i = hubspotDefinedTypeIds(from, to).indexOf(typeId);
  return i < 0 ? defaultAssociationTypeId(to, from) : hubspotDefinedTypeIds(to, from)[i];
}

/**
 * Which object type an association on a create body points at: the create body names only the target id
 * and type id, so the type id decides (activities and leads otherwise point at contacts).
 */
export function associationTarget(from: ObjectTypeName, typeId: number): ObjectTypeName | undefined {
  const exact = OBJECT_TYPES.find((to) => hubspotDefinedTypeIds(from, to).includes(typeId));
  return exact ?? (from !== 'contacts' ? 'contacts' : undefined);
}
