// Shared by the CRM object routes: the object type in the path, the write options for API calls, what
// a response shows of a record, and HubSpot's batch envelope and batch-size limit.
import type { Request } from 'express';
import { validationError } from '../../hubspotErrors.ts';
import type { CrmRecord, Selection } from '../../model/crmRecord.ts';
import { toPublicObject } from '../../model/crmRecord.ts';
import {
  associationTarget,
  OBJECT_TYPE_INFO,
  OBJECT_TYPES,
  resolveObjectType,
  type ObjectTypeName,
} from '../../model/objectTypes.ts';
import { appSource } from '../../state/changeEvents.ts';
import type { Portal } from '../../state/portal.ts';
import type { AssociationInput } from '../../state/portalCore.ts';
import type { WriteOptions } from '../../state/recordWrites.ts';
import { param } from '../query.ts';
import { authOf } from '../requestContext.ts';

/** "The batch endpoints ... are limited to 100 records per request" (contacts guide). */
export const MAX_BATCH_INPUTS = 100;

export function checkBatchSize(count: number): void {
  if (count > MAX_BATCH_INPUTS) {
    throw validationError(
      `Batch input limit exceeded: got ${count} inputs, the limit is ${MAX_BATCH_INPUTS}.`,
      {
        errors: [
          {
            message: `size must be between 0 and ${MAX_BATCH_INPUTS}`,
            in: 'inputs',
            code: 'INVALID_INPUT_SIZE',
          },
        ],
      },
    );
  }
}

export function objectTypeOf(req: Request): ObjectTypeName {
  const raw = param(req, 'objectType');
  const t = resolveObjectType(raw);
  if (!t) throw validationError(`Unable to infer object type from: ${raw}`);
  return t;
}

/** An API write by the calling app: changeSource INTEGRATION, sourceId the app id, API rules on. */
export function apiWrite(req: Request): WriteOptions {
  return { source: appSource(authOf(req).app.appId), viaApi: true };
}

export function selection(
  portal: Portal,
  type: ObjectTypeName,
  properties: readonly string[],
  withHistory: readonly string[] = [],
): Selection {
  const store = portal.properties(type);
  return { properties, propertiesWithHistory: withHistory, exists: (name) => store.get(name) !== undefined };
}

/** Associations of a record, in the `associations` block basic reads return. */
export function associationsBlock(
  portal: Portal,
  record: CrmRecord,
  types: readonly string[],
): Record<string, unknown> | undefined {
  const wanted = types.map(resolveObjectType).filter((t): t is ObjectTypeName => t !== undefined);
  if (wanted.length === 0) return undefined;
  const from = OBJECT_TYPE_INFO[record.objectType].singular;
  const block: Record<string, unknown> = {};
  for (const t of OBJECT_TYPES.filter((x) => wanted.includes(x))) {
    const linked = portal.associations.of(record.objectType, record.id, t);
    if (linked.length > 0) {
      block[t] = {
        results: linked.map((a) => ({ id: a.toId, type: `${from}_to_${OBJECT_TYPE_INFO[t].singular}` })),
      };
    }
  }
  return block;
}

export function publicRecord(
  portal: Portal,
  record: CrmRecord,
  sel: Selection,
  associations: readonly string[] = [],
): Record<string, unknown> {
  const assoc = associationsBlock(portal, record, associations);
  return {
    ...toPublicObject(record, sel),
    ...(assoc && Object.keys(assoc).length > 0 && { associations: assoc }),
  };
}

/** { status: 'COMPLETE', results, startedAt, completedAt } (+ errors and numErrors when some failed). */
export function batchEnvelope(
  startedAt: number,
  completedAt: number,
  results: unknown[],
  errors: unknown[] = [],
): Record<string, unknown> {
  return {
    status: 'COMPLETE',
    results,
    ...(errors.length > 0 && { numErrors: errors.length, errors }),
    startedAt: new Date(startedAt).toISOString(),
    completedAt: new Date(completedAt).toISOString(),
  };
}

/**
 * One entry of a 207's `errors`: the spec's `StandardError` (PublicApiSpecs/CRM/Objects/Rollouts/424/v3/
 * objects.json) requires status, category, message, context, errors and links. Captures of HubSpot's 207s
 * show only the first four; `errors` and `links` are sent empty, as the spec requires them but names no
 * content. `status` is "error" as captured (the spec calls it the HTTP status code; both are strings).
 */
export function notFoundError(type: ObjectTypeName, ids: string[]): Record<string, unknown> {
  return {
    status: 'error',
    category: 'OBJECT_NOT_FOUND',
    message: `Could not get some ${OBJECT_TYPE_INFO[type].upper} objects, they may be deleted or not exist. Check that ids are valid.`,
    context: { ids },
    errors: [],
    links: {},
  };
}

/** One association of a create body, with its target type worked out from the type id. */
export function associationInput(
  from: ObjectTypeName,
  toId: string,
  spec: {
    associationCategory: 'HUBSPOT_DEFINED' | 'USER_DEFINED' | 'INTEGRATOR_DEFINED';
    associationTypeId: number;
  },
): AssociationInput {
  const toType = associationTarget(from, spec.associationTypeId);
  if (!toType) {
    throw validationError(
      `${spec.associationTypeId} is not a valid association type id from ${OBJECT_TYPE_INFO[from].singular}.`,
    );
  }
  return { toType, toId, type: { category: spec.associationCategory, typeId: spec.associationTypeId } };
}
