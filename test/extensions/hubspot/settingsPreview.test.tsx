// The settings page's impact preview: the draft goes to Baton's what-if, and the figures come back next to the
// settings in force. The backend answer is produced by Baton's own what-if over a small ledger (true shapes).
import { Button, NumberInput, TableRow, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BatonSettings } from '../../../extensions/hubspot/src/app/settings/BatonSettings.tsx';
import { journey } from '../../../src/domain/funnel/testRows.ts';
import { defaultPolicy, parsePolicy } from '../../../src/domain/policy/schema.ts';
import { whatIf } from '../../../src/domain/whatIf/whatIf.ts';
import { BatonError } from '../../../src/errors.ts';
import { errorResponse, settingsBody } from './support/backendResponses.ts';
import { fire } from './support/fire.ts';
import {
  jsonResponse,
  stubHubSpotFetch,
  type RouteHandler,
  type StubCall,
} from './support/hubspotFetchStub.ts';
import { textOf } from './support/textOf.ts';

const PREVIEW = 'POST /settings/preview';

/** Two leads handed over on Monday 3 March 2025 and touched 10 and 30 business hours later (New York time). */
const ROWS = [
  ...journey('1', [
    ['03-03 13:00', 'mql', { context: { fit: 80, engagement: 70 } }],
    ['03-03 14:00', 'assigned', { ownerId: 'rep-1' }],
    ['03-04 16:00', 'accepted', { ownerId: 'rep-1' }],
  ]),
  ...journey('2', [
    ['03-03 13:00', 'mql', { context: { fit: 80, engagement: 70 } }],
    ['03-03 14:00', 'assigned', { ownerId: 'rep-1' }],
    ['03-06 20:00', 'accepted', { ownerId: 'rep-1' }],
  ]),
];

/** POST /settings/preview as the backend answers it (postSettingsPreview, without the database). */
function previewResponse(call: StubCall): Response {
  const proposed = parsePolicy(call.body?.['policy']);
  if (!proposed.ok) throw new Error('the page sent an invalid policy');
  const window = { from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-03-31T00:00:00Z') };
  const report = whatIf({ rows: ROWS, window, baseline: defaultPolicy(), proposed: proposed.policy });
  return jsonResponse(200, JSON.parse(JSON.stringify({ tenantId: 'hubspot-123', ...report })));
}

function renderPage(preview: RouteHandler = previewResponse) {
  const baton = stubHubSpotFetch({
    'GET /settings': () => jsonResponse(200, settingsBody()),
    [PREVIEW]: preview,
  });
  const page = createRenderer('settings');
  page.render(<BatonSettings />);
  return { page, baton };
}

type Page = ReturnType<typeof createRenderer>;

async function previewed(page: Page) {
  await page.waitFor(() => expect(page.find(NumberInput, { name: 'sla.firstTouchHours' })).toBeTruthy());
  fire(page.find(NumberInput, { name: 'sla.firstTouchHours' }), 'onChange', 8);
  page.findByTestId(Button, 'whatif.preview').trigger('onClick');
}

const row = (page: Page, label: string) =>
  page
    .findAll(TableRow)
    .map(textOf)
    .find((text) => text.startsWith(label));

afterEach(() => vi.restoreAllMocks());

describe('Settings page: impact preview', () => {
  it('sends the draft and shows its impact next to the settings in force', async () => {
    const { page, baton } = renderPage();
    await previewed(page);
    await page.waitFor(() => expect(page.findByTestId(Text, 'whatif.changed')).toBeTruthy());
    const sent = baton.callsTo(PREVIEW)[0]?.body?.['policy'] as ReturnType<typeof defaultPolicy>;
    expect(sent.sla.firstTouchHours).toBe(8);
    expect(row(page, 'SLA breaches')).toBe('SLA breaches 1 2');
    expect(row(page, 'Handed to sales')).toBe('Handed to sales 2 2');
    expect(textOf(page.findByTestId(Text, 'whatif.changed'))).toBe('1 lead would have ended differently.');
    expect(page.maybeFindByTestId(Text, 'whatif.stale')).toBeNull();
  });

  it('says when the draft changed since the preview', async () => {
    const { page } = renderPage();
    await previewed(page);
    await page.waitFor(() => expect(page.findByTestId(Text, 'whatif.changed')).toBeTruthy());
    fire(page.find(NumberInput, { name: 'sla.firstTouchHours' }), 'onChange', 12);
    await page.waitFor(() => expect(page.findByTestId(Text, 'whatif.stale')).toBeTruthy());
  });

  it('says in words why a preview failed', async () => {
    const { page } = renderPage(() =>
      errorResponse(new BatonError('forbidden', 'Only Baton admins of this portal can change its settings')),
    );
    await previewed(page);
    await page.waitFor(() => expect(page.findByTestId(Text, 'whatif.failure')).toBeTruthy());
    expect(textOf(page.findByTestId(Text, 'whatif.failure'))).toContain('Only Baton admins');
  });
});
