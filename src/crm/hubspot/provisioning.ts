// Provisioning on install/connect: the "baton" property group, Baton's contact properties, and one MANUAL list
// per nurture list of the tenant policy. Idempotent: a second run changes nothing. A property that exists with
// another type is reported with the fix, never overwritten (it may hold someone else's data).
import {
  PropertyCreateFieldTypeEnum,
  PropertyCreateTypeEnum,
} from '@hubspot/api-client/lib/codegen/crm/properties/index.js';
import { z } from 'zod';
import type { Policy } from '../../domain/policy/schema.ts';
import { CrmError, type ProvisioningReport } from '../port.ts';
import { batonPropertyDefinitions, PROPERTY_GROUP, type PropertyDefinition } from './batonProperties.ts';
import type { HubSpotConnection } from './hubspotConnection.ts';
import { plain } from './sdkData.ts';

const CONTACTS = 'contacts';
const CONTACT_TYPE_ID = '0-1';

const TYPE: Record<PropertyDefinition['type'], PropertyCreateTypeEnum> = {
  string: PropertyCreateTypeEnum.String,
  number: PropertyCreateTypeEnum.Number,
  datetime: PropertyCreateTypeEnum.Datetime,
  enumeration: PropertyCreateTypeEnum.Enumeration,
};
const FIELD: Record<PropertyDefinition['fieldType'], PropertyCreateFieldTypeEnum> = {
  text: PropertyCreateFieldTypeEnum.Text,
  textarea: PropertyCreateFieldTypeEnum.Textarea,
  number: PropertyCreateFieldTypeEnum.Number,
  date: PropertyCreateFieldTypeEnum.Date,
  select: PropertyCreateFieldTypeEnum.Select,
};

const existingProperty = z.object({
  name: z.string(),
  type: z.string(),
  fieldType: z.string(),
  groupName: z.string().optional(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).default([]),
});
const listFetch = z.object({
  list: z.object({ listId: z.string(), name: z.string(), processingType: z.string() }),
});
const listCreate = z.object({ list: z.object({ listId: z.string() }) });

async function orNullWhenMissing<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof CrmError && error.kind === 'not_found') return null;
    throw error;
  }
}

const sameOptions = (
  a: ReadonlyArray<{ value: string; label: string }>,
  b: ReadonlyArray<{ value: string; label: string }>,
) => a.length === b.length && a.every((o, i) => o.value === b[i]?.value && o.label === b[i]?.label);

export async function provisionHubSpot(hs: HubSpotConnection, policy: Policy): Promise<ProvisioningReport> {
  const report: ProvisioningReport = { created: [], unchanged: [], problems: [], lists: {} };
  await provisionPropertyGroup(hs, report);
  await provisionProperties(hs, policy, report);
  await provisionNurtureLists(hs, policy, report);
  return report;
}

/** The "baton" property group Baton's contact properties live in. */
async function provisionPropertyGroup(hs: HubSpotConnection, report: ProvisioningReport): Promise<void> {
  const group = await orNullWhenMissing(
    hs.call('properties.groups.get', [], 'general', (c) =>
      c.crm.properties.groupsApi.getByName(CONTACTS, PROPERTY_GROUP.name),
    ),
  );
  if (group) report.unchanged.push(`property group ${PROPERTY_GROUP.name}`);
  else {
    await hs.call('properties.groups.create', [], 'general', (c) =>
      c.crm.properties.groupsApi.create(CONTACTS, { ...PROPERTY_GROUP }),
    );
    report.created.push(`property group ${PROPERTY_GROUP.name}`);
  }
}

/** Baton's contact properties: missing ones created, select options kept in step with the policy. */
async function provisionProperties(
  hs: HubSpotConnection,
  policy: Policy,
  report: ProvisioningReport,
): Promise<void> {
  const all = z
    .object({ results: z.array(existingProperty) })
    .parse(
      plain(
        await hs.call('properties.list', [], 'general', (c) => c.crm.properties.coreApi.getAll(CONTACTS)),
      ),
    );
  const byName = new Map(all.results.map((p) => [p.name, p]));

  for (const def of batonPropertyDefinitions(policy)) {
    const found = byName.get(def.name);
    if (!found) {
      await hs.call('properties.create', [def.name], 'general', (c) =>
        c.crm.properties.coreApi.create(CONTACTS, {
          name: def.name,
          label: def.label,
          description: def.description,
          groupName: PROPERTY_GROUP.name,
          type: TYPE[def.type],
          fieldType: FIELD[def.fieldType],
          ...(def.options && { options: def.options }),
        }),
      );
      report.created.push(`property ${def.name}`);
    } else if (found.type !== def.type || found.fieldType !== def.fieldType) {
      report.problems.push({
        what: `Contact property "${def.name}" exists as ${found.type}/${found.fieldType}; Baton needs ${def.type}/${def.fieldType}.`,
        fix: `In HubSpot, Settings › Properties › Contact properties: rename or delete "${def.name}", then reconnect Baton to create it.`,
      });
    } else if (def.options && !sameOptions(found.options, def.options)) {
      // The reason list changed in the policy: the select's options follow it.
      await hs.call('properties.update', [def.name], 'general', (c) =>
        c.crm.properties.coreApi.update(CONTACTS, def.name, { options: def.options ?? [] }),
      );
      report.created.push(`options of property ${def.name}`);
    } else {
      report.unchanged.push(`property ${def.name}`);
    }
  }
}

/** One MANUAL contact list per nurture list of the policy; a list of that name Baton cannot edit is a problem. */
async function provisionNurtureLists(
  hs: HubSpotConnection,
  policy: Policy,
  report: ProvisioningReport,
): Promise<void> {
  for (const list of policy.nurtureLists) {
    const existing = await orNullWhenMissing(
      hs.call('lists.get-by-name', [], 'general', (c) =>
        c.crm.lists.listsApi.getByName(list.name, CONTACT_TYPE_ID),
      ),
    );
    if (existing) {
      const { list: found } = listFetch.parse(plain(existing));
      if (found.processingType !== 'MANUAL') {
        report.problems.push({
          what: `List "${list.name}" exists but is ${found.processingType.toLowerCase()}, so Baton cannot add or remove members.`,
          fix: `Rename that list in HubSpot (Contacts › Lists), then reconnect Baton to create a manual "${list.name}".`,
        });
        continue;
      }
      report.lists[list.key] = found.listId;
      report.unchanged.push(`list ${list.name}`);
    } else {
      const created = listCreate.parse(
        plain(
          await hs.call('lists.create', [], 'general', (c) =>
            c.crm.lists.listsApi.create({
              name: list.name,
              objectTypeId: CONTACT_TYPE_ID,
              processingType: 'MANUAL',
            }),
          ),
        ),
      );
      report.lists[list.key] = created.list.listId;
      report.created.push(`list ${list.name}`);
    }
  }
}
