// Structured logs (pino). Secrets are redacted wherever they appear in a logged object. A person at a terminal
// reads lines (pino-pretty); machines (production, pipes, log collectors) get one JSON object a line.
import { pino, type Logger } from 'pino';
import { PinoPretty } from 'pino-pretty';

export const REDACTED_PATHS = [
  'accessToken',
  'refreshToken',
  'access_token',
  'refresh_token',
  'client_secret',
  '*.accessToken',
  '*.refreshToken',
  '*.access_token',
  '*.refresh_token',
  '*.client_secret',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-hubspot-signature-v3"]',
  'headers.authorization',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { app: 'baton' } },
    destination,
  );
}

/** Readable lines for a person at a terminal outside production; JSON everywhere else. */
export function wantsReadableLogs(env: string, stdoutIsTerminal: boolean): boolean {
  return env !== 'production' && stdoutIsTerminal;
}

/** The process's own logger: on stdout, readable or JSON as `wantsReadableLogs` says. */
export function processLogger(level: string, env: string): Logger {
  if (!wantsReadableLogs(env, process.stdout.isTTY === true)) return createLogger(level);
  return createLogger(
    level,
    PinoPretty({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,app', sync: true }),
  );
}

export type { Logger };
