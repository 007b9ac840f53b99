// A bare HTTP/1.1 client over a TCP socket: it sends exactly the method, path, headers and bytes it is given
// (odd methods, malformed escapes, bodies on GET, broken framing), which fetch and node:http refuse or rewrite,
// and it goes around the test setup's request interceptors.
import { connect } from 'node:net';

export interface RawRequest {
  method: string;
  path: string;
  headers?: Readonly<Record<string, string>>;
  body?: Buffer | string;
  /** Sent instead of a request built from the fields above (protocol-level garbage). */
  wire?: Buffer;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = parseInt(body.subarray(at, lineEnd).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** The response in `data`, or null while it is incomplete. */
export function parseResponse(data: Buffer, method: string): RawResponse | null {
  const headEnd = data.indexOf('\r\n\r\n');
  if (headEnd < 0) return null;
  const [statusLine = '', ...lines] = data.subarray(0, headEnd).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? NaN);
  if (!Number.isInteger(status)) return null;
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  let body = data.subarray(headEnd + 4);
  if (method === 'HEAD' || status === 204 || status === 304) body = Buffer.alloc(0);
  else if (/chunked/i.test(headers['transfer-encoding'] ?? '')) body = dechunk(body);
  else if (headers['content-length'] !== undefined)
    body = body.subarray(0, Number(headers['content-length']));
  return { status, headers, text: body.toString('utf8') };
}

function wireOf(port: number, req: RawRequest): Buffer {
  if (req.wire) return req.wire;
  const body = req.body === undefined ? Buffer.alloc(0) : Buffer.from(req.body);
  const headers: Record<string, string> = {
    host: `127.0.0.1:${port}`,
    connection: 'close',
    ...(body.length > 0 && { 'content-length': String(body.length) }),
    ...req.headers,
  };
  const head = Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  return Buffer.concat([Buffer.from(`${req.method} ${req.path} HTTP/1.1\r\n${head}\r\n`, 'latin1'), body]);
}

/** Sends one request on its own connection and reads the answer until the server closes it. */
export function rawRequest(port: number, req: RawRequest, timeoutMs = 20_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1');
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms to ${req.method} ${req.path.slice(0, 200)}`));
    }, timeoutMs);
    const finish = (error?: Error) => {
      clearTimeout(timer);
      const parsed = parseResponse(Buffer.concat(chunks), req.method);
      if (parsed) resolve(parsed);
      else reject(error ?? new Error(`connection closed without an answer to ${req.method} ${req.path}`));
    };
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => finish());
    // The server may answer and close before it read a huge body: what it answered still counts.
    socket.on('error', (e) => finish(e));
    socket.on('close', () => finish());
    socket.write(wireOf(port, req));
  });
}

/** Runs `jobs` with at most `concurrency` in flight; results in order. */
export async function inParallel<T, R>(
  items: readonly T[],
  concurrency: number,
  job: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await job(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
