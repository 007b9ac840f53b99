// @baton/card-api: the typed call (signed caller in the URL, 5-second limit, zod-validated answer, failures in
// words) and the query hook's guard against stale answers.
import { Button, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  batonFetch,
  failureInWords,
  FETCH_TIMEOUT_MS,
  problemsByField,
  useBatonQuery,
  type ApiFailure,
} from '@baton/card-api';
import { BatonError } from '../../../src/errors.ts';
import { errorResponse } from './support/backendResponses.ts';
import { heldResponse, jsonResponse, stubHubSpotFetch } from './support/hubspotFetchStub.ts';

const caller = { portalId: 42, userId: 7 };
const thing = z.object({ name: z.string() });

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('batonFetch', () => {
  it('calls the card API as the caller, with the body, and returns the validated answer', async () => {
    const baton = stubHubSpotFetch({ 'PUT /things/a%20b': () => jsonResponse(200, { name: 'x', extra: 1 }) });
    const outcome = await batonFetch({
      method: 'PUT',
      path: '/things/a%20b',
      caller,
      body: { name: 'x' },
      schema: thing,
    });
    expect(outcome).toEqual({ ok: true, data: { name: 'x' } });
    expect(baton.calls[0]).toMatchObject({
      method: 'PUT',
      body: { name: 'x' },
      timeout: FETCH_TIMEOUT_MS,
    });
    expect(baton.calls[0]?.url.toString()).toBe(
      'https://baton.example.com/api/hubspot/things/a%20b?portalId=42&userId=7',
    );
  });

  it('gives up after 5 seconds even if the host never answers', async () => {
    vi.useFakeTimers();
    const held = heldResponse();
    stubHubSpotFetch({ 'GET /slow': () => held.promise });
    const pending = batonFetch({ method: 'GET', path: '/slow', caller, schema: thing });
    await vi.advanceTimersByTimeAsync(4_999);
    let settled = false;
    void pending.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toEqual({ ok: false, failure: { kind: 'timeout', afterMs: 5_000 } });
  });

  it.each([
    [
      'Baton’s envelope',
      () => errorResponse(new BatonError('forbidden', 'Baton is not installed in this HubSpot portal')),
      {
        kind: 'refused',
        code: 'forbidden',
        message: 'Baton is not installed in this HubSpot portal',
        problems: [],
      },
    ],
    [
      'an answer without the envelope',
      () => new Response('<html>Bad gateway</html>', { status: 502 }),
      { kind: 'http', status: 502 },
    ],
    ['an answer of the wrong shape', () => jsonResponse(200, { nom: 'x' }), { kind: 'unexpected_response' }],
    ['a network failure', () => Promise.reject(new TypeError('fetch failed')), { kind: 'unreachable' }],
  ])('turns %s into a failure', async (_label, answer, failure) => {
    stubHubSpotFetch({ 'GET /x': answer });
    expect(await batonFetch({ method: 'GET', path: '/x', caller, schema: thing })).toEqual({
      ok: false,
      failure,
    });
  });
});

describe('failures in words', () => {
  it.each([401, 403, 404, 409, 413, 429, 500, 502, 503, 504])(
    'status %i is described without its number',
    (status) => {
      const words = failureInWords({ kind: 'http', status });
      expect(words.length).toBeGreaterThan(10);
      expect(words).not.toContain(String(status));
    },
  );

  it("uses Baton's own message, and suggests trying again when the fault is Baton's", () => {
    const refused = (code: string): ApiFailure => ({
      kind: 'refused',
      code,
      message: 'Something went wrong on our side',
      problems: [],
    });
    expect(failureInWords(refused('internal'))).toBe(
      'Something went wrong on our side. Try again in a minute.',
    );
    expect(failureInWords(refused('conflict'))).toBe('Something went wrong on our side');
  });

  it('collects the problems of each field', () => {
    const byField = problemsByField({
      kind: 'refused',
      code: 'invalid_input',
      message: 'x',
      problems: [
        { field: 'note', message: 'A note is required' },
        { field: 'note', message: 'At most 2000 characters' },
        { field: 'reason', message: 'Unknown reason' },
      ],
    });
    expect([...byField]).toEqual([
      ['note', 'A note is required. At most 2000 characters'],
      ['reason', 'Unknown reason'],
    ]);
    expect(problemsByField({ kind: 'timeout', afterMs: 5000 }).size).toBe(0);
  });
});

function Probe() {
  const query = useBatonQuery('probe', () =>
    batonFetch({ method: 'GET', path: '/thing', caller, schema: thing }),
  );
  return (
    <>
      <Text>{query.state.status === 'ready' ? query.state.data.name : query.state.status}</Text>
      <Button onClick={query.reload}>Reload</Button>
    </>
  );
}

describe('useBatonQuery', () => {
  it('never lets an older, slower answer replace a newer one', async () => {
    const first = heldResponse();
    const second = heldResponse();
    const answers = [first, second];
    stubHubSpotFetch({ 'GET /thing': () => answers.shift()!.promise });
    const probe = createRenderer('crm.record.tab');
    probe.render(<Probe />);
    expect(probe.find(Text).text).toBe('loading');
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    probe.find(Button).trigger('onClick');
    await vi.waitFor(() => expect(answers).toHaveLength(0));

    second.release(jsonResponse(200, { name: 'new' }));
    await probe.waitFor(() => expect(probe.find(Text).text).toBe('new'));
    first.release(jsonResponse(200, { name: 'old' }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(probe.find(Text).text).toBe('new');
  });
});
