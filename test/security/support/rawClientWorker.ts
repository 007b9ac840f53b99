// The raw HTTP client in a worker thread: the test setup's request interceptors (nock) patch sockets in the
// test's own thread, not here, so these requests go to Baton exactly as written and at full speed.
import { parentPort } from 'node:worker_threads';
import { inParallel, rawRequest, type RawRequest, type RawResponse } from './rawHttp.ts';

export interface BatchMessage {
  id: number;
  port: number;
  concurrency: number;
  requests: RawRequest[];
}

export type BatchReply = { id: number; answers: RawResponse[] } | { id: number; error: string };

parentPort?.on('message', (m: BatchMessage) => {
  inParallel(m.requests, m.concurrency, (r) =>
    rawRequest(m.port, {
      ...r,
      ...(r.body !== undefined && typeof r.body !== 'string' && { body: Buffer.from(r.body) }),
      ...(r.wire !== undefined && { wire: Buffer.from(r.wire) }),
    }),
  ).then(
    (answers) => parentPort?.postMessage({ id: m.id, answers } satisfies BatchReply),
    (error: unknown) => parentPort?.postMessage({ id: m.id, error: String(error) } satisfies BatchReply),
  );
});
