// Properties and property groups (/crm/v3/properties/{objectType}/...): a duplicate name is a 409, a
// property in a group that does not exist a 404, a type/fieldType pair HubSpot would not accept a 400.
import { Router, type Request } from 'express';
import { conflict, validationError } from '../../hubspotErrors.ts';
import {
  toPublicGroup,
  toPublicProperty,
  type FieldType,
  type PropertyDefinition,
  type PropertyType,
} from '../../model/propertyDefinition.ts';
import {
  groupCreateBody,
  groupUpdateBody,
  propertyBatchArchiveBody,
  propertyBatchCreateBody,
  propertyBatchReadBody,
  propertyCreateBody,
  propertyUpdateBody,
} from '../bodies.ts';
import { param, queryBool, queryList } from '../query.ts';
import { authOf } from '../requestContext.ts';
import { batchEnvelope, objectTypeOf } from './objectHelpers.ts';
import type { z } from 'zod';

// Valid pairs (HubSpot properties guide): bool→booleancheckbox; enumeration→select|radio|checkbox|booleancheckbox;
// date/datetime→date; string→text|textarea|html|phonenumber|file; number→number (or a calculation).
const FIELD_TYPES_OF: Record<PropertyType, readonly FieldType[]> = {
  bool: ['booleancheckbox'],
  enumeration: ['select', 'radio', 'checkbox', 'booleancheckbox'],
  date: ['date'],
  datetime: ['date'],
  string: ['text', 'textarea', 'html', 'phonenumber', 'file'],
  number: ['number', 'calculation_equation'],
};

function checkFieldType(type: PropertyType, fieldType: FieldType): void {
  if (!FIELD_TYPES_OF[type].includes(fieldType)) {
    throw validationError(
      `fieldType ${fieldType} is not valid for a property of type ${type}; use one of ${FIELD_TYPES_OF[type].join(', ')}.`,
    );
  }
}

function newDefinition(input: z.output<typeof propertyCreateBody>, at: number): PropertyDefinition {
  checkFieldType(input.type, input.fieldType);
  return {
    name: input.name,
    label: input.label,
    type: input.type,
    fieldType: input.fieldType,
    groupName: input.groupName,
    description: input.description,
    options: input.options.map((o, i) => ({ ...o, displayOrder: o.displayOrder ?? i })),
    displayOrder: input.displayOrder,
    hidden: input.hidden,
    formField: input.formField,
    hasUniqueValue: input.hasUniqueValue,
    hubspotDefined: false,
    readOnlyValue: false,
    createdAt: at,
    updatedAt: at,
    archived: false,
  };
}

const storeOf = (req: Request) => authOf(req).portal.properties(objectTypeOf(req));

export function propertiesRoutes(): Router {
  const router = Router();

  // Groups first: "groups" would otherwise be read as a property name.
  router.get('/:objectType/groups', (req, res) => {
    res.json({ results: storeOf(req).groups().map(toPublicGroup) });
  });
  router.post('/:objectType/groups', (req, res) => {
    const body = groupCreateBody.parse(req.body);
    res.status(201).json(toPublicGroup(storeOf(req).createGroup({ ...body, archived: false })));
  });
  router.get('/:objectType/groups/:groupName', (req, res) => {
    res.json(toPublicGroup(storeOf(req).requireGroup(param(req, 'groupName'))));
  });
  router.patch('/:objectType/groups/:groupName', (req, res) => {
    const body = groupUpdateBody.parse(req.body);
    res.json(toPublicGroup(storeOf(req).updateGroup(param(req, 'groupName'), body)));
  });
  router.delete('/:objectType/groups/:groupName', (req, res) => {
    storeOf(req).archiveGroup(param(req, 'groupName'));
    res.status(204).end();
  });

  router.post('/:objectType/batch/create', (req, res) => {
    const store = storeOf(req);
    const at = authOf(req).portal.now();
    const body = propertyBatchCreateBody.parse(req.body);
    const defs = body.inputs.map((i) => newDefinition(i, at));
    // All or nothing: check every input before creating any.
    for (const [i, d] of defs.entries()) {
      store.requireGroup(d.groupName);
      if (store.exists(d.name) || defs.findIndex((x) => x.name === d.name) !== i) {
        throw conflict(`Property named '${d.name}' already exists.`, 'OBJECT_ALREADY_EXISTS');
      }
    }
    const results = defs.map((d) => toPublicProperty(store.create(d)));
    res.status(201).json(batchEnvelope(at, authOf(req).portal.now(), results));
  });
  router.post('/:objectType/batch/read', (req, res) => {
    const store = storeOf(req);
    const at = authOf(req).portal.now();
    const body = propertyBatchReadBody.parse(req.body);
    const results = body.inputs.flatMap((i) => {
      const d = store.get(i.name);
      return d ? [toPublicProperty(d)] : [];
    });
    res.json(batchEnvelope(at, at, results));
  });
  router.post('/:objectType/batch/archive', (req, res) => {
    const store = storeOf(req);
    const body = propertyBatchArchiveBody.parse(req.body);
    for (const i of body.inputs) store.archive(i.name, authOf(req).portal.now());
    res.status(204).end();
  });

  router.get('/:objectType', (req, res) => {
    const wanted = queryList(req, 'properties');
    const results = storeOf(req)
      .list(queryBool(req, 'archived'))
      .filter((d) => wanted.length === 0 || wanted.includes(d.name));
    res.json({ results: results.map(toPublicProperty) });
  });
  router.post('/:objectType', (req, res) => {
    const body = propertyCreateBody.parse(req.body);
    const definition = newDefinition(body, authOf(req).portal.now());
    res.status(201).json(toPublicProperty(storeOf(req).create(definition)));
  });
  router.get('/:objectType/:propertyName', (req, res) => {
    res.json(toPublicProperty(storeOf(req).require(param(req, 'propertyName'))));
  });
  router.patch('/:objectType/:propertyName', (req, res) => {
    const store = storeOf(req);
    const body = propertyUpdateBody.parse(req.body);
    const current = store.require(param(req, 'propertyName'));
    if (current.hubspotDefined && (body.type !== undefined || body.fieldType !== undefined)) {
      throw validationError(`The type of HubSpot-defined property '${current.name}' cannot be changed.`);
    }
    checkFieldType(body.type ?? current.type, body.fieldType ?? current.fieldType);
    const { options, ...rest } = body;
    const patch: Partial<PropertyDefinition> = {
      ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
      ...(options && { options: options.map((o, i) => ({ ...o, displayOrder: o.displayOrder ?? i })) }),
    };
    res.json(toPublicProperty(store.update(current.name, patch, authOf(req).portal.now())));
  });
  router.delete('/:objectType/:propertyName', (req, res) => {
    storeOf(req).archive(param(req, 'propertyName'), authOf(req).portal.now());
    res.status(204).end();
  });

  return router;
}
