import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, ENV_SCHEMA, loadConfig } from './config.ts';

const key = Buffer.alloc(32, 7).toString('base64');

describe('config', () => {
  it('runs with no settings at all: development, port 3000, embedded database', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      env: 'development',
      port: 3000,
      role: 'all',
      publicUrl: 'http://localhost:3000',
      database: { kind: 'pglite', dataDir: 'data/pglite' },
      encryptionKeys: null,
    });
  });

  it('uses PostgreSQL when DATABASE_URL is set, and parses key rings with versions', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://u@db:5432/baton',
      BATON_ENCRYPTION_KEYS: `1:${key}, 2:${key}`,
      BATON_PUBLIC_URL: 'https://baton.example.com/',
    });
    expect(c.database).toEqual({ kind: 'postgres', url: 'postgres://u@db:5432/baton' });
    expect(c.encryptionKeys?.map((k) => k.version)).toEqual([1, 2]);
    expect(c.publicUrl).toBe('https://baton.example.com');
  });

  it('lists every wrong value, naming the variable', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        BATON_ENCRYPTION_KEYS: '1:c2hvcnQ=',
        NODE_ENV: 'staging',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'DATABASE_URL', 'BATON_ENCRYPTION_KEYS', 'NODE_ENV'])
        expect(problems).toContain(name);
    }
  });

  it('takes a CRM call timeout in milliseconds (1 s to 2 min), or leaves the adapters their own', () => {
    expect(loadConfig({}).crmTimeoutMs).toBeNull();
    expect(loadConfig({ BATON_CRM_TIMEOUT_MS: '' }).crmTimeoutMs).toBeNull();
    expect(loadConfig({ BATON_CRM_TIMEOUT_MS: '5000' }).crmTimeoutMs).toBe(5000);
    for (const wrong of ['abc', '999', '120001', '2.5'])
      expect(() => loadConfig({ BATON_CRM_TIMEOUT_MS: wrong })).toThrow(/BATON_CRM_TIMEOUT_MS/);
  });

  it('subscribes change events at Salesforce’s Pub/Sub endpoint unless told; never in plain text off this machine', () => {
    const sf = { SALESFORCE_CLIENT_ID: 'id', SALESFORCE_CLIENT_SECRET: 'secret' };
    expect(loadConfig(sf).salesforce?.pubSubUrl).toBe('https://api.pubsub.salesforce.com:7443');
    for (const ok of ['https://pubsub.example.com:7443', 'http://127.0.0.1:7011', 'http://localhost:9000'])
      expect(loadConfig({ ...sf, SALESFORCE_PUBSUB_URL: ok }).salesforce?.pubSubUrl).toBe(ok);
    for (const wrong of [
      'http://pubsub.example.com:7443',
      'http://127.0.0.1.evil.com:1',
      'grpc://x:1',
      'nope',
    ])
      expect(() => loadConfig({ ...sf, SALESFORCE_PUBSUB_URL: wrong }), wrong).toThrow(
        /SALESFORCE_PUBSUB_URL/,
      );
  });

  it('refuses to start in production without encryption keys', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x/y' })).toThrow(
      /BATON_ENCRYPTION_KEYS/,
    );
  });

  describe('production needs an https public URL (cookies are Secure only then)', () => {
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://x/y', BATON_ENCRYPTION_KEYS: key };
    it.each([
      ['unset', undefined, /BATON_PUBLIC_URL: required in production/],
      ['plain http', 'http://baton.example.com', /BATON_PUBLIC_URL: must be an https URL in production/],
      ['http on a LAN address', 'http://192.168.1.20:3000', /must be an https URL/],
    ])('refuses it %s', (_what, url, why) => {
      expect(() => loadConfig({ ...production, BATON_PUBLIC_URL: url })).toThrow(why);
    });
    it.each([
      'https://baton.example.com',
      'http://127.0.0.1:3000',
      'http://localhost:3000',
      'http://[::1]:3000',
    ])('accepts %s (https, or loopback: unreachable from outside the machine)', (url) => {
      expect(loadConfig({ ...production, BATON_PUBLIC_URL: url }).publicUrl).toBe(url);
    });
    it('outside production, http is fine', () => {
      expect(loadConfig({ BATON_PUBLIC_URL: 'http://baton.lan:3000' }).publicUrl).toBe(
        'http://baton.lan:3000',
      );
    });
  });

  it('the bind address and the proxies trusted to name the client are settings, off by default', () => {
    expect(loadConfig({})).toMatchObject({ bindAddress: null, trustProxyHops: 0 });
    expect(loadConfig({ BATON_BIND_ADDRESS: '127.0.0.1', BATON_TRUST_PROXY: '1' })).toMatchObject({
      bindAddress: '127.0.0.1',
      trustProxyHops: 1,
    });
    for (const wrong of ['-1', 'true', '1.5', '11'])
      expect(() => loadConfig({ BATON_TRUST_PROXY: wrong })).toThrow(/BATON_TRUST_PROXY/);
  });

  it('app.json documents exactly the variables config reads', () => {
    const manifest = JSON.parse(readFileSync(new URL('../app.json', import.meta.url), 'utf8')) as {
      env: Record<string, { description: string; required: boolean }>;
      formation: Record<string, unknown>;
    };
    expect(Object.keys(manifest.env).sort()).toEqual(Object.keys(ENV_SCHEMA.shape).sort());
    for (const [name, spec] of Object.entries(manifest.env)) {
      expect(spec.description, name).toBeTruthy();
      expect(typeof spec.required, name).toBe('boolean');
    }
    expect(Object.keys(manifest.formation).sort()).toEqual(['web', 'worker']);
  });
});
