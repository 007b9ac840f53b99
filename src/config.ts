// The environment, parsed once with zod. A wrong value stops start-up with a readable list of what is wrong.
// app.json documents exactly these variables (a test keeps the two in step).
import { z } from 'zod';
import { opsTokenWeakness } from './opsTokenStrength.ts';

const keyring = z
  .string()
  .transform((text, ctx) => {
    const keys = text
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [version, key] = part.includes(':') ? part.split(':', 2) : ['1', part];
        return { version: Number(version), key: Buffer.from(key ?? '', 'base64') };
      });
    for (const k of keys) {
      if (!Number.isInteger(k.version) || k.version < 1) {
        ctx.addIssue({
          code: 'custom',
          message: 'each key needs a positive integer version, as "2:<base64>"',
        });
      }
      if (k.key.length !== 32)
        ctx.addIssue({ code: 'custom', message: 'each key must be 32 bytes, base64-encoded' });
    }
    return keys;
  })
  .describe('AES-256-GCM keys as "version:base64" separated by commas; the highest version encrypts');

const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

export const ENV_SCHEMA = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BATON_ROLE: z.enum(['all', 'web', 'worker']).default('all'),
  BATON_PUBLIC_URL: optionalText.pipe(z.url().optional()),
  BATON_BIND_ADDRESS: optionalText,
  BATON_TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection URL')
      .optional(),
  ),
  PGLITE_DATA_DIR: z.string().min(1).default('data/pglite'),
  BATON_ENCRYPTION_KEYS: optionalText.pipe(keyring.optional()),
  BATON_OPS_TOKEN: optionalText.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  HUBSPOT_CLIENT_ID: optionalText,
  HUBSPOT_CLIENT_SECRET: optionalText,
  HUBSPOT_APP_ID: optionalText,
  HUBSPOT_API_BASE_URL: z.url().default('https://api.hubapi.com'),
  HUBSPOT_AUTHORIZE_URL: z.url().default('https://app.hubspot.com/oauth/authorize'),
  SALESFORCE_CLIENT_ID: optionalText,
  SALESFORCE_CLIENT_SECRET: optionalText,
  SALESFORCE_LOGIN_URL: z.url().default('https://login.salesforce.com'),
  // A session travels with every call: https, or plain http only to this machine (a local test org).
  SALESFORCE_PUBSUB_URL: z
    .url()
    .regex(
      /^(https:\/\/|http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\/?$)/,
      'must be https:// (or http:// on this machine)',
    )
    .default('https://api.pubsub.salesforce.com:7443'),
  BATON_ALERT_WEBHOOK_URL: optionalText.pipe(z.url().optional()),
  BATON_CRM_TIMEOUT_MS: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce.number().int().min(1_000).max(120_000).optional(),
  ),
});

export type Env = z.output<typeof ENV_SCHEMA>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  logLevel: Env['LOG_LEVEL'];
  role: Env['BATON_ROLE'];
  publicUrl: string;
  /** The address the web process listens on (null: every interface). */
  bindAddress: string | null;
  /** How many proxies in front of Baton add X-Forwarded-For (0: the client is the socket's peer). */
  trustProxyHops: number;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  /** Absent outside production: a local key is generated and kept under the data folder. */
  encryptionKeys: Array<{ version: number; key: Buffer }> | null;
  opsToken: string | null;
  /** How long one CRM call may take before it counts as timed out (null: HubSpot 20 s, Salesforce 30 s). */
  crmTimeoutMs: number | null;
  /** Where alerts are POSTed as JSON when they start (optional). */
  alertWebhookUrl: string | null;
  /** Baton's Salesforce External Client App; null when Baton serves no Salesforce orgs. */
  salesforce: { clientId: string; clientSecret: string; loginUrl: string; pubSubUrl: string } | null;
  /** The HubSpot app's credentials; null when Baton serves no HubSpot portals. */
  hubspot: {
    clientId: string;
    clientSecret: string;
    appId: string | null;
    apiBaseUrl: string;
    authorizeUrl: string;
  } | null;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Production serves CRMs and admins over the internet: its public URL must be given and https (session cookies are
 * Secure only then, and OAuth redirects and webhooks go there). A loopback URL is allowed: nothing outside the
 * machine can reach it (a production build run on one machine, as the resilience suite does).
 */
function productionPublicUrlProblem(url: string | undefined): string | null {
  if (!url) return 'required in production (the https URL CRMs and admins reach Baton at)';
  const { protocol, hostname } = new URL(url);
  if (protocol === 'https:' || LOOPBACK.has(hostname)) return null;
  return `must be an https URL in production (got ${protocol}//${hostname})`;
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Baton cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = ENV_SCHEMA.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.NODE_ENV === 'production' && !e.BATON_ENCRYPTION_KEYS?.length) {
    problems.push('BATON_ENCRYPTION_KEYS: required in production (tokens are encrypted at rest)');
  }
  const weakToken = e.BATON_OPS_TOKEN && opsTokenWeakness(e.BATON_OPS_TOKEN);
  if (e.NODE_ENV === 'production' && weakToken) {
    problems.push(
      `BATON_OPS_TOKEN: too weak for production (${weakToken}); generate one: openssl rand -hex 32`,
    );
  }
  const publicUrlProblem = e.NODE_ENV === 'production' && productionPublicUrlProblem(e.BATON_PUBLIC_URL);
  if (publicUrlProblem) problems.push(`BATON_PUBLIC_URL: ${publicUrlProblem}`);
  if (Boolean(e.HUBSPOT_CLIENT_ID) !== Boolean(e.HUBSPOT_CLIENT_SECRET)) {
    problems.push(
      'HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET: set both (a HubSpot app) or neither (sandbox mode)',
    );
  }
  if (Boolean(e.SALESFORCE_CLIENT_ID) !== Boolean(e.SALESFORCE_CLIENT_SECRET)) {
    problems.push(
      "SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET: set both (the External Client App's key and secret) or neither",
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    role: e.BATON_ROLE,
    publicUrl: (e.BATON_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    bindAddress: e.BATON_BIND_ADDRESS ?? null,
    trustProxyHops: e.BATON_TRUST_PROXY,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: e.PGLITE_DATA_DIR },
    encryptionKeys: e.BATON_ENCRYPTION_KEYS ?? null,
    opsToken: e.BATON_OPS_TOKEN ?? null,
    alertWebhookUrl: e.BATON_ALERT_WEBHOOK_URL ?? null,
    crmTimeoutMs: e.BATON_CRM_TIMEOUT_MS ?? null,
    salesforce:
      e.SALESFORCE_CLIENT_ID && e.SALESFORCE_CLIENT_SECRET
        ? {
            clientId: e.SALESFORCE_CLIENT_ID,
            clientSecret: e.SALESFORCE_CLIENT_SECRET,
            loginUrl: e.SALESFORCE_LOGIN_URL.replace(/\/+$/, ''),
            pubSubUrl: e.SALESFORCE_PUBSUB_URL,
          }
        : null,
    hubspot:
      e.HUBSPOT_CLIENT_ID && e.HUBSPOT_CLIENT_SECRET
        ? {
            clientId: e.HUBSPOT_CLIENT_ID,
            clientSecret: e.HUBSPOT_CLIENT_SECRET,
            appId: e.HUBSPOT_APP_ID ?? null,
            apiBaseUrl: e.HUBSPOT_API_BASE_URL.replace(/\/+$/, ''),
            authorizeUrl: e.HUBSPOT_AUTHORIZE_URL,
          }
        : null,
  };
}
