// Provisioning an org: checks the package's Lead fields, the marketing queue and the Change Data Capture selections,
// and finds or creates one Campaign per nurture list. What Baton cannot fix itself is reported with the exact fix
// for an admin.
import { z } from 'zod';
import type { Policy } from '../../domain/policy/schema.ts';
import { CrmError, type ProvisioningReport } from '../port.ts';
import { SF_FIELD_SPECS, SF_MARKETING_QUEUE } from './batonFields.ts';
import { checkChangeEventSelections } from './changeEventSelections.ts';
import { saveResult } from './collections.ts';
import type { MarketingQueue } from './owners.ts';
import type { SalesforceConnection } from './salesforceConnection.ts';
import { plain, soqlQuery, soqlString } from './soql.ts';

type NurtureList = Policy['nurtureLists'][number];

/** Checks the package's fields, queue and change-event selections, and finds or creates one Campaign per nurture list. */
export async function provision(
  sf: SalesforceConnection,
  queue: MarketingQueue,
  policy: Policy,
): Promise<ProvisioningReport> {
  const report: ProvisioningReport = { created: [], unchanged: [], problems: [], lists: {} };
  await checkLeadFields(sf, report);
  await checkQueue(queue, report);
  await checkChangeEventSelections(sf, report);
  for (const list of policy.nurtureLists) await ensureCampaign(sf, list, report);
  return report;
}

async function checkLeadFields(sf: SalesforceConnection, report: ProvisioningReport): Promise<void> {
  const describe = z
    .object({ fields: z.array(z.object({ name: z.string() })) })
    .parse(plain(await sf.call('lead.describe', [], (c) => c.sobject('Lead').describe())));
  const present = new Set(describe.fields.map((f) => f.name));
  for (const spec of SF_FIELD_SPECS) {
    if (present.has(spec.name)) report.unchanged.push(`field ${spec.name}`);
    else {
      report.problems.push({
        what: `Lead field ${spec.name} is missing.`,
        fix: "Install Baton's package (extensions/salesforce) in the org and assign the Baton permission set.",
      });
    }
  }
}

async function checkQueue(queue: MarketingQueue, report: ProvisioningReport): Promise<void> {
  try {
    await queue.id();
    report.unchanged.push(`queue ${SF_MARKETING_QUEUE}`);
  } catch (error) {
    // Only "not there" is a missing queue; a failed call (limit, outage) fails provisioning, to be retried.
    if (!(error instanceof CrmError) || error.kind !== 'permanent') throw error;
    report.problems.push({
      what: `Queue ${SF_MARKETING_QUEUE} for leads is missing.`,
      fix: `Create a queue named ${SF_MARKETING_QUEUE} with Lead as a supported object, or install Baton's package.`,
    });
  }
}

/** The list's Campaign, found by name or created; its id goes into the report's lists. */
async function ensureCampaign(
  sf: SalesforceConnection,
  list: NurtureList,
  report: ProvisioningReport,
): Promise<void> {
  const found = await soqlQuery(
    sf,
    'campaign.query',
    `SELECT Id FROM Campaign WHERE Name = ${soqlString(list.name)}`,
    z.object({ Id: z.string() }),
  );
  const existing = found.records[0]?.Id;
  if (existing) {
    report.lists[list.key] = existing;
    report.unchanged.push(`campaign ${list.name}`);
    return;
  }
  // A single-record create answers a refusal with HTTP 400, not with success: false.
  const created = await sf
    .call('campaign.create', [], (c) =>
      c.sobject('Campaign').create({ Name: list.name, IsActive: true, Type: 'Other' }),
    )
    .then(
      (raw) => saveResult.parse(plain(raw)),
      (error: unknown) => {
        if (!(error instanceof CrmError) || error.kind !== 'permanent') throw error;
        return { id: null, success: false, errors: [{ message: error.message }] };
      },
    );
  if (!created.success || !created.id) {
    report.problems.push({
      what: `Campaign "${list.name}" could not be created: ${created.errors[0]?.message ?? 'unknown error'}`,
      fix: 'Give the integration user permission to create campaigns (Marketing User), then reconnect.',
    });
    return;
  }
  report.lists[list.key] = created.id;
  report.created.push(`campaign ${list.name}`);
}
