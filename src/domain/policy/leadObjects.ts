// How Baton reads a CRM's own lead records (HubSpot's Lead object, worked in the prospecting workspace): whether it
// follows them, and which Baton reason each of the portal's disqualification reasons means.
import { z } from 'zod';
import { storableText } from '../storableText.ts';

/** Reason options are matched without case, spaces or punctuation: "No Decision-making Power" = NO_DECISION_MAKING_POWER. */
export const reasonOptionKey = (option: string): string => option.toLowerCase().replace(/[^a-z0-9]+/g, '');

/**
 * Defaults for the disqualification reasons seen in the field (HubSpot's published docs do not list the options;
 * these labels come from portals' public configurations, reference/hubspot-platform.md). Options not here — e.g.
 * "Prior Negative Experience", "Technical Limitations" — are shown to the admin as unmapped, not guessed.
 */
export const DEFAULT_LEAD_REASON_MAP: Readonly<Record<string, string>> = {
  'Bad Timing': 'not_ready',
  'Budget Constraints': 'no_budget',
  'No Decision-making Power': 'no_authority',
  // They chose someone else for now: a timing matter for marketing, not a competitor posing as a lead.
  'Competitor Preference': 'not_ready',
  'Not a Good Fit': 'not_our_market',
  'No Commercial Interest': 'education_only',
  'Wrong Data': 'bad_data',
  'No Response': 'unresponsive',
};

export const leadObjectsSchema = z
  .strictObject({
    /** Follow the portal's Lead records where the portal has them (Sales Hub Professional/Enterprise). */
    enabled: z.boolean().default(true),
    /** The portal's disqualification reason (its label or internal value) → the Baton reason it means. */
    reasonMap: z
      .record(storableText().min(1).max(200), storableText().min(1).max(100))
      .default({ ...DEFAULT_LEAD_REASON_MAP }),
  })
  .prefault({});

export type LeadObjectsPolicy = z.output<typeof leadObjectsSchema>;

/** The Baton reason a portal's option means, by its value or its label; undefined when the policy has none. */
export function mappedReason(
  policy: LeadObjectsPolicy,
  option: { value: string; label: string | null },
): string | undefined {
  const byKey = new Map(Object.entries(policy.reasonMap).map(([k, v]) => [reasonOptionKey(k), v]));
  return (
    byKey.get(reasonOptionKey(option.value)) ??
    (option.label ? byKey.get(reasonOptionKey(option.label)) : undefined)
  );
}
