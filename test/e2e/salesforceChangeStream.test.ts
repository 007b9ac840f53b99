// The change stream against the sandbox org's Pub/Sub API: events stored in order with their replay ids, more asked
// for only as they are stored, a reset stream or a restart resumed from the stored position (nothing lost, nothing
// twice), an expired session refreshed, an expired replay id turned into a gap, a refused topic and a used-up
// delivery allocation told as standing problems and asked again later, a silent stream noticed.
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../sandbox/salesforce/testing/harness.ts';
import type { SalesforceSandboxOptions } from '../../sandbox/salesforce/options.ts';
import type { FeedProblemKind } from '../../src/crm/provider.ts';
import type { ChangeChannel, MappedChangeEvent } from '../../src/crm/salesforce/changeEvents.ts';
import { SalesforceChangeStream, type ChangeStreamDeps } from '../../src/crm/salesforce/changeStream.ts';

const LEADS: ChangeChannel = '/data/LeadChangeEvent';
const NO_ASSIGN = { headers: { 'Sforce-Auto-Assign': 'FALSE' } };

/** What a sink would keep: the replay position and the events, in the order they were stored. */
class Stored {
  position: string | null = null;
  events: MappedChangeEvent[] = [];
  gaps: string[] = [];
  problems: Array<{ problem: string; kind: FeedProblemKind | undefined }> = [];
  flowing = 0;
  /** Holds persist while set (a slow database). */
  gate: Promise<void> | null = null;
  failNext = 0;
  /** Stores that never answer (a database that hangs), counted down. */
  hangNext = 0;

  leadIds(): string[] {
    return this.events.flatMap((e) => e.changes.map((c) => c.change.leadId));
  }
}

let h: Harness | undefined;
let stream: SalesforceChangeStream | undefined;
afterEach(async () => {
  stream?.stop();
  stream = undefined;
  await h?.close();
  h = undefined;
});

async function start(options: SalesforceSandboxOptions = {}): Promise<Harness> {
  h = await startHarness({ ...options, cdc: { keepaliveMs: 100, ...options.cdc } });
  return h;
}

function subscribe(
  harness: Harness,
  stored: Stored,
  overrides: Partial<ChangeStreamDeps> = {},
): SalesforceChangeStream {
  let token = harness.setup.accessToken;
  stream = new SalesforceChangeStream({
    pubSubUrl: harness.running.pubSubUrl,
    instanceUrl: harness.baseUrl,
    orgId: harness.org.id,
    accessToken: () => Promise.resolve(token),
    refreshAccessToken: async () => {
      const refreshed = await harness.oauth2().refreshToken(harness.setup.refreshToken);
      token = refreshed.access_token;
      return token;
    },
    replayFrom: () => Promise.resolve(stored.position),
    persist: async (_channel, replayId, event) => {
      if (stored.hangNext > 0) {
        stored.hangNext--;
        await new Promise(() => {});
      }
      if (stored.gate) await stored.gate;
      if (stored.failNext > 0) {
        stored.failNext--;
        throw new Error('database unavailable');
      }
      stored.position = replayId;
      if (event) stored.events.push(event);
    },
    onGap: (_channel, why) => {
      stored.gaps.push(why);
      return Promise.resolve();
    },
    onProblem: (_channel, problem, _error, kind) => stored.problems.push({ problem, kind }),
    onFlowing: () => {
      stored.flowing++;
    },
    channels: [LEADS],
    restartDelayMs: 20,
    ...overrides,
  });
  return stream;
}

async function createLead(harness: Harness, n: number): Promise<string> {
  const result = await harness
    .connection({ client: null })
    .sobject('Lead')
    .create({ LastName: `Lead ${n}`, Company: 'Acme' }, NO_ASSIGN);
  if (!result.success) throw new Error('lead not created');
  return result.id;
}

const until = async (check: () => boolean, ms = 5_000): Promise<void> => {
  await expect.poll(check, { timeout: ms, interval: 10 }).toBe(true);
};

describe('the change stream over the Pub/Sub API', () => {
  it('stores each event in order with its replay id, asking for more only as events are stored', async () => {
    const harness = await start();
    const stored = new Stored();
    await subscribe(harness, stored, { batchSize: 2 }).start();
    // A keepalive gave the fresh subscription a position to resume from.
    await until(() => stored.position !== null);
    let release = () => {};
    stored.gate = new Promise((r) => (release = r));
    const ids: string[] = [];
    for (let n = 0; n < 5; n++) ids.push(await createLead(harness, n));
    await new Promise((r) => setTimeout(r, 100));
    expect(stored.events).toEqual([]);
    stored.gate = null;
    release();
    await until(() => stored.events.length === 5);
    expect(stored.leadIds()).toEqual(ids);
    const replayIds = stored.events.map((e) => e.replayId);
    expect(new Set(replayIds).size).toBe(5);
    expect(stored.position).toBe(replayIds.at(-1));
  });

  it('a reset stream and a restart resume from the stored position: nothing lost, nothing twice', async () => {
    const harness = await start();
    const stored = new Stored();
    await subscribe(harness, stored).start();
    const ids = [await createLead(harness, 1)];
    await until(() => stored.events.length === 1);
    harness.sandbox.dropPubSubStreams();
    ids.push(await createLead(harness, 2));
    await until(() => stored.events.length === 2);
    expect(stored.problems.map((p) => p.kind)).toContain('failing');
    await until(() => stored.flowing === 1);

    stream?.stop();
    ids.push(await createLead(harness, 3)); // while Baton is down
    await subscribe(harness, stored).start();
    ids.push(await createLead(harness, 4));
    await until(() => stored.events.length === 4);
    expect(stored.leadIds()).toEqual(ids);
  });

  it('an event not stored (the database failed) is delivered again from the stored position', async () => {
    const harness = await start();
    const stored = new Stored();
    await subscribe(harness, stored).start();
    await until(() => stored.position !== null);
    stored.failNext = 1;
    const id = await createLead(harness, 1);
    await until(() => stored.events.length === 1);
    expect(stored.leadIds()).toEqual([id]);
    expect(stored.problems[0]?.problem).toMatch(/storing a change event failed/);
  });

  it('a stream the server ends without an error status is subscribed again, losing nothing', async () => {
    const harness = await start();
    const stored = new Stored();
    await subscribe(harness, stored).start();
    await until(() => stored.position !== null);
    harness.sandbox.closePubSubStreams();
    await until(() => stored.problems.some((p) => p.problem === 'the stream ended'));
    const id = await createLead(harness, 1);
    await until(() => stored.events.length === 1);
    expect(stored.leadIds()).toEqual([id]);
    expect(stored.problems.find((p) => p.problem === 'the stream ended')?.kind).toBe('failing');
  });

  it('a response it cannot read ends that stream; the topic resubscribes from the stored position', async () => {
    const harness = await start();
    const stored = new Stored();
    await subscribe(harness, stored).start();
    await until(() => stored.position !== null);
    const before = stored.position;
    harness.sandbox.sendUnreadablePubSubResponse();
    await until(() => stored.problems.some((p) => /^unreadable response/.test(p.problem)));
    // Nothing of it was stored: the position is where it was.
    expect(stored.position).toBe(before);
    const id = await createLead(harness, 1);
    await until(() => stored.events.length === 1);
    expect(stored.leadIds()).toEqual([id]);
  });

  it('a store that never answers (a hung database) does not stall the topic: past the deadline it goes again', async () => {
    const harness = await start();
    const stored = new Stored();
    await subscribe(harness, stored, { persistTimeoutMs: 200 }).start();
    await until(() => stored.position !== null);
    stored.hangNext = 1;
    const first = await createLead(harness, 1);
    await until(() => stored.problems.some((p) => /storing a change event failed/.test(p.problem)));
    const second = await createLead(harness, 2);
    await until(() => stored.events.length === 2);
    expect(stored.leadIds()).toEqual([first, second]);
    expect(stored.problems.find((p) => /storing/.test(p.problem))?.kind).toBe('failing');
  });

  it('events that keep failing to store are fetched again ever less often, not every few seconds', async () => {
    const harness = await start();
    const stored = new Stored();
    await subscribe(harness, stored).start();
    await until(() => stored.position !== null);
    stored.failNext = 1_000;
    await createLead(harness, 1);
    await new Promise((r) => setTimeout(r, 600));
    // 20 ms doubling: about five attempts in 600 ms; with the count reset on every delivery it would be thirty.
    const attempts = stored.problems.filter((p) => /storing a change event failed/.test(p.problem)).length;
    expect(attempts).toBeGreaterThanOrEqual(2);
    expect(attempts).toBeLessThanOrEqual(7);
    stored.failNext = 0;
    await until(() => stored.events.length === 1, 10_000);
    expect(stored.flowing).toBe(1);
  });

  it('an expired session: a new token, and the stream goes on', async () => {
    const harness = await start({ oauth: { sessionTimeoutSeconds: 60 } });
    const stored = new Stored();
    await subscribe(harness, stored).start();
    await until(() => stored.position !== null);
    harness.clock.advance(120_000);
    harness.sandbox.dropPubSubStreams();
    const id = await createLead(harness, 1); // jsforce refreshes its own expired session
    await until(() => stored.events.length === 1);
    expect(stored.leadIds()).toEqual([id]);
    expect(stored.problems.map((p) => p.problem)).toContainEqual(expect.stringMatching(/session refused/));
  });

  it('a replay id past retention is a gap: re-read, then new events from the newest one', async () => {
    const harness = await start();
    const stored = new Stored();
    await subscribe(harness, stored).start();
    await createLead(harness, 1);
    await until(() => stored.events.length === 1);
    stream?.stop();
    await createLead(harness, 2); // while Baton is down
    harness.clock.advance(73 * 3_600_000); // past the 72-hour retention: lead 2's event is gone unread
    await createLead(harness, 3);
    await subscribe(harness, stored).start();
    await until(() => stored.gaps.some((g) => /no longer available/.test(g)));
    const id = await createLead(harness, 4);
    await until(() => stored.leadIds().includes(id));
  });

  it('a topic the user may not read is a standing refusal, asked again with a growing wait, flowing once granted', async () => {
    const harness = await start({ cdc: { subscribeDenied: ['Lead'] } });
    const stored = new Stored();
    await subscribe(harness, stored).start();
    expect(stored.problems[0]).toEqual({
      problem: expect.stringMatching(/may not subscribe to LeadChangeEvent/),
      kind: 'refused',
    });
    await new Promise((r) => setTimeout(r, 200));
    // 20 ms doubling: about four attempts in 200 ms, not ten.
    expect(stored.problems.length).toBeLessThanOrEqual(5);
    harness.sandbox.setCdc({ subscribeDenied: [] });
    await until(() => stored.flowing === 1, 10_000);
    const id = await createLead(harness, 1);
    await until(() => stored.leadIds().includes(id));
  });

  it('the delivery allocation used up: told at once, asked again only after the wait, then events flow', async () => {
    const harness = await start({ cdc: { deliveryAllocation: 1 } });
    const stored = new Stored();
    await subscribe(harness, stored, { deliveryLimitWaitMs: 400 }).start();
    await until(() => stored.position !== null);
    const first = await createLead(harness, 1);
    await createLead(harness, 2);
    await until(() => stored.problems.some((p) => p.kind === 'delivery_limit'));
    expect(stored.problems.find((p) => p.kind === 'delivery_limit')?.problem).toMatch(
      /event delivery allocation .*used up/,
    );
    const tries = stored.problems.length;
    await new Promise((r) => setTimeout(r, 200));
    expect(stored.problems.length).toBe(tries);
    harness.sandbox.setCdc({ deliveryAllocation: 100 });
    await until(() => stored.events.length === 2, 5_000);
    expect(stored.leadIds()[0]).toBe(first);
    expect(stored.flowing).toBe(1);
  });

  it('a stream that stays silent past the idle timeout is subscribed again', async () => {
    const harness = await start({ cdc: { keepaliveMs: 60_000 } });
    const stored = new Stored();
    await subscribe(harness, stored, { idleTimeoutMs: 150 }).start();
    await until(() => stored.problems.some((p) => /no message for/.test(p.problem)));
    const id = await createLead(harness, 1);
    await until(() => stored.leadIds().includes(id));
  });
});
