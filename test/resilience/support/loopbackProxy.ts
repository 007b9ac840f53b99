// A tiny loopback load balancer: Baton's public URL points here and each request goes to the next web process
// in turn (round robin), as a platform router would. A backend that is down answers 502, like a real router.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface LoopbackProxy {
  url: string;
  port: number;
  /** Requests forwarded per backend port. */
  forwarded: Map<number, number>;
  close(): Promise<void>;
}

export async function startProxy(backends: () => readonly number[], port = 0): Promise<LoopbackProxy> {
  let next = 0;
  const forwarded = new Map<number, number>();
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const ports = backends();
    const target = ports[next++ % Math.max(1, ports.length)];
    if (target === undefined) {
      res.writeHead(502).end();
      return;
    }
    forwarded.set(target, (forwarded.get(target) ?? 0) + 1);
    const upstream = request(
      {
        host: '127.0.0.1',
        port: target,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end('{"error":{"code":"bad_gateway","message":"backend unavailable"}}');
    });
    req.pipe(upstream);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    forwarded,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}
