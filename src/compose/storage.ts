// The store a process works on: the database (PGlite or PostgreSQL) migrated, the encryption keys, and outside
// production the local secrets a newcomer needs (a development key, an ops token) kept under the data folder.
import { dirname, join } from 'node:path';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { Cipher, localDevelopmentKey, localSecret } from '../store/cipher.ts';
import { migrate, openDatabase, type Database } from '../store/database.ts';

export interface Storage {
  database: Database;
  cipher: Cipher;
  /** The newest key, which also signs OAuth states. */
  signingKey: Buffer;
}

const dataDirOf = (config: Config) =>
  config.database.kind === 'pglite' ? dirname(config.database.dataDir) : 'data';

function encryptionKeys(config: Config, log: Logger) {
  if (config.encryptionKeys) return config.encryptionKeys;
  const local = localDevelopmentKey(join(dataDirOf(config), 'dev-encryption.key'));
  log.warn(
    { created: local.created },
    'BATON_ENCRYPTION_KEYS is not set: using a local development key kept under the data folder (never do this in production)',
  );
  return local.keys;
}

export async function openStorage(config: Config, log: Logger): Promise<Storage> {
  const keys = encryptionKeys(config, log);
  const database = openDatabase(
    config.database.kind === 'postgres'
      ? { kind: 'postgres', url: config.database.url }
      : { kind: 'pglite', dataDir: config.database.dataDir },
  );
  const applied = await migrate(database.db);
  if (applied.length > 0) log.info({ migrations: applied }, 'database migrated');
  return { database, cipher: new Cipher(keys), signingKey: keys.at(-1)?.key ?? Buffer.alloc(32) };
}

/** Outside production without BATON_OPS_TOKEN, a local ops token (for the ops console and `npm run backfill`). */
export function opsToken(config: Config, log: Logger): string | null {
  if (config.opsToken || config.env === 'production') return config.opsToken;
  const file = join(dataDirOf(config), 'dev-ops-token');
  const token = localSecret(file);
  log.info({ file }, 'BATON_OPS_TOKEN is not set: a local ops token was written to the data folder');
  return token;
}
