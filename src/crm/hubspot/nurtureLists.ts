// Provisioning's nurture lists: one MANUAL contact list per nurture list of the policy, found by name through the
// list search (a look-up by name answers 404 for every list not created yet, a failed call in every install's sync
// log). Spec PublicApiSpecs/CRM/Lists/Rollouts/144891/v3/lists.json, POST /crm/v3/lists/search: a `query` on the
// list name, `offset` and `count` (at most 500) paging, answered { lists, offset, hasMore, total }.
import { z } from 'zod';
import type { Policy } from '../../domain/policy/schema.ts';
import type { ProvisioningProblem, ProvisioningReport } from '../port.ts';
import type { HubSpotConnection } from './hubspotConnection.ts';
import { plain } from './sdkData.ts';

const CONTACT_TYPE_ID = '0-1';
const SEARCH_PAGE = 500;

const foundList = z.object({
  listId: z.string(),
  name: z.string(),
  objectTypeId: z.string(),
  processingType: z.string(),
});
type FoundList = z.infer<typeof foundList>;

const searchPage = z.object({ lists: z.array(foundList), offset: z.number(), hasMore: z.boolean() });
const listCreate = z.object({ list: z.object({ listId: z.string() }) });

/** The list of this name, if any (of any object type: list names are unique across a portal's lists). */
async function listNamed(hs: HubSpotConnection, name: string): Promise<FoundList | null> {
  const wanted = name.toLowerCase();
  for (let offset = 0; ;) {
    const page = searchPage.parse(
      plain(
        await hs.call('lists.search', [], 'general', (c) =>
          c.crm.lists.listsApi.doSearch({
            query: name,
            offset,
            count: SEARCH_PAGE,
            additionalProperties: [],
          }),
        ),
      ),
    );
    // The search also answers other lists whose names match the query; only this exact name is Baton's.
    const hit = page.lists.find((l) => l.name.toLowerCase() === wanted);
    if (hit) return hit;
    if (!page.hasMore || page.lists.length === 0) return null;
    offset = page.offset;
  }
}

/** Why Baton cannot use the list of that name, or null when it can. */
function unusable(list: FoundList, name: string): ProvisioningProblem | null {
  if (list.objectTypeId !== CONTACT_TYPE_ID)
    return {
      what: `List "${name}" exists for another kind of record (object type ${list.objectTypeId}), and list names are unique in a portal.`,
      fix: `Rename that list in HubSpot, then reconnect Baton to create a contact list "${name}".`,
    };
  if (list.processingType !== 'MANUAL')
    return {
      what: `List "${name}" exists but is ${list.processingType.toLowerCase()}, so Baton cannot add or remove members.`,
      fix: `Rename that list in HubSpot (Contacts › Lists), then reconnect Baton to create a manual "${name}".`,
    };
  return null;
}

/** One MANUAL contact list per nurture list of the policy; a list of that name Baton cannot edit is a problem. */
export async function provisionNurtureLists(
  hs: HubSpotConnection,
  policy: Policy,
  report: ProvisioningReport,
): Promise<void> {
  for (const list of policy.nurtureLists) {
    const existing = await listNamed(hs, list.name);
    if (existing) {
      const problem = unusable(existing, list.name);
      if (problem) report.problems.push(problem);
      else {
        report.lists[list.key] = existing.listId;
        report.unchanged.push(`list ${list.name}`);
      }
      continue;
    }
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
