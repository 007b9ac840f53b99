// Provisioning on install/connect: the "baton" property group, Baton's contact properties, the portal's lifecycle
// stages, and one MANUAL list per nurture list of the tenant policy. Idempotent: a second run changes nothing. A
// property that exists with another type is reported with the fix, never overwritten (it may hold someone else's
// data). Nothing is looked up by a call that answers 404 when it is missing: a fresh install fails no call.
import {
  PropertyCreateFieldTypeEnum,
  PropertyCreateTypeEnum,
} from '@hubspot/api-client/lib/codegen/crm/properties/index.js';
import { z } from 'zod';
import type { Policy } from '../../domain/policy/schema.ts';
import type { ProvisioningReport } from '../port.ts';
import { batonPropertyDefinitions, PROPERTY_GROUP, type PropertyDefinition } from './batonProperties.ts';
import type { HubSpotConnection } from './hubspotConnection.ts';
import { resolveLifecycleStages, stageOption, type LifecycleStages } from './lifecycleStages.ts';
import { provisionNurtureLists } from './nurtureLists.ts';
import { plain } from './sdkData.ts';

const CONTACTS = 'contacts';

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
  options: z.array(stageOption).default([]),
});
type ExistingProperty = z.infer<typeof existingProperty>;
const groups = z.object({ results: z.array(z.object({ name: z.string() })) });

const sameOptions = (
  a: ReadonlyArray<{ value: string; label: string }>,
  b: ReadonlyArray<{ value: string; label: string }>,
) => a.length === b.length && a.every((o, i) => o.value === b[i]?.value && o.label === b[i]?.label);

export interface Provisioned {
  report: ProvisioningReport;
  /** The portal's lifecycle stages as Baton writes and reads them. */
  stages: LifecycleStages;
}

export async function provisionHubSpot(hs: HubSpotConnection, policy: Policy): Promise<Provisioned> {
  const report: ProvisioningReport = { created: [], unchanged: [], problems: [], lists: {} };
  await provisionPropertyGroup(hs, report);
  const properties = await contactProperties(hs);
  await provisionProperties(hs, policy, properties, report);
  // The policy has no lifecycle mapping yet: a stage the portal lacks is reported with the mapping to set.
  const { stages, problems } = resolveLifecycleStages(
    properties.get('lifecyclestage')?.options ?? [],
    policy.lifecycleStages,
  );
  report.problems.push(...problems);
  await provisionNurtureLists(hs, policy, report);
  return { report, stages };
}

/** The "baton" property group Baton's contact properties live in, found among the portal's groups. */
async function provisionPropertyGroup(hs: HubSpotConnection, report: ProvisioningReport): Promise<void> {
  const all = groups.parse(
    plain(
      await hs.call('properties.groups.list', [], 'general', (c) =>
        c.crm.properties.groupsApi.getAll(CONTACTS),
      ),
    ),
  );
  if (all.results.some((g) => g.name === PROPERTY_GROUP.name))
    report.unchanged.push(`property group ${PROPERTY_GROUP.name}`);
  else {
    await hs.call('properties.groups.create', [], 'general', (c) =>
      c.crm.properties.groupsApi.create(CONTACTS, { ...PROPERTY_GROUP }),
    );
    report.created.push(`property group ${PROPERTY_GROUP.name}`);
  }
}

/** The portal's contact properties by name (Baton's own, and lifecyclestage with its options). */
async function contactProperties(hs: HubSpotConnection): Promise<Map<string, ExistingProperty>> {
  const all = z
    .object({ results: z.array(existingProperty) })
    .parse(
      plain(
        await hs.call('properties.list', [], 'general', (c) => c.crm.properties.coreApi.getAll(CONTACTS)),
      ),
    );
  return new Map(all.results.map((p) => [p.name, p]));
}

/** Baton's contact properties: missing ones created, select options kept in step with the policy. */
async function provisionProperties(
  hs: HubSpotConnection,
  policy: Policy,
  byName: ReadonlyMap<string, ExistingProperty>,
  report: ProvisioningReport,
): Promise<void> {
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
