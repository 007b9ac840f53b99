// What the connect page says about change capture before the first subscription: whether the connected user may
// subscribe to each change-event topic (GetTopic's TopicInfo.can_subscribe, pubsub_api.proto) and whether Baton
// reaches the Pub/Sub API at all. Without this the admin learns of a missing permission only from the ops console,
// once the stream is refused. A topic the API does not know is left to the selection check
// (changeEventSelections.ts), which says which object to select.
import type { ProvisioningProblem } from '../port.ts';
import { CHANGE_CHANNELS, type ChangeChannel } from './changeEvents.ts';
import { grpc, grpcStatusOf, type PubSubClient } from './pubsub/pubSubClient.ts';
import { cannotSubscribe, describeStreamError } from './pubsub/streamErrors.ts';

const PERMISSION_FIX: Record<ChangeChannel, string> = {
  '/data/LeadChangeEvent':
    "Give the connected user View All on leads (a permission set of the org's own: a packaged one cannot carry permissions on standard objects), then connect again.",
  '/data/TaskChangeEvent':
    'Give the connected user View All Data (Salesforce has no View All for activities), then connect again. Until then calls and emails reach Baton through its five-minute poll.',
  '/data/EventChangeEvent':
    'Give the connected user View All Data (Salesforce has no View All for activities), then connect again. Until then meetings reach Baton through its five-minute poll.',
};

/** Statuses that say the API was not reached (or did not answer), not that it refused. */
const UNREACHED = new Set([grpc.status.UNAVAILABLE, grpc.status.DEADLINE_EXCEEDED]);

export async function topicAccessProblems(
  client: Pick<PubSubClient, 'topic'>,
  pubSubUrl: string,
  channels: readonly ChangeChannel[] = CHANGE_CHANNELS,
): Promise<ProvisioningProblem[]> {
  const problems: ProvisioningProblem[] = [];
  for (const channel of channels) {
    try {
      const topic = await client.topic(channel);
      if (!topic.canSubscribe)
        problems.push({ what: `Change events: ${cannotSubscribe(channel)}.`, fix: PERMISSION_FIX[channel] });
    } catch (error) {
      const status = grpcStatusOf(error);
      if (status === grpc.status.NOT_FOUND) continue;
      if (status === null) {
        // Not an answer of the API (a token that could not be refreshed, an answer that did not parse): said as is.
        problems.push({
          what: `Baton could not check ${channel.replace('/data/', '')}: ${error instanceof Error ? error.message : String(error)}.`,
          fix: 'Connect again; if it stays, see the sync log.',
        });
        continue;
      }
      if (UNREACHED.has(status)) {
        problems.push({
          what: `Baton could not reach Salesforce's Pub/Sub API at ${pubSubUrl} (${grpc.status[status]}): change events wait until it can; the five-minute poll carries on meanwhile.`,
          fix: 'Let Baton reach the Pub/Sub API (outbound HTTPS on port 7443; SALESFORCE_PUBSUB_URL names it), then connect again.',
        });
        // The same for every topic: said once.
        return problems;
      }
      problems.push({
        what: `Change events: ${describeStreamError(channel, error)}.`,
        fix:
          status === grpc.status.PERMISSION_DENIED
            ? PERMISSION_FIX[channel]
            : 'Connect again; if it stays, see the sync log.',
      });
    }
  }
  return problems;
}
