// Nurture lists are Campaigns: adding a lead is creating its CampaignMember, removing it is deleting that member.
// Either way the state Baton wants counts as success (already a member, or not a member).
import { z } from 'zod';
import type { RecordResult } from '../port.ts';
import { chunks, COLLECTION_LIMIT, eachFailed, recordResults } from './collections.ts';
import type { SalesforceConnection } from './salesforceConnection.ts';
import { LEFT_ALONE_CONVERTED } from './leadWrites.ts';
import { soqlIn, soqlQuery, soqlString } from './soql.ts';

/**
 * Adds leads as members; `converted` holds the leads seen converted: a converted lead cannot join a campaign and
 * belongs to sales now, so its add is done without a call (and a refusal as converted teaches Baton the same).
 */
export async function addToCampaign(
  sf: SalesforceConnection,
  converted: Set<string>,
  campaignId: string,
  leadIds: readonly string[],
): Promise<RecordResult[]> {
  const unique = [...new Set(leadIds)];
  const out: RecordResult[] = unique
    .filter((id) => converted.has(id))
    .map((id) => ({ id, ok: true, leftAlone: LEFT_ALONE_CONVERTED }));
  for (const chunk of chunks(
    unique.filter((id) => !converted.has(id)),
    COLLECTION_LIMIT,
  )) {
    try {
      const raw = await sf.call(`campaign.members.add ${campaignId}`, chunk, (c) =>
        c.sobject('CampaignMember').create(
          chunk.map((LeadId) => ({ CampaignId: campaignId, LeadId })),
          { allOrNone: false },
        ),
      );
      out.push(
        ...recordResults(chunk, raw).map((r): RecordResult => {
          if (r.ok) return r;
          // Already a member is the state Baton wants.
          if (r.error.message.startsWith('DUPLICATE_VALUE')) return { id: r.id, ok: true };
          if (!r.error.message.startsWith('CANNOT_UPDATE_CONVERTED_LEAD')) return r;
          converted.add(r.id);
          return { id: r.id, ok: true, leftAlone: LEFT_ALONE_CONVERTED };
        }),
      );
    } catch (error) {
      out.push(...eachFailed(chunk, error));
    }
  }
  return out;
}

export async function removeFromCampaign(
  sf: SalesforceConnection,
  campaignId: string,
  leadIds: readonly string[],
): Promise<RecordResult[]> {
  const out: RecordResult[] = [];
  for (const chunk of chunks([...new Set(leadIds)], COLLECTION_LIMIT)) {
    try {
      const members = await soqlQuery(
        sf,
        'campaign.members.query',
        `SELECT Id, LeadId FROM CampaignMember WHERE CampaignId = ${soqlString(campaignId)} AND LeadId IN ${soqlIn(chunk)}`,
        z.object({ Id: z.string(), LeadId: z.string().nullable() }),
        chunk,
      );
      if (members.records.length > 0) {
        await sf.call(`campaign.members.remove ${campaignId}`, chunk, (c) =>
          c.sobject('CampaignMember').destroy(
            members.records.map((m) => m.Id),
            { allOrNone: false },
          ),
        );
      }
      // Not a member any more (or never was) is the state Baton wants.
      out.push(...chunk.map((id) => ({ id, ok: true as const })));
    } catch (error) {
      out.push(...eachFailed(chunk, error));
    }
  }
  return out;
}
