// Whether each change feed topic of a tenant is flowing, kept where ops look (the Tenants page) and alerts read it:
// a topic the CRM refuses (a missing permission, an object not selected), an event delivery allocation used up, or
// a stream that keeps failing is a standing problem until the topic answers again. One checkpoint per topic, so
// topics failing at once never overwrite each other.
import { z } from 'zod';
import {
  deleteCheckpoint,
  readCheckpoint,
  readCheckpointsNamed,
  writeCheckpoint,
} from '../store/checkpoints.ts';
import type { Executor } from '../store/executor.ts';
import type { FeedProblemKind } from '../crm/provider.ts';

const PREFIX = 'change.capture:';

const problemShape = z.object({
  problem: z.string(),
  kind: z.enum(['refused', 'delivery_limit', 'failing']),
  since: z.string(),
  lastAt: z.string(),
});
export type TopicProblem = z.infer<typeof problemShape> & { topic: string };

/** What fixes each kind, in words for ops. */
export const TOPIC_PROBLEM_FIX: Record<FeedProblemKind, string> = {
  refused:
    'Give the connected user the permission the problem names (View All on leads for lead change events, View All Data for task and event change events), or select the object in Setup → Change Data Capture, whichever it says. Baton asks again by itself, less often each time; the five-minute reconciliation reads what changed meanwhile.',
  delivery_limit:
    'Nothing is lost: events wait in Salesforce for 72 hours and Baton resumes from its stored position within the hour; the five-minute reconciliation reads what changed meanwhile. If it recurs, remove other subscribers of the org or buy more event delivery.',
  failing:
    'Baton subscribes again by itself, waiting longer after each failure; the five-minute reconciliation reads what changed meanwhile.',
};

export async function recordTopicProblem(
  db: Executor,
  tenantId: string,
  p: { topic: string; problem: string; kind: FeedProblemKind },
  now: Date,
): Promise<void> {
  const key = `${PREFIX}${p.topic}`;
  const before = await readCheckpoint(db, tenantId, key, problemShape);
  // "Since" is when the topic stopped, not the latest attempt: a refusal repeated for a day reads as a day.
  const since = before && before.kind === p.kind ? before.since : now.toISOString();
  await writeCheckpoint(db, tenantId, key, {
    problem: p.problem,
    kind: p.kind,
    since,
    lastAt: now.toISOString(),
  });
}

/** True when the topic had a standing problem (now over). */
export function recordTopicFlowing(db: Executor, tenantId: string, topic: string): Promise<boolean> {
  return deleteCheckpoint(db, tenantId, `${PREFIX}${topic}`);
}

export async function topicProblems(db: Executor, tenantId: string): Promise<TopicProblem[]> {
  return (await readCheckpointsNamed(db, tenantId, PREFIX, problemShape)).map((r) => ({
    topic: r.name.slice(PREFIX.length),
    ...r.value,
  }));
}
