// Which objects the org has selected for Change Data Capture on the standard ChangeEvents channel: Baton's package
// selects Lead, Task and Event, and an admin can remove them (Setup → Change Data Capture) or have no room left (the
// channel holds 5 selected entities per org). The selections are PlatformEventChannelMember rows, read over the
// Tooling API (CDC guide, "Select Objects for Change Notifications with Metadata API and Tooling API"; Tooling API
// reference, PlatformEventChannelMember: queryable with "View Setup and Configuration"). Members of the standard
// channel are named ChangeEvents_<Entity>ChangeEvent; a custom channel's are <Channel>_chn_<Entity>ChangeEvent.
import type { Connection } from 'jsforce';
import { z } from 'zod';
import { CrmError, type ProvisioningReport } from '../port.ts';
import { SF_API_VERSION } from './batonFields.ts';
import { CHANGE_CHANNELS } from './changeEvents.ts';
import type { SalesforceConnection } from './salesforceConnection.ts';
import { plain } from './soql.ts';

const SELECTIONS_SOQL = 'SELECT DeveloperName, SelectedEntity FROM PlatformEventChannelMember';

const members = z.object({
  records: z.array(z.object({ DeveloperName: z.string(), SelectedEntity: z.string() })),
});

const WHY: Record<string, string> = {
  LeadChangeEvent:
    'lead changes (a rep taking a lead, a return) reach Baton only through its five-minute poll',
  TaskChangeEvent: 'calls and emails logged on leads reach Baton only through its five-minute poll',
  EventChangeEvent: 'meetings logged on leads reach Baton only through its five-minute poll',
};

export async function checkChangeEventSelections(
  sf: SalesforceConnection,
  report: ProvisioningReport,
): Promise<void> {
  let selected: Set<string>;
  try {
    // A plain GET: jsforce's tooling.query() drops the query string when it retries a 5xx by itself.
    const answer = await sf.call('tooling.query', [], async (c: Connection) =>
      c.request(`/services/data/v${SF_API_VERSION}/tooling/query?q=${encodeURIComponent(SELECTIONS_SOQL)}`),
    );
    selected = new Set(
      members
        .parse(plain(answer))
        .records.filter((m) => m.DeveloperName.startsWith('ChangeEvents_'))
        .map((m) => m.SelectedEntity),
    );
  } catch (error) {
    // Refused (no "View Setup and Configuration"): say what could not be checked; a failed call is retried.
    if (!(error instanceof CrmError) || error.kind !== 'permanent') throw error;
    report.problems.push({
      what: `Baton could not read the org's Change Data Capture selections: ${error.message}`,
      fix: "Give the connected user View Setup and Configuration (a permission set of the org's own: a packaged one cannot carry user permissions), or check that Setup → Change Data Capture lists Lead, Task and Event.",
    });
    return;
  }
  for (const channel of CHANGE_CHANNELS) {
    const entity = channel.replace('/data/', '');
    if (selected.has(entity)) {
      report.unchanged.push(`change events ${entity}`);
      continue;
    }
    const object = entity.replace('ChangeEvent', '');
    report.problems.push({
      what: `${object} is not selected for Change Data Capture: ${WHY[entity] ?? 'its changes reach Baton only through its poll'}.`,
      fix: `Setup → Change Data Capture → add ${object} to Selected Entities (Baton's package selects it; the standard channel takes 5 objects).`,
    });
  }
}
