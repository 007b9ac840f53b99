// Campaign members: one membership per lead (or contact) and campaign — a second is DUPLICATE_VALUE "Already a
// campaign member."; a converted lead can be removed from a campaign but not added; HasResponded follows the member
// status; the campaign counts its leads.
import { MEMBER_STATUSES } from '../../model/campaignSchemas.ts';
import { alreadyCampaignMember, convertedLead, requiredFieldsMissing } from '../../model/recordError.ts';
import { dateIn } from '../../model/sfDates.ts';
import type { WriteContext } from '../orgContext.ts';
import type { ObjectRules } from './objectRules.ts';

function countLeads(ctx: WriteContext, campaignId: unknown): void {
  if (typeof campaignId !== 'string') return;
  const campaign = ctx.org.store.live('Campaign', campaignId);
  if (!campaign) return;
  const n = ctx.org.store
    .all('CampaignMember')
    .filter((m) => m.values.CampaignId === campaignId && m.values.LeadId !== null).length;
  if (campaign.values.NumberOfLeads !== n) ctx.tx.setSilently(campaign, { NumberOfLeads: n });
}

export const campaignMemberRules: ObjectRules = {
  beforeSave({ org, tx }, next, prev) {
    if (prev === undefined) {
      if (next.LeadId === null && next.ContactId === null)
        throw requiredFieldsMissing(['LeadId', 'ContactId']);
      const duplicate = org.store
        .all('CampaignMember')
        .some(
          (m) =>
            m.values.CampaignId === next.CampaignId &&
            ((next.LeadId !== null && m.values.LeadId === next.LeadId) ||
              (next.ContactId !== null && m.values.ContactId === next.ContactId)),
        );
      if (duplicate) throw alreadyCampaignMember();
      // A converted lead can be removed from a campaign but not added, as API users report it; no Salesforce page we
      // could read documents it or its error. The refusal reported for any reference to a converted lead,
      // CANNOT_UPDATE_CONVERTED_LEAD "cannot reference converted lead", is used here (chosen).
      const lead = typeof next.LeadId === 'string' ? org.store.get('Lead', next.LeadId) : undefined;
      if (lead?.values.IsConverted === true) throw convertedLead();
    }
    next.HasResponded = MEMBER_STATUSES.some((s) => s.label === next.Status && s.hasResponded);
    if (next.HasResponded && next.FirstRespondedDate === null)
      next.FirstRespondedDate = dateIn(tx.now, org.timeZone);
  },
  afterSave: (ctx, record) => countLeads(ctx, record.values.CampaignId),
};
