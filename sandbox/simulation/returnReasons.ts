// Which reason a rep picks when sending a lead back, given who the lead is, and the note they write. Reason
// codes are Baton's default taxonomy (src/domain/reasons.ts); notes are given where the reason needs one.
import type { GeneratedLead } from './leadGenerator.ts';
import type { Dice } from './randomness.ts';

export interface ReturnChoice {
  reason: string;
  note?: string;
  /** Days from now for a re-engage date (timing reasons only). */
  reengageInDays?: number;
}

/** Before any contact: wrong fit, bad data or a lead that is not theirs to work. */
export function untouchedReturn(lead: GeneratedLead | undefined, d: Dice): ReturnChoice {
  const name = lead?.firstName ?? 'The contact';
  switch (lead?.persona) {
    case 'competitor':
      return { reason: 'competitor', note: `${lead.company} sells a competing product.` };
    case 'student':
      return d.chance(0.6)
        ? { reason: 'education_only', note: `${name} is a student researching the topic.` }
        : { reason: 'not_our_market', note: 'Student, no buying role.' };
    case 'job_seeker':
      return { reason: 'not_our_market', note: `${name} is looking for a job, not a product.` };
    default:
      return d.weighted<ReturnChoice>([
        [
          {
            reason: 'bad_data',
            note: 'Phone number and company do not match; email bounced in our sequence.',
          },
          3,
        ],
        [
          {
            reason: 'duplicate',
            note: `Same person as an existing contact at ${lead?.company ?? 'the company'}.`,
          },
          2,
        ],
        [{ reason: 'wrong_owner' }, 3],
        [{ reason: 'existing_customer' }, 2],
        [{ reason: 'already_in_pipeline' }, 1],
        [{ reason: 'partner_vendor' }, 1],
        [{ reason: 'spam' }, 1],
      ]);
  }
}

/** After working it: timing reasons, back to nurture. */
export function workedReturn(lead: GeneratedLead | undefined, d: Dice): ReturnChoice {
  const name = lead?.firstName ?? 'They';
  if (lead?.persona === 'researcher' && d.chance(0.5))
    return { reason: 'education_only', note: `${name} wanted the content, no project planned.` };
  const later = d.chance(0.4) ? d.int(31, 40) : undefined;
  const choice = d.weighted<ReturnChoice>([
    [{ reason: 'not_ready', note: `${name} says they are evaluating next quarter.` }, 4],
    [{ reason: 'no_budget', note: 'Budget frozen until the new fiscal year.' }, 3],
    [{ reason: 'no_authority', note: `${name} is not the buyer; the VP of Sales decides.` }, 2],
    [{ reason: 'unresponsive' }, 3],
  ]);
  return later === undefined ? choice : { ...choice, reengageInDays: later };
}
