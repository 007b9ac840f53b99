// What the simulated people did (not what Baton did: that is read back from the portal and Baton's store).

export interface SimulationStats {
  contactsCreated: number;
  existingContacts: number;
  touchpoints: number;
  assignments: number;
  reroutes: number;
  touches: { calls: number; emails: number; meetings: number };
  opportunities: number;
  wins: number;
  returns: { sent: number; accepted: number; refused: Record<string, number> };
  /** Returns clicked twice (same requestId): how often, what the two clicks got, and on which contacts. */
  doubleClicks: { sent: number; answers: Record<string, number>; contactIds: string[] };
  /**
   * HubSpot Lead records (0-136) of reps who work the prospecting workspace: created on hand-off, disqualified
   * instead of a card return (by the reason option picked; "none" when the rep left the reason empty).
   */
  leadRecords: {
    created: number;
    disqualified: number;
    reasons: Record<string, number>;
    /** Reason-less disqualifications the rep completed later, after seeing Baton's hold. */
    reasonsGivenLater: number;
  };
  reengaged: number;
  /** Planned actions dropped because the lead had moved on (e.g. a late touch after Baton recycled it). */
  skipped: number;
  errors: string[];
}

export function emptyStats(): SimulationStats {
  return {
    contactsCreated: 0,
    existingContacts: 0,
    touchpoints: 0,
    assignments: 0,
    reroutes: 0,
    touches: { calls: 0, emails: 0, meetings: 0 },
    opportunities: 0,
    wins: 0,
    returns: { sent: 0, accepted: 0, refused: {} },
    doubleClicks: { sent: 0, answers: {}, contactIds: [] },
    leadRecords: { created: 0, disqualified: 0, reasons: {}, reasonsGivenLater: 0 },
    reengaged: 0,
    skipped: 0,
    errors: [],
  };
}

export const bump = (counts: Record<string, number>, key: string): void => {
  counts[key] = (counts[key] ?? 0) + 1;
};
