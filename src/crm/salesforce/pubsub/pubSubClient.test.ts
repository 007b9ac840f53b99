// Where the Pub/Sub client connects, and how: TLS to Salesforce, plain text only to this machine; the Pub/Sub
// API's error code read from a status's trailers.
import { describe, expect, it } from 'vitest';
import { grpc, pubSubErrorCode, pubSubTarget } from './pubSubClient.ts';

describe('pubSubTarget', () => {
  it('speaks TLS to Salesforce’s endpoint', () => {
    const t = pubSubTarget('https://api.pubsub.salesforce.com:7443');
    expect(t.address).toBe('api.pubsub.salesforce.com:7443');
    expect(t.credentials._isSecure()).toBe(true);
    expect(pubSubTarget('https://pubsub.example.com').address).toBe('pubsub.example.com:443');
  });

  it('speaks plain text only to this machine, and refuses it anywhere else', () => {
    const t = pubSubTarget('http://127.0.0.1:7011');
    expect(t.address).toBe('127.0.0.1:7011');
    expect(t.credentials._isSecure()).toBe(false);
    for (const url of ['http://pubsub.example.com:7011', 'http://10.0.0.5:7011', 'ftp://127.0.0.1:1'])
      expect(() => pubSubTarget(url), url).toThrow(/must be https/);
  });
});

describe('pubSubErrorCode', () => {
  it('reads the error-code trailer, and nothing from errors without one', () => {
    const metadata = new grpc.Metadata();
    metadata.set('error-code', 'sfdc.platform.eventbus.grpc.subscription.limit.exceeded');
    expect(pubSubErrorCode({ code: grpc.status.RESOURCE_EXHAUSTED, metadata })).toBe(
      'sfdc.platform.eventbus.grpc.subscription.limit.exceeded',
    );
    expect(pubSubErrorCode({ code: grpc.status.UNAVAILABLE, metadata: new grpc.Metadata() })).toBeNull();
    expect(pubSubErrorCode(new Error('boom'))).toBeNull();
    expect(pubSubErrorCode(null)).toBeNull();
  });
});
