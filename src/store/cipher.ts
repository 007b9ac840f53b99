// AES-256-GCM for secrets at rest, with a key version per row so keys can rotate.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface KeyVersion {
  version: number;
  key: Buffer;
}

export interface Sealed {
  keyVersion: number;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

export class Cipher {
  private readonly keys: Map<number, Buffer>;
  private readonly current: number;

  constructor(keys: readonly KeyVersion[]) {
    if (keys.length === 0) throw new Error('At least one encryption key is required');
    for (const k of keys)
      if (k.key.length !== 32) throw new Error(`Key version ${k.version} is not 32 bytes`);
    this.keys = new Map(keys.map((k) => [k.version, k.key]));
    this.current = Math.max(...keys.map((k) => k.version));
  }

  seal(plaintext: string, associated: string): Sealed {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keyFor(this.current), iv);
    // The tenant id as associated data: a row copied to another tenant does not decrypt.
    cipher.setAAD(Buffer.from(associated));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return { keyVersion: this.current, iv, tag: cipher.getAuthTag(), ciphertext };
  }

  open(sealed: Sealed, associated: string): string {
    const decipher = createDecipheriv('aes-256-gcm', this.keyFor(sealed.keyVersion), sealed.iv);
    decipher.setAAD(Buffer.from(associated));
    decipher.setAuthTag(sealed.tag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8');
  }

  private keyFor(version: number): Buffer {
    const key = this.keys.get(version);
    if (!key) throw new Error(`No encryption key with version ${version} is configured`);
    return key;
  }
}

/**
 * Outside production Baton may run without configured keys: it generates one and keeps it next to the
 * local data, so a restart can still read what it stored. Returns whether the key was just created.
 */
export function localDevelopmentKey(path: string): { keys: KeyVersion[]; created: boolean } {
  if (existsSync(path)) {
    return {
      keys: [{ version: 1, key: Buffer.from(readFileSync(path, 'utf8').trim(), 'base64') }],
      created: false,
    };
  }
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, key.toString('base64'), { mode: 0o600 });
  return { keys: [{ version: 1, key }], created: true };
}

/** A random secret kept in a local file (development only), created on first use. */
export function localSecret(path: string): string {
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dirname(path), { recursive: true });
  const secret = randomBytes(24).toString('base64url');
  writeFileSync(path, secret, { mode: 0o600 });
  return secret;
}
