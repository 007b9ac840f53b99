// The "Funnel passport" record tab: loading, failure, a lead Baton never saw, and a full passport — rendered with
// HubSpot's test renderer from what Baton's passportOf really returns.
import {
  Alert,
  Button,
  DescriptionListItem,
  EmptyState,
  ErrorState,
  LoadingSpinner,
  StatisticsItem,
  StatusTag,
  StepIndicator,
  Table,
  TableRow,
  Tag,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  countdownText,
  formatBusinessMinutes,
} from '../../../extensions/hubspot/src/app/cards/funnelPassport/businessTime.ts';
import { FunnelPassport } from '../../../extensions/hubspot/src/app/cards/funnelPassport/FunnelPassport.tsx';
import { formatDuration } from '../../../extensions/hubspot/src/app/cards/funnelPassport/TimeInStageSection.tsx';
import { newLeadState } from '../../../src/domain/decide/leadState.ts';
import { NOW, passportBody, reassignedLead, untrackedBody } from './support/backendResponses.ts';
import {
  heldResponse,
  jsonResponse,
  stubHubSpotFetch,
  type RouteHandler,
} from './support/hubspotFetchStub.ts';
import { textOf } from './support/textOf.ts';

const PASSPORT = 'GET /leads/123/passport';

function renderTab(handler: RouteHandler) {
  const baton = stubHubSpotFetch({ [PASSPORT]: handler });
  const tab = createRenderer('crm.record.tab');
  tab.render(<FunnelPassport />);
  return { tab, baton };
}

afterEach(() => vi.restoreAllMocks());

describe('Funnel passport card', () => {
  it('shows a spinner while the passport loads', async () => {
    const held = heldResponse();
    const { tab, baton } = renderTab(() => held.promise);
    expect(tab.find(LoadingSpinner).props.label).toBe('Loading the funnel passport');
    await vi.waitFor(() => expect(baton.calls).toHaveLength(1));
    expect(baton.calls[0]?.url.toString()).toBe(
      'https://baton.example.com/api/hubspot/leads/123/passport?portalId=123&userId=1',
    );
    held.release(jsonResponse(200, passportBody()));
    await tab.waitFor(() => expect(tab.maybeFind(LoadingSpinner)).toBeNull());
  });

  it('says in words when Baton cannot be reached, and tries again', async () => {
    let attempt = 0;
    const { tab } = renderTab(() => {
      attempt += 1;
      if (attempt === 1) throw new TypeError('fetch failed');
      return jsonResponse(200, passportBody());
    });
    await tab.waitFor(() => expect(tab.find(ErrorState)).toBeTruthy());
    expect(tab.find(ErrorState).props.title).toBe('The funnel passport could not be loaded');
    expect(textOf(tab.find(ErrorState))).toContain(
      'Baton could not be reached. Check your connection and try again.',
    );
    tab.find(ErrorState).find(Button).trigger('onClick');
    await tab.waitFor(() => expect(tab.find(StepIndicator)).toBeTruthy());
  });

  it('treats an answer it does not understand as a failure, not a crash', async () => {
    const { tab } = renderTab(() => jsonResponse(200, { tracked: true, stage: 'somewhere' }));
    await tab.waitFor(() =>
      expect(textOf(tab.find(ErrorState))).toContain(
        'Baton answered with something this card does not understand',
      ),
    );
  });

  it('explains a lead Baton has never seen with the passport’s why', async () => {
    const { tab } = renderTab(() => jsonResponse(200, untrackedBody()));
    await tab.waitFor(() => expect(tab.find(EmptyState)).toBeTruthy());
    expect(tab.find(EmptyState).props.title).toBe('Baton has never seen this lead');
    expect(textOf(tab.find(EmptyState))).toContain('Baton has not seen this contact as a lead yet');
  });

  it('puts a held disqualification first, in Baton’s words', async () => {
    const why = 'Disqualified with "Prior Negative Experience", which has no Baton reason: an admin maps it';
    const body = passportBody(undefined, undefined, undefined, undefined, {
      why,
      disqualifiedAt: new Date('2026-11-04T15:00:00Z'),
    });
    const { tab } = renderTab(() => jsonResponse(200, body));
    await tab.waitFor(() => expect(tab.find(Alert)).toBeTruthy());
    expect(tab.find(Alert).props.title).toBe('Your disqualification is on hold');
    expect(tab.find(Alert).text).toBe(why);
  });

  it('names the rep who returned the lead when HubSpot could say who it was', async () => {
    const body = passportBody(undefined, undefined, undefined, new Map([['77', 'Maya Reed']]));
    const { tab } = renderTab(() => jsonResponse(200, body));
    await tab.waitFor(() => expect(tab.find(StepIndicator)).toBeTruthy());
    const [, returnRow] = tab.findAll(Table)[0]!.findAll(TableRow);
    expect(textOf(returnRow!)).toBe(
      'Nov 4, 2026, 11:00 AM Maya Reed Not ready to buy yet Budget opens next quarter Recycled into nurture',
    );
  });

  it('shows the stage, the SLA countdown in business time, scores with reasons, returns and time in stage', async () => {
    const { tab } = renderTab(() => jsonResponse(200, passportBody()));
    await tab.waitFor(() => expect(tab.find(StepIndicator)).toBeTruthy());

    expect(tab.find(StepIndicator).props).toMatchObject({
      stepNames: ['Inquiry', 'MQL', 'Assigned', 'Accepted', 'SQL', 'Won'],
      currentStep: 2,
    });
    const tags = tab.findAll(StatusTag).map((t) => t.text);
    expect(tags).toEqual(['Assigned to a rep', 'On time']);
    const page = textOf(tab.getRootNode());
    expect(page).toContain('12 h of business time left for the first touch');
    // In the portal's time zone (New York): Wednesday 14:00 is twelve business hours after Tuesday 10:00.
    expect(tab.find(DescriptionListItem, { label: 'Due' }).text).toBe('Nov 25, 2026, 2:00 PM');

    expect(tab.findAll(StatisticsItem).map((s) => [s.props.label, s.props.number])).toEqual([
      ['Fit (who they are)', 80],
      ['Engagement (what they do)', 45],
    ]);
    expect(tab.find(Tag).text).toBe('Grade A2');
    expect(page).toContain('Director-level title');
    expect(page).toContain('Demo request');

    expect(page).toContain('Recycled once.');
    const [, returnRow] = tab.findAll(Table)[0]!.findAll(TableRow);
    expect(textOf(returnRow!)).toBe(
      'Nov 4, 2026, 11:00 AM HubSpot user 77 Not ready to buy yet Budget opens next quarter Recycled into nurture',
    );

    const stageRows = tab.findAll(Table)[1]!.findAll(TableRow).slice(1).map(textOf);
    expect(stageRows).toEqual([
      'Inquiry 24 h',
      'MQL 4 d 1 h',
      'Assigned to a rep 26 h',
      'Returned to marketing 0 min',
      'Recycled into nurture 15 d 22 h',
    ]);
  });

  it('counts down past the deadline once breached', async () => {
    const { tab } = renderTab(() =>
      jsonResponse(200, passportBody(reassignedLead(), new Date('2026-11-25T20:30:00Z'))),
    );
    await tab.waitFor(() => expect(tab.findAll(StatusTag)[1]?.text).toBe('Breached'));
    expect(textOf(tab.getRootNode())).toContain('Overdue by 1 h 30 min of business time');
  });

  it('says what is not there yet: no SLA clock, no scores, no returns, no stage changes', async () => {
    const lead = { state: newLeadState('123', NOW), history: [] };
    const { tab } = renderTab(() => jsonResponse(200, passportBody(lead)));
    await tab.waitFor(() => expect(tab.find(StepIndicator).props.currentStep).toBe(0));
    const page = textOf(tab.getRootNode());
    expect(page).toContain('No SLA clock: this lead has not been assigned to a rep.');
    expect(page).toContain('Not scored yet.');
    expect(page).toContain('Never recycled.');
    expect(page).toContain('No rep has returned this lead.');
    expect(page).toContain('No stage changes recorded yet.');
  });
});

describe('business time in words', () => {
  it.each([
    [720, '12 h'],
    [320, '5 h 20 min'],
    [45, '45 min'],
    [-90, '1 h 30 min'],
    [0, '0 min'],
  ])('%i business minutes read "%s"', (minutes, words) => {
    expect(formatBusinessMinutes(minutes)).toBe(words);
  });

  it.each([
    [{ status: 'due_soon', businessMinutesLeft: 50 }, '50 min of business time left for the first touch'],
    [{ status: 'breached', businessMinutesLeft: 0 }, 'The first touch is due now'],
    [{ status: 'met', businessMinutesLeft: null }, null],
  ] as const)('%o → %s', (sla, text) => {
    const base = { assignedAt: NOW.toISOString(), dueAt: NOW.toISOString(), firstTouchAt: null };
    expect(countdownText({ ...base, ...sla })).toBe(text);
  });

  it.each([
    [0.25, '15 min'],
    [5.5, '5.5 h'],
    [50, '2 d 2 h'],
    [72, '3 d'],
  ])('%f calendar hours read "%s"', (hours, words) => {
    expect(formatDuration(hours)).toBe(words);
  });
});
