// Tests never reach the network: every socket a test process opens must go to this machine (our own servers on
// loopback) — HTTP, HTTP/2 and gRPC alike. The guard sits on net.Socket's connect, under every client library.
// (nock's own switch, disableNetConnect, cannot serve everywhere: nock 15 intercepts every client socket and hands
// HTTP/2 sessions a socket without a native handle, so gRPC calls to the sandbox org would hang. Test files that
// mock HTTP load nock through test/support/nockFirst.ts, whose disableNetConnect guards them instead: nock's
// interception connects sockets of its own, which must not meet this guard.)
import net from 'node:net';

/** Set by test/support/nockFirst.ts (not imported here: importing it would load nock into every test file). */
const NOCK_GUARDS = Symbol.for('baton.tests.nockGuardsTheNetwork');

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/** Where a connect call goes: a TCP host, or a local (Unix) socket path. */
function destinationOf(args: unknown[]): { host: string } | { path: string } {
  // net.connect() hands Socket#connect its arguments already normalised, as [options, callback].
  const first: unknown = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  if (typeof first === 'string' && Number.isNaN(Number(first))) return { path: first };
  if (typeof first === 'number' || typeof first === 'string')
    return { host: typeof args[1] === 'string' ? args[1] : 'localhost' };
  const options = (first ?? {}) as { host?: unknown; path?: unknown };
  if (typeof options.path === 'string') return { path: options.path };
  return { host: typeof options.host === 'string' ? options.host : 'localhost' };
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const to = destinationOf(args);
  if (
    !(globalThis as Record<symbol, unknown>)[NOCK_GUARDS] &&
    'host' in to &&
    !LOOPBACK.test(to.host.replace(/^\[|\]$/g, ''))
  ) {
    // Failed the way a refused connection fails: an error on the socket, which the client library reports.
    const refused = Object.assign(
      new Error(`Tests never reach the network: connecting to ${to.host} refused`),
      {
        code: 'ECONNREFUSED',
      },
    );
    process.nextTick(() => this.destroy(refused));
    return this;
  }
  return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
