import { describe, expect, it } from 'vitest';
import type { ChangeChannel } from './changeEvents.ts';
import { grpc, type TopicInfo } from './pubsub/pubSubClient.ts';
import { topicAccessProblems } from './topicAccess.ts';

const URL = 'https://api.pubsub.salesforce.com:7443';
const topicInfo = (topicName: string, canSubscribe: boolean): TopicInfo =>
  ({ topicName, canSubscribe, canPublish: false, schemaId: 's', tenantGuid: '00D', rpcId: 'r' }) as TopicInfo;
const grpcError = (code: grpc.status, details = '') => Object.assign(new Error(details), { code, details });

/** A Pub/Sub client whose GetTopic answers per topic, counting the calls. */
function client(answer: (topic: ChangeChannel) => TopicInfo | Error) {
  const asked: string[] = [];
  return {
    asked,
    topic: async (name: string) => {
      asked.push(name);
      const a = answer(name as ChangeChannel);
      if (a instanceof Error) throw a;
      return a;
    },
  };
}

describe('topic access on connect', () => {
  it('says nothing when the user may subscribe to every topic', async () => {
    const c = client((t) => topicInfo(t, true));
    expect(await topicAccessProblems(c, URL)).toEqual([]);
    expect(c.asked).toEqual(['/data/LeadChangeEvent', '/data/TaskChangeEvent', '/data/EventChangeEvent']);
  });

  it('names each topic the user may not subscribe to, with the permission that fixes it', async () => {
    const c = client((t) => topicInfo(t, t === '/data/LeadChangeEvent'));
    const problems = await topicAccessProblems(c, URL);
    expect(problems.map((p) => p.what)).toEqual([
      'Change events: the connected user may not subscribe to TaskChangeEvent (task and event change events need "View All Data").',
      'Change events: the connected user may not subscribe to EventChangeEvent (task and event change events need "View All Data").',
    ]);
    expect(problems[0]?.fix).toMatch(/View All Data .*five-minute poll/);
  });

  it('a refused GetTopic (PERMISSION_DENIED) is the same missing permission', async () => {
    const c = client((t) =>
      t === '/data/LeadChangeEvent'
        ? grpcError(grpc.status.PERMISSION_DENIED, 'no access')
        : topicInfo(t, true),
    );
    const [problem, ...rest] = await topicAccessProblems(c, URL);
    expect(rest).toEqual([]);
    expect(problem?.what).toMatch(/may not subscribe to LeadChangeEvent .*View All" on leads.*no access/);
    expect(problem?.fix).toMatch(/View All on leads/);
  });

  it('leaves a topic the API does not know to the selection check', async () => {
    const c = client((t) =>
      t === '/data/EventChangeEvent' ? grpcError(grpc.status.NOT_FOUND) : topicInfo(t, true),
    );
    expect(await topicAccessProblems(c, URL)).toEqual([]);
  });

  it('an API it cannot reach is said once, with the URL and the port to open', async () => {
    const c = client(() => grpcError(grpc.status.UNAVAILABLE, 'connect ECONNREFUSED'));
    const problems = await topicAccessProblems(c, URL);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.what).toBe(
      `Baton could not reach Salesforce's Pub/Sub API at ${URL} (UNAVAILABLE): change events wait until it can; the five-minute poll carries on meanwhile.`,
    );
    expect(problems[0]?.fix).toMatch(/port 7443/);
    expect(c.asked).toHaveLength(1);
  });

  it('a failure that is not an answer of the API (a token that could not be refreshed) is said as it is', async () => {
    const c = client(() => new Error('refresh token revoked'));
    const problems = await topicAccessProblems(c, URL);
    expect(problems.map((p) => p.what)).toEqual([
      'Baton could not check LeadChangeEvent: refresh token revoked.',
      'Baton could not check TaskChangeEvent: refresh token revoked.',
      'Baton could not check EventChangeEvent: refresh token revoked.',
    ]);
  });
});
