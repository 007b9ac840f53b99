// Production refuses a guessable ops token at start-up; random tokens of 128 bits or more pass.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';
import { opsTokenWeakness } from './opsTokenStrength.ts';

const production = (token: string) => ({
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://x/y',
  BATON_PUBLIC_URL: 'https://baton.example.com',
  BATON_ENCRYPTION_KEYS: `1:${randomBytes(32).toString('base64')}`,
  HUBSPOT_CLIENT_ID: 'id',
  HUBSPOT_CLIENT_SECRET: 'secret',
  BATON_OPS_TOKEN: token,
});

describe('ops token strength', () => {
  it.each([
    ['aaaaaaaaaaaaaaaa', /about 64 bits/],
    ['a'.repeat(64), /only 1 different characters/],
    ['abcabcabcabcabcabcabcabcabcabcabcabc', /only 3 different characters/],
    ['0123456789abcdef0123456789abcdef', /a shorter string repeated/],
    ['password12345678', /about 96 bits/],
    [randomBytes(15).toString('hex'), /about 120 bits/],
    [randomBytes(15).toString('base64url'), /about 120 bits/],
    ['12345678901234567890123456789012', /about 106 bits/],
  ])('%s is too weak', (token, why) => {
    expect(opsTokenWeakness(token)).toMatch(why);
  });

  it('random tokens of 128 bits pass, whatever characters they happen to hold', () => {
    for (let i = 0; i < 2_000; i++) {
      expect(opsTokenWeakness(randomBytes(16).toString('hex'))).toBeNull();
      expect(opsTokenWeakness(randomBytes(16).toString('base64url'))).toBeNull();
      expect(opsTokenWeakness(randomBytes(24).toString('base64'))).toBeNull();
    }
  });

  it('production refuses a weak BATON_OPS_TOKEN at start-up, with what to do', () => {
    const refuse = () => loadConfig(production('aaaaaaaaaaaaaaaa'));
    expect(refuse).toThrow(ConfigError);
    expect(refuse).toThrow(/BATON_OPS_TOKEN: too weak for production \(about 64 bits.*openssl rand -hex 32/);
  });

  it('production accepts a strong token; development keeps the 16-character minimum only', () => {
    const token = randomBytes(32).toString('hex');
    expect(loadConfig(production(token)).opsToken).toBe(token);
    expect(loadConfig({ BATON_OPS_TOKEN: 'aaaaaaaaaaaaaaaa' }).opsToken).toBe('aaaaaaaaaaaaaaaa');
  });
});
