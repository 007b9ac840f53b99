// The two sides of the SLA as numbers the scorecard holds each side to. Marketing's volume defaults to what sales
// can work (the capacity plan's target); its quality is the reject-rate target (accepted ≥ 1 − target).
import { z } from 'zod';

export const commitmentSchema = z
  .strictObject({
    /** MQLs marketing commits to deliver a month; null: sized to sales capacity at the measured pace. */
    mqlsPerMonth: z.number().int().min(0).max(10_000_000).nullable().default(null),
    /** The share of SLA outcomes sales commits to meet (first touch, or a return, before the deadline). */
    slaMetShare: z.number().min(0).max(1).default(0.9),
  })
  .prefault({});

export type Commitment = z.infer<typeof commitmentSchema>;
