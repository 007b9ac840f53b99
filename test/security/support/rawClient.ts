// Sends batches of raw requests through the worker thread (see rawClientWorker.ts).
import { Worker } from 'node:worker_threads';
import type { RawRequest, RawResponse } from './rawHttp.ts';
import type { BatchMessage, BatchReply } from './rawClientWorker.ts';

export class RawClient {
  private readonly worker = new Worker(new URL('./rawClientWorker.ts', import.meta.url));
  private readonly waiting = new Map<number, (reply: BatchReply) => void>();
  private nextId = 1;
  private readonly port: number;

  constructor(port: number) {
    this.port = port;
    this.worker.on('message', (reply: BatchReply) => {
      this.waiting.get(reply.id)?.(reply);
      this.waiting.delete(reply.id);
    });
    this.worker.unref();
  }

  async send(requests: readonly RawRequest[], concurrency = 16): Promise<RawResponse[]> {
    const id = this.nextId++;
    const reply = await new Promise<BatchReply>((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.postMessage({
        id,
        port: this.port,
        concurrency,
        requests: [...requests],
      } satisfies BatchMessage);
    });
    if ('error' in reply) throw new Error(reply.error);
    return reply.answers;
  }

  async one(request: RawRequest): Promise<RawResponse> {
    const [answer] = await this.send([request]);
    if (!answer) throw new Error('no answer');
    return answer;
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}
