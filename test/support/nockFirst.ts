// For test files that mock HTTP with nock: imported FIRST, so nock intercepts before any client library (jsforce's
// undici, the HubSpot client) is loaded, and a request no mock answers fails at once unless it goes to loopback.
// Only these files load nock: its socket interception would hang HTTP/2 (gRPC) connections elsewhere.
import nock from 'nock';

/** Set while nock guards this test file's network (test/setup/noNetwork.ts then stands aside). */
const NOCK_GUARDS = Symbol.for('baton.tests.nockGuardsTheNetwork');

(globalThis as Record<symbol, unknown>)[NOCK_GUARDS] = true;
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
