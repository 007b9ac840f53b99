// Baton's settings page: loads the tenant's policy, saves it whole, and puts Baton's field problems (judged here
// by Baton's own policy schema) next to the fields they are about.
import {
  Alert,
  Button,
  DateInput,
  ErrorState,
  Input,
  LoadingButton,
  LoadingSpinner,
  MultiSelect,
  NumberInput,
  Select,
  Text,
  Toggle,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BatonSettings } from '../../../extensions/hubspot/src/app/settings/BatonSettings.tsx';
import { defaultPolicy } from '../../../src/domain/policy/schema.ts';
import { savePolicyResponse, settingsBody } from './support/backendResponses.ts';
import { jsonResponse, stubHubSpotFetch, type RouteHandler } from './support/hubspotFetchStub.ts';
import { textOf } from './support/textOf.ts';
import { fire } from './support/fire.ts';

const SAVE = 'PUT /settings';

function renderPage(routes: Record<string, RouteHandler> = {}) {
  const baton = stubHubSpotFetch({
    'GET /settings': () => jsonResponse(200, settingsBody()),
    [SAVE]: (call) => savePolicyResponse(call.body),
    ...routes,
  });
  const page = createRenderer('settings');
  page.render(<BatonSettings />);
  return { page, baton };
}

type Page = ReturnType<typeof createRenderer>;

const loaded = (page: Page) =>
  page.waitFor(() => expect(page.find(NumberInput, { name: 'sla.firstTouchHours' })).toBeTruthy());

async function save(page: Page) {
  page.find(LoadingButton).trigger('onClick');
  await page.waitFor(() => expect(page.find(Alert)).toBeTruthy());
}

afterEach(() => vi.restoreAllMocks());

describe('Settings page', () => {
  it("loads the tenant's policy into the fields", async () => {
    const { page, baton } = renderPage();
    expect(page.find(LoadingSpinner)).toBeTruthy();
    await loaded(page);
    expect(baton.calls[0]?.url.toString()).toBe(
      'https://baton.example.com/api/hubspot/settings?portalId=123&userId=1',
    );
    const value = (name: string) => page.find(NumberInput, { name }).props.value;
    expect([
      value('sla.firstTouchHours'),
      value('sla.reminderAtPercent'),
      value('sla.escalateAtPercent'),
    ]).toEqual([24, 50, 100]);
    expect(value('sla.autoRecycleHours')).toBe(72);
    expect(page.find(Toggle, { name: 'sla.useOwnerTimeZone' }).props.checked).toBe(true);
    expect(page.find(Input, { name: 'timeZone' }).props.value).toBe('America/New_York');
    expect(page.find(Input, { name: 'businessHours.mon.0.start' }).props.value).toBe('09:00');
    expect(page.maybeFind(Input, { name: 'businessHours.sat.0.start' })).toBeNull();
    expect(page.find(Input, { name: 'reasons.3.label' }).props.value).toBe('Existing customer');
    expect(page.find(Select, { name: 'reasons.3.nurtureList' }).props.value).toBe('ops_review');
    expect(page.find(Select, { name: 'reasons.5.nurtureList' }).props.value).toBe(''); // competitor: no list
    expect(page.find(Toggle, { name: 'reasons.1.noteRequired' }).props.checked).toBe(true);
    expect(page.find(Select, { name: 'mql.minFitGrade' }).props.value).toBe('B');
    expect(page.find(MultiSelect, { name: 'mql.handRaise.events' }).props.value).toEqual([
      'demo_request',
      'contact_sales',
    ]);
  });

  it('refuses an invalid save with each problem next to its field, and saves nothing', async () => {
    const { page, baton } = renderPage();
    await loaded(page);
    fire(page.find(NumberInput, { name: 'sla.autoRecycleHours' }), 'onChange', 4);
    // Removing the review list leaves the reject reasons pointing at a list that no longer exists.
    page.findByTestId(Button, 'nurtureLists.0.remove').trigger('onClick');
    await page.waitFor(() => expect(page.maybeFind(Input, { name: 'nurtureLists.5.name' })).toBeNull());
    await save(page);

    const autoRecycle = page.find(NumberInput, { name: 'sla.autoRecycleHours' });
    expect(autoRecycle.props.error).toBe(true);
    expect(autoRecycle.props.validationMessage).toBe(
      'must not be before the first-touch deadline (firstTouchHours)',
    );
    const list = page.find(Select, { name: 'reasons.3.nurtureList' });
    expect(list.props.error).toBe(true);
    expect(list.props.validationMessage).toBe('"ops_review" is not one of nurtureLists');
    expect(page.find(NumberInput, { name: 'sla.firstTouchHours' }).props.error).toBe(false);

    const alert = page.find(Alert, { variant: 'error' });
    expect(textOf(alert)).toContain('Auto-recycle: must not be before the first-touch deadline');
    expect(textOf(alert)).toContain(
      'Reason “Existing customer”, nurture list: "ops_review" is not one of nurtureLists',
    );
    expect(textOf(alert)).not.toMatch(/\b400\b/);
    expect(baton.callsTo(SAVE)).toHaveLength(1);
  });

  it('shows a problem about a whole day beside that day', async () => {
    const { page } = renderPage();
    await loaded(page);
    fire(page.find(Input, { name: 'businessHours.tue.0.end' }), 'onChange', '08:00');
    await save(page);
    expect(page.find(Input, { name: 'businessHours.tue.0.end' }).props.validationMessage).toBe(
      'end must be after start',
    );
  });

  it('saves a valid policy whole — the fields it does not show go back unchanged — and says so', async () => {
    const { page, baton } = renderPage();
    await loaded(page);
    fire(page.find(NumberInput, { name: 'sla.firstTouchHours' }), 'onChange', 8);
    fire(page.find(Select, { name: 'reasons.9.nurtureList' }), 'onChange', 'nurture_reengage');
    fire(page.find(Toggle, { name: 'reasons.9.noteRequired' }), 'onChange', true);
    fire(page.find(MultiSelect, { name: 'mql.handRaise.events' }), 'onChange', [
      'demo_request',
      'meeting_booked',
    ]);
    await save(page);

    expect(page.find(Alert).props).toMatchObject({ title: 'Settings saved', variant: 'success' });
    const [sent] = baton.callsTo(SAVE);
    const policy = sent?.body?.['policy'] as ReturnType<typeof defaultPolicy>;
    expect(policy.sla.firstTouchHours).toBe(8);
    expect(policy.reasons[9]).toMatchObject({
      code: 'not_ready',
      nurtureList: 'nurture_reengage',
      noteRequired: true,
    });
    expect(policy.mql.handRaise.events).toEqual(['demo_request', 'meeting_booked']);
    expect(policy.scoring).toEqual(JSON.parse(JSON.stringify(defaultPolicy().scoring)));
    expect(policy.routing).toEqual({ mode: 'crm' });
    expect(page.find(NumberInput, { name: 'sla.firstTouchHours' }).props.value).toBe(8);
  });

  it('sets both sides of the SLA: a fixed MQL volume or one sized to sales capacity, the reject target, the share met', async () => {
    const { page, baton } = renderPage();
    await loaded(page);
    // By default marketing's volume is sized to what sales can work: no number to fill in.
    expect(page.find(Toggle, { name: 'commitment.sizedToCapacity' }).props.checked).toBe(true);
    expect(page.findAll(NumberInput, { name: 'commitment.mqlsPerMonth' })).toHaveLength(0);
    expect(page.find(NumberInput, { name: 'rejectRateTarget' }).props.value).toBe(10);
    expect(page.find(NumberInput, { name: 'commitment.slaMetShare' }).props.value).toBe(90);

    fire(page.find(Toggle, { name: 'commitment.sizedToCapacity' }), 'onChange', false);
    fire(page.find(NumberInput, { name: 'commitment.mqlsPerMonth' }), 'onChange', 240);
    fire(page.find(NumberInput, { name: 'rejectRateTarget' }), 'onChange', 15);
    fire(page.find(NumberInput, { name: 'commitment.slaMetShare' }), 'onChange', 85);
    await save(page);
    const policy = baton.callsTo(SAVE)[0]?.body?.['policy'] as ReturnType<typeof defaultPolicy>;
    expect(policy.commitment).toEqual({ mqlsPerMonth: 240, slaMetShare: 0.85 });
    expect(policy.rejectRateTarget).toBe(0.15);
    expect(page.find(Alert).props).toMatchObject({ title: 'Settings saved', variant: 'success' });
  });

  it('puts a refused commitment next to its field', async () => {
    const { page } = renderPage();
    await loaded(page);
    fire(page.find(Toggle, { name: 'commitment.sizedToCapacity' }), 'onChange', false);
    fire(page.find(NumberInput, { name: 'commitment.mqlsPerMonth' }), 'onChange', -5);
    await save(page);
    expect(page.find(NumberInput, { name: 'commitment.mqlsPerMonth' }).props).toMatchObject({ error: true });
  });

  it('adds a reason, a holiday and a second working interval', async () => {
    const { page, baton } = renderPage();
    await loaded(page);
    fire(page.find(Input, { name: 'reasons.new.code' }), 'onChange', 'student');
    fire(page.find(Input, { name: 'reasons.new.label' }), 'onChange', 'Student or researcher');
    await page.waitFor(() => expect(page.findByTestId(Button, 'reasons.add').props.disabled).toBe(false));
    page.findByTestId(Button, 'reasons.add').trigger('onClick');
    await page.waitFor(() => expect(page.find(Input, { name: 'reasons.19.label' })).toBeTruthy());
    fire(page.find(DateInput, { name: 'holidays.new' }), 'onChange', { year: 2026, month: 11, date: 25 });
    page.findByTestId(Button, 'businessHours.fri.add').trigger('onClick');
    await page.waitFor(() =>
      expect(page.find(Input, { name: 'businessHours.fri.1.start' }).props.value).toBe('17:00'),
    );
    await save(page);
    expect(page.find(Alert).props.title).toBe('Settings saved');
    const policy = baton.callsTo(SAVE)[0]?.body?.['policy'] as ReturnType<typeof defaultPolicy>;
    expect(policy.reasons.at(-1)).toMatchObject({
      code: 'student',
      label: 'Student or researcher',
      bucket: 'recycle',
    });
    expect(policy.holidays).toEqual(['2026-12-25']);
    expect(policy.businessHours.fri).toEqual([
      { start: '09:00', end: '17:00' },
      { start: '17:00', end: '24:00' },
    ]);
  });

  it('says in words when the settings cannot be loaded', async () => {
    const { page } = renderPage({ 'GET /settings': () => new Response('', { status: 503 }) });
    await page.waitFor(() => expect(page.find(ErrorState)).toBeTruthy());
    expect(textOf(page.find(ErrorState))).toContain('Baton is having trouble right now');
    expect(
      page
        .findAll(Text)
        .map((t) => t.text)
        .join(' '),
    ).not.toMatch(/503/);
  });
});
