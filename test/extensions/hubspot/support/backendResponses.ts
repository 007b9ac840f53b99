// What Baton's backend really answers, produced by its own code (passportOf, the reasons handler, the policy
// schema, the error handler) so the card tests and the contract test use true shapes, not hand-written guesses.
import type { ErrorRequestHandler, Request, RequestHandler, Response as ExpressResponse } from 'express';
import { defaultPolicy, parsePolicy, type Policy } from '../../../../src/domain/policy/schema.ts';
import type { LedgerEntry } from '../../../../src/domain/ledger.ts';
import { newLeadState, type LeadState } from '../../../../src/domain/decide/leadState.ts';
import { BatonError } from '../../../../src/errors.ts';
import { createLogger } from '../../../../src/logger.ts';
import { passportOf } from '../../../../src/app/leadPassport.ts';
import { errorHandler } from '../../../../src/web/httpErrors.ts';
import { getReturnReasons } from '../../../../src/web/routes/cardApi.ts';
import { jsonResponse } from './hubspotFetchStub.ts';

/** Tuesday 10:00 in New York (the default policy's zone): business hours are Mon–Fri 09:00–17:00. */
export const NOW = new Date('2026-11-24T15:00:00Z');

const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

interface CapturedResponse {
  statusCode: number;
  body: unknown;
}

function fakeExpressResponse(policy: Policy): { res: ExpressResponse; captured: CapturedResponse } {
  const captured: CapturedResponse = { statusCode: 200, body: undefined };
  const res = {
    locals: { caller: { tenant: { policy }, userId: '1', body: undefined } },
    status(code: number) {
      captured.statusCode = code;
      return res;
    },
    json(body: unknown) {
      captured.body = asJson(body);
      return res;
    },
  };
  return { res: res as unknown as ExpressResponse, captured };
}

export function reasonsBody(policy: Policy = defaultPolicy()): unknown {
  const { res, captured } = fakeExpressResponse(policy);
  (getReturnReasons as RequestHandler)({} as Request, res, () => undefined);
  return captured.body;
}

export function settingsBody(policy: Policy = defaultPolicy()): unknown {
  return asJson({ policy });
}

/** Baton's error envelope and status for an error, through its own error handler. */
export function errorResponse(error: BatonError): Response {
  const { res, captured } = fakeExpressResponse(defaultPolicy());
  (errorHandler(createLogger('silent')) as ErrorRequestHandler)(error, {} as Request, res, () => undefined);
  return jsonResponse(captured.statusCode, captured.body);
}

/** PUT /settings as the backend judges it (src/web/routes/cardApi.ts putSettings, without the database). */
export function savePolicyResponse(body: Record<string, unknown> | undefined): Response {
  const result = parsePolicy(body?.['policy']);
  if (result.ok) return jsonResponse(200, asJson({ policy: result.policy }));
  return errorResponse(
    new BatonError('invalid_input', 'Some settings are not valid', { problems: result.problems }),
  );
}

const at = (iso: string) => new Date(iso);
const row = (
  to: LedgerEntry['to'],
  from: LedgerEntry['from'],
  iso: string,
  extra: Partial<LedgerEntry> = {},
) => ({
  leadId: '123',
  at: at(iso),
  from,
  to,
  cause: 'assigned' as const,
  actor: { kind: 'system' as const },
  ...extra,
});

/** A lead that was returned once (recycled), came back as an MQL and is assigned again, 12 business hours to go. */
export function reassignedLead(): { state: LeadState; history: LedgerEntry[] } {
  const history: LedgerEntry[] = [
    row('inquiry', null, '2026-11-02T14:00:00Z', { cause: 'created' }),
    row('mql', 'inquiry', '2026-11-03T14:00:00Z', { cause: 'score_qualified' }),
    row('assigned', 'mql', '2026-11-03T15:00:00Z', { actor: { kind: 'crm' } }),
    row('returned', 'assigned', '2026-11-04T16:00:00Z', {
      cause: 'rep_returned',
      actor: { kind: 'user', userId: '77' },
      reason: 'not_ready',
      note: 'Budget opens next quarter',
    }),
    row('recycled', 'returned', '2026-11-04T16:00:01Z', { cause: 'rep_returned', reason: 'not_ready' }),
    row('mql', 'recycled', '2026-11-20T14:00:00Z', { cause: 're_engaged' }),
    row('assigned', 'mql', '2026-11-24T14:00:00Z', { actor: { kind: 'crm' } }),
  ];
  const state = newLeadState('123', at('2026-11-02T14:00:00Z'), {
    stage: 'assigned',
    stageEnteredAt: at('2026-11-24T14:00:00Z'),
    ownerId: '1',
    recycleCount: 1,
    scores: {
      fit: 80,
      engagement: 45,
      fitGrade: 'A',
      engagementLevel: 2,
      grade: 'A2',
      fitReasons: ['Director-level title', '200–5,000 employees'],
      engagementReasons: ['Demo request', 'Pricing page view'],
    },
    sla: {
      assignedAt: at('2026-11-24T14:00:00Z'),
      remindAt: at('2026-11-24T21:00:00Z'),
      // Wednesday 14:00 in New York: Tue 10–17 + Wed 9–14 = 12 business hours from NOW.
      dueAt: at('2026-11-25T19:00:00Z'),
      escalateAt: at('2026-11-25T19:00:00Z'),
      autoRecycleAt: at('2026-11-30T19:00:00Z'),
      firstTouchAt: null,
      reminded: false,
      breached: false,
      escalated: false,
      graceUntil: null,
    },
  });
  return { state, history };
}

export function passportBody(
  lead = reassignedLead(),
  now = NOW,
  policy = defaultPolicy(),
  names: ReadonlyMap<string, string> = new Map(),
  held: { why: string; disqualifiedAt: Date } | null = null,
): unknown {
  return asJson(passportOf(lead.state, lead.history, policy, now, names, held));
}

/** What getLeadPassport answers for a contact Baton never saw. */
export function untrackedBody(leadId = '123'): unknown {
  return {
    tracked: false,
    leadId,
    why: 'Baton has not seen this contact as a lead yet: it starts tracking contacts when they are created or change, and during the initial sync after install.',
  };
}
