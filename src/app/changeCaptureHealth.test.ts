// A topic's standing problem is kept per topic, keeps the time it started while the same cause repeats, and is
// over when the topic flows again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type OpenedEngine } from '../../test/support/engines.ts';
import { writeCheckpoint } from '../store/checkpoints.ts';
import { connectTenant } from '../store/tenants.ts';
import { recordTopicFlowing, recordTopicProblem, topicProblems } from './changeCaptureHealth.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 14, minute));

describe.each(ENGINES)('change capture health on $name', (engine) => {
  let e: OpenedEngine;
  let tenantId: string;
  const t = {
    get db() {
      return e.database.db;
    },
  };
  beforeAll(async () => {
    e = await engine.open();
    tenantId = (await connectTenant(t.db, { crm: 'salesforce', externalId: '00D1', name: 'Globex' })).id;
    // Checkpoints that only look alike are not topics: another name, and a LIKE wildcard in the prefix's place.
    await writeCheckpoint(t.db, tenantId, 'change.captures', {
      problem: 'x',
      kind: 'failing',
      since: 'a',
      lastAt: 'a',
    });
    await writeCheckpoint(t.db, tenantId, 'change_capture:/data/X', {
      problem: 'x',
      kind: 'failing',
      since: 'a',
      lastAt: 'a',
    });
  });
  afterAll(() => e.cleanup());

  it('keeps one problem per topic, its start kept while the cause repeats, until the topic flows again', async () => {
    expect(await topicProblems(t.db, tenantId)).toEqual([]);
    await recordTopicProblem(
      t.db,
      tenantId,
      { topic: '/data/TaskChangeEvent', problem: 'needs View All Data', kind: 'refused' },
      at(0),
    );
    await recordTopicProblem(
      t.db,
      tenantId,
      { topic: '/data/EventChangeEvent', problem: 'stream failed', kind: 'failing' },
      at(1),
    );
    await recordTopicProblem(
      t.db,
      tenantId,
      { topic: '/data/TaskChangeEvent', problem: 'needs View All Data', kind: 'refused' },
      at(30),
    );
    expect(await topicProblems(t.db, tenantId)).toEqual([
      {
        topic: '/data/EventChangeEvent',
        problem: 'stream failed',
        kind: 'failing',
        since: at(1).toISOString(),
        lastAt: at(1).toISOString(),
      },
      {
        topic: '/data/TaskChangeEvent',
        problem: 'needs View All Data',
        kind: 'refused',
        since: at(0).toISOString(),
        lastAt: at(30).toISOString(),
      },
    ]);
    // Another cause starts a new clock.
    await recordTopicProblem(
      t.db,
      tenantId,
      { topic: '/data/EventChangeEvent', problem: 'allocation used up', kind: 'delivery_limit' },
      at(40),
    );
    expect((await topicProblems(t.db, tenantId))[0]).toMatchObject({
      kind: 'delivery_limit',
      since: at(40).toISOString(),
    });

    expect(await recordTopicFlowing(t.db, tenantId, '/data/TaskChangeEvent')).toBe(true);
    expect(await recordTopicFlowing(t.db, tenantId, '/data/TaskChangeEvent')).toBe(false);
    expect((await topicProblems(t.db, tenantId)).map((p) => p.topic)).toEqual(['/data/EventChangeEvent']);
  });
});
