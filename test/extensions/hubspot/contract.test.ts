// The cards cannot import Baton's backend (HubSpot builds them on their own), so they restate its shapes in zod.
// This keeps the two in step: the cards' schemas accept what the backend really answers, their enums are the
// backend's, and what the return card sends passes the backend's own body schema.
import { describe, expect, it } from 'vitest';
import {
  ENGAGEMENT_LEVELS,
  FIT_GRADES,
  passportResponseSchema,
  REASON_BUCKETS,
  reasonsResponseSchema,
  settingsResponseSchema,
  STAGES,
  WEEKDAYS,
} from '@baton/card-api';
import { reasonChoices } from '../../../extensions/hubspot/src/app/cards/returnToMarketing/reasonChoices.ts';
import { returnBodyOf } from '../../../extensions/hubspot/src/app/cards/returnToMarketing/returnDraft.ts';
import { ENGAGEMENT_TYPE_LABELS } from '../../../extensions/hubspot/src/app/settings/engagementTypes.ts';
import { newLeadState } from '../../../src/domain/decide/leadState.ts';
import { defaultPolicy, parsePolicy } from '../../../src/domain/policy/schema.ts';
import { REASON_BUCKETS as BACKEND_BUCKETS } from '../../../src/domain/reasons.ts';
import {
  ENGAGEMENT_LEVELS as BACKEND_LEVELS,
  FIT_GRADES as BACKEND_GRADES,
} from '../../../src/domain/scoring/grade.ts';
import { ENGAGEMENT_TYPES } from '../../../src/domain/scoring/profile.ts';
import { WEEKDAYS as BACKEND_WEEKDAYS } from '../../../src/domain/sla/businessCalendar.ts';
import { STAGES as BACKEND_STAGES } from '../../../src/domain/stages.ts';
import { returnBody } from '../../../src/web/routes/postLeadReturn.ts';
import {
  NOW,
  passportBody,
  reasonsBody,
  reassignedLead,
  settingsBody,
  untrackedBody,
} from './support/backendResponses.ts';

describe('card schemas and the backend', () => {
  it("share the backend's enums", () => {
    expect(STAGES).toEqual(BACKEND_STAGES);
    expect(REASON_BUCKETS).toEqual(BACKEND_BUCKETS);
    expect(WEEKDAYS).toEqual(BACKEND_WEEKDAYS);
    expect(FIT_GRADES).toEqual(BACKEND_GRADES);
    expect(ENGAGEMENT_LEVELS).toEqual(BACKEND_LEVELS);
    expect(Object.keys(ENGAGEMENT_TYPE_LABELS)).toEqual([...ENGAGEMENT_TYPES]);
  });

  it.each([
    ['a lead on the clock', () => passportBody()],
    ['a new lead', () => passportBody({ state: newLeadState('123', NOW), history: [] })],
    [
      'a touched lead',
      () => {
        const lead = reassignedLead();
        if (lead.state.sla) lead.state.sla.firstTouchAt = new Date('2026-11-24T14:30:00Z');
        return passportBody(lead);
      },
    ],
    [
      'a lead past its deadline, in a detour stage',
      () => {
        const lead = reassignedLead();
        lead.state.stage = 'returned';
        return passportBody(lead, new Date('2026-12-01T15:00:00Z'));
      },
    ],
    ['a contact Baton never saw', () => untrackedBody()],
  ])('the passport of %s parses', (_label, body) => {
    const parsed = passportResponseSchema.safeParse(body());
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('the reasons parse, in bucket order', () => {
    const parsed = reasonsResponseSchema.parse(reasonsBody());
    expect(parsed.buckets.map((b) => b.bucket)).toEqual(['reject', 'disqualify', 'recycle']);
  });

  it('the settings parse, and sending them back unchanged is a valid save of the same policy', () => {
    const { policy } = settingsResponseSchema.parse(settingsBody());
    const saved = parsePolicy(JSON.parse(JSON.stringify(policy)));
    expect(saved).toEqual({ ok: true, policy: defaultPolicy() });
  });

  it('every return the card can send passes the backend’s body schema', () => {
    const choices = reasonChoices(reasonsResponseSchema.parse(reasonsBody()));
    for (const choice of choices) {
      const body = returnBodyOf(
        { reason: choice.code, note: 'A note', reengageOn: { year: 2027, month: 0, date: 31 } },
        choice,
        'card-6f1c2b9e-1d2c-4a57-9a51-0a7f2d1e3c4b',
      );
      expect(returnBody.safeParse(body).error?.issues ?? [], choice.code).toEqual([]);
    }
  });
});
