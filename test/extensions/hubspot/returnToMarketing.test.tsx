// The "Return to marketing" sidebar card, rendered with HubSpot's test renderer against Baton's real answers.
import {
  Alert,
  Button,
  DateInput,
  ErrorState,
  LoadingButton,
  LoadingSpinner,
  Select,
  TextArea,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReturnToMarketing } from '../../../extensions/hubspot/src/app/cards/returnToMarketing/ReturnToMarketing.tsx';
import { BatonError } from '../../../src/errors.ts';
import {
  errorResponse,
  passportBody,
  reasonsBody,
  reassignedLead,
  untrackedBody,
} from './support/backendResponses.ts';
import {
  heldResponse,
  jsonResponse,
  stubHubSpotFetch,
  type RouteHandler,
} from './support/hubspotFetchStub.ts';
import { textOf } from './support/textOf.ts';
import { fire } from './support/fire.ts';

const RETURN = 'POST /leads/123/return';
const returned = (body: Record<string, unknown> = {}) =>
  jsonResponse(200, {
    leadId: '123',
    stage: 'recycled',
    recycleCount: 2,
    lastReason: 'not_ready',
    duplicate: false,
    ...body,
  });

function renderCard(routes: Record<string, RouteHandler> = {}) {
  const baton = stubHubSpotFetch({
    'GET /reasons': () => jsonResponse(200, reasonsBody()),
    'GET /leads/123/passport': () => jsonResponse(200, passportBody()),
    [RETURN]: () => returned(),
    ...routes,
  });
  const card = createRenderer('crm.record.sidebar');
  card.render(<ReturnToMarketing />);
  return { card, baton };
}

async function ready(card: ReturnType<typeof createRenderer>) {
  await card.waitFor(() => expect(card.find(Select, { name: 'reason' })).toBeTruthy());
}

function pick(card: ReturnType<typeof createRenderer>, reason: string) {
  fire(card.find(Select, { name: 'reason' }), 'onChange', reason);
}

async function confirmStep(card: ReturnType<typeof createRenderer>) {
  card.find(Button, { variant: 'primary' }).trigger('onClick');
  await card.waitFor(() => expect(card.find(LoadingButton)).toBeTruthy());
}

afterEach(() => vi.restoreAllMocks());

describe('Return to marketing card', () => {
  it('loads the reasons and the passport as the signed-in user of this portal', async () => {
    const { card, baton } = renderCard();
    expect(card.find(LoadingSpinner)).toBeTruthy();
    await ready(card);
    const urls = baton.calls.map((c) => c.url.toString()).sort();
    expect(urls).toEqual([
      'https://baton.example.com/api/hubspot/leads/123/passport?portalId=123&userId=1',
      'https://baton.example.com/api/hubspot/reasons?portalId=123&userId=1',
    ]);
    expect(baton.calls.every((c) => c.timeout !== undefined && c.timeout <= 5000)).toBe(true);
  });

  it('offers the reasons grouped by bucket, and says what the picked one means', async () => {
    const { card } = renderCard();
    await ready(card);
    const labels = card.find(Select, { name: 'reason' }).props.options.map((o) => o.label);
    expect(labels.slice(0, 2)).toEqual([
      'Reject: Wrong owner or territory',
      'Reject: Duplicate of another lead',
    ]);
    expect(labels.map((l) => l.split(':')[0])).toEqual([
      ...Array(5).fill('Reject'),
      ...Array(4).fill('Disqualify'),
      ...Array(6).fill('Recycle'),
    ]);
    expect(labels).not.toContain('Recycle: Untouched past the SLA'); // Baton's own rule, not a rep's choice
    pick(card, 'no_budget');
    await card.waitFor(() =>
      expect(card.find(Select, { name: 'reason' }).props.description).toBe(
        'Recycle — right person, wrong time. The lead joins “Baton · Nurture: timing and budget”.',
      ),
    );
  });

  it('requires a note where the reason says so: the message is in the field and nothing is sent', async () => {
    const { card, baton } = renderCard();
    await ready(card);
    pick(card, 'duplicate');
    await card.waitFor(() => expect(card.find(TextArea, { name: 'note' }).props.required).toBe(true));
    card.find(Button, { variant: 'primary' }).trigger('onClick');
    await card.waitFor(() => expect(card.find(TextArea, { name: 'note' }).props.error).toBe(true));
    expect(card.find(TextArea, { name: 'note' }).props.validationMessage).toBe(
      'A note is required for “Duplicate of another lead”: tell marketing what to fix or look for.',
    );
    expect(card.maybeFind(LoadingButton)).toBeNull();
    expect(baton.callsTo(RETURN)).toHaveLength(0);
  });

  it('asks for a reason before anything else', async () => {
    const { card } = renderCard();
    await ready(card);
    card.find(Button, { variant: 'primary' }).trigger('onClick');
    await card.waitFor(() =>
      expect(card.find(Select, { name: 'reason' }).props.validationMessage).toBe(
        'Pick why this lead goes back to marketing.',
      ),
    );
  });

  it('offers a re-engage date only for reasons that take one, and drops it when the reason changes', async () => {
    const { card, baton } = renderCard();
    await ready(card);
    pick(card, 'wrong_owner');
    await card.waitFor(() => expect(card.find(Select, { name: 'reason' }).props.value).toBe('wrong_owner'));
    expect(card.maybeFind(DateInput)).toBeNull();
    pick(card, 'not_ready');
    await card.waitFor(() => expect(card.find(DateInput, { name: 'reengageAt' })).toBeTruthy());
    fire(card.find(DateInput), 'onChange', { year: 2027, month: 2, date: 1, formattedDate: '2027-03-01' });
    pick(card, 'competitor');
    await card.waitFor(() => expect(card.maybeFind(DateInput)).toBeNull());
    await confirmStep(card);
    card.find(LoadingButton).trigger('onClick');
    await card.waitFor(() => expect(baton.callsTo(RETURN)).toHaveLength(1));
    expect(baton.callsTo(RETURN)[0]?.body).not.toHaveProperty('reengageAt');
  });

  it('confirms, sends the return with a fresh requestId, shows where the lead went and refreshes the record', async () => {
    const { card, baton } = renderCard();
    await ready(card);
    pick(card, 'not_ready');
    await card.waitFor(() => expect(card.find(DateInput)).toBeTruthy());
    fire(card.find(TextArea), 'onChange', '  Budget opens in Q2  ');
    fire(card.find(DateInput), 'onChange', { year: 2027, month: 2, date: 1, formattedDate: '2027-03-01' });
    await confirmStep(card);
    expect(textOf(card.getRootNode())).toContain('Return this lead to marketing as “Not ready to buy yet”?');
    expect(textOf(card.getRootNode())).toContain('Marketing may hand it back from Mar 1, 2027.');
    expect(baton.callsTo(RETURN)).toHaveLength(0);

    card.find(LoadingButton).trigger('onClick');
    await card.waitFor(() => expect(card.find(Alert, { variant: 'success' })).toBeTruthy());
    const [sent] = baton.callsTo(RETURN);
    expect(sent?.url.toString()).toBe(
      'https://baton.example.com/api/hubspot/leads/123/return?portalId=123&userId=1',
    );
    expect(sent?.body).toEqual({
      reason: 'not_ready',
      note: 'Budget opens in Q2',
      reengageAt: '2027-03-01',
      requestId: expect.stringMatching(/^card-.{8,}$/),
    });
    expect(card.find(Alert, { variant: 'success' }).text).toContain('the lead is now recycled into nurture');
    expect(card.mocks.actions.refreshObjectProperties.calls).toHaveLength(1);
  });

  it('sends one request for a double click on confirm', async () => {
    const held = heldResponse();
    const { card, baton } = renderCard({ [RETURN]: () => held.promise });
    await ready(card);
    pick(card, 'wrong_owner');
    await confirmStep(card);
    const confirm = card.find(LoadingButton);
    confirm.trigger('onClick');
    confirm.trigger('onClick');
    await card.waitFor(() => expect(card.find(LoadingButton).props.loading).toBe(true));
    expect(card.find(LoadingButton).props.disabled).toBe(true);
    card.find(LoadingButton).trigger('onClick');
    held.release(returned({ stage: 'returned', lastReason: 'wrong_owner' }));
    await card.waitFor(() => expect(card.find(Alert, { variant: 'success' })).toBeTruthy());
    expect(baton.callsTo(RETURN)).toHaveLength(1);
  });

  it("maps Baton's field problems onto the fields, in Baton's words, and a new review is a new submission", async () => {
    let attempt = 0;
    const { card, baton } = renderCard({
      [RETURN]: () => {
        attempt += 1;
        return attempt === 1
          ? errorResponse(
              new BatonError('invalid_input', 'The return is not complete', {
                problems: [
                  { field: 'note', message: 'A note is required for "Not ready to buy yet"' },
                  { field: 'reengageAt', message: 'The re-engage date must be in the future' },
                ],
              }),
            )
          : returned();
      },
    });
    await ready(card);
    pick(card, 'not_ready');
    await confirmStep(card);
    card.find(LoadingButton).trigger('onClick');
    await card.waitFor(() => expect(card.find(TextArea).props.error).toBe(true));
    expect(card.find(TextArea).props.validationMessage).toBe('A note is required for "Not ready to buy yet"');
    expect(card.find(DateInput).props.validationMessage).toBe('The re-engage date must be in the future');
    const alert = card.find(Alert, { variant: 'error' });
    expect(alert.props.title).toBe('The return was not saved');
    expect(alert.text).toContain('The return is not complete');
    expect(alert.text).not.toMatch(/\b400\b/);

    fire(card.find(TextArea), 'onChange', 'Try after the budget cycle');
    await card.waitFor(() => expect(card.find(TextArea).props.error).toBe(false));
    await confirmStep(card);
    card.find(LoadingButton).trigger('onClick');
    await card.waitFor(() => expect(card.find(Alert, { variant: 'success' })).toBeTruthy());
    const [first, second] = baton.callsTo(RETURN).map((c) => c.body?.['requestId']);
    expect(first).not.toBe(second);
  });

  it('retries an unanswered submission with the same requestId, so Baton records it once', async () => {
    let attempt = 0;
    const { card, baton } = renderCard({
      [RETURN]: () => {
        attempt += 1;
        if (attempt === 1) throw new TypeError('network down');
        return returned({ duplicate: true });
      },
    });
    await ready(card);
    pick(card, 'wrong_owner');
    await confirmStep(card);
    card.find(LoadingButton).trigger('onClick');
    await card.waitFor(() =>
      expect(card.find(Alert, { variant: 'error' }).text).toContain('Baton could not be reached'),
    );
    card.find(LoadingButton).trigger('onClick');
    await card.waitFor(() => expect(card.find(Alert, { variant: 'success' })).toBeTruthy());
    expect(card.find(Alert, { variant: 'success' }).text).toContain(
      'Baton had already recorded this return.',
    );
    const [first, second] = baton.callsTo(RETURN).map((c) => c.body?.['requestId']);
    expect(second).toBe(first);
  });

  it('says in words when Baton refuses the return because the lead moved on', async () => {
    const { card } = renderCard({
      [RETURN]: () =>
        errorResponse(
          new BatonError('conflict', 'This lead was already returned and is with marketing ops for review.'),
        ),
    });
    await ready(card);
    pick(card, 'wrong_owner');
    await confirmStep(card);
    card.find(LoadingButton).trigger('onClick');
    await card.waitFor(() =>
      expect(card.find(Alert, { variant: 'error' }).text).toBe(
        'This lead was already returned and is with marketing ops for review.',
      ),
    );
  });

  it("shows Baton's refusal in its own words when the user may not return this lead (403)", async () => {
    const words = 'Only Maya Reed, their manager or a Baton admin of this portal can return this lead';
    const { card } = renderCard({ [RETURN]: () => errorResponse(new BatonError('forbidden', words)) });
    await ready(card);
    pick(card, 'wrong_owner');
    await confirmStep(card);
    card.find(LoadingButton).trigger('onClick');
    await card.waitFor(() => expect(card.find(Alert, { variant: 'error' }).text).toBe(words));
    // Not HubSpot's "could not confirm who is asking": the refusal is about this lead, and says whose it is.
    expect(card.find(Alert, { variant: 'error' }).text).not.toContain('Reload');
  });

  it('is disabled, with the passport’s explanation, when the lead cannot be returned', async () => {
    const lead = reassignedLead();
    lead.state.stage = 'qualified';
    const { card, baton } = renderCard({
      'GET /leads/123/passport': () => jsonResponse(200, passportBody(lead)),
    });
    await card.waitFor(() => expect(card.find(Button).props.disabled).toBe(true));
    expect(card.find(Alert).props.title).toBe('This lead cannot be returned');
    expect(card.find(Alert).text).toBe('This lead is already an opportunity.');
    expect(card.maybeFind(Select)).toBeNull();
    expect(baton.callsTo(RETURN)).toHaveLength(0);
  });

  it('tells the rep a disqualification in the Leads workspace is on hold, and still offers the return', async () => {
    const held = {
      why: 'Disqualified without a reason: pick one on the lead, or return it from Baton’s card',
      disqualifiedAt: new Date('2026-11-04T15:00:00Z'),
    };
    const { card } = renderCard({
      'GET /leads/123/passport': () =>
        jsonResponse(200, passportBody(undefined, undefined, undefined, undefined, held)),
    });
    await ready(card);
    expect(card.find(Alert).props.title).toBe('Your disqualification is on hold');
    expect(card.find(Alert).text).toBe(held.why);
  });

  it('shows no hold when the passport has none', async () => {
    const { card } = renderCard();
    await ready(card);
    expect(card.maybeFind(Alert)).toBeNull();
  });

  it('explains itself when Baton does not track the lead', async () => {
    const { card } = renderCard({ 'GET /leads/123/passport': () => jsonResponse(200, untrackedBody()) });
    await card.waitFor(() => expect(card.find(Button).props.disabled).toBe(true));
    expect(card.find(Alert).props.title).toBe('Baton does not track this lead');
    expect(card.find(Alert).text).toContain('Baton has not seen this contact as a lead yet');
  });

  it('shows a load failure in words, never as a status code, and tries again', async () => {
    let attempt = 0;
    const { card } = renderCard({
      'GET /reasons': () => {
        attempt += 1;
        return attempt === 1
          ? new Response('upstream exploded', { status: 502 })
          : jsonResponse(200, reasonsBody());
      },
    });
    await card.waitFor(() => expect(card.find(ErrorState)).toBeTruthy());
    expect(textOf(card.find(ErrorState))).toContain(
      'Baton is having trouble right now. Try again in a minute.',
    );
    expect(textOf(card.find(ErrorState))).not.toMatch(/502/);
    card.find(ErrorState).find(Button).trigger('onClick');
    await ready(card);
  });
});
