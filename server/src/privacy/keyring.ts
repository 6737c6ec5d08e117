import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** One configured key: an id written beside each value it seals, and 32 random bytes. */
export interface ProtectedDataKey {
  id: string;
  secret: Buffer;
}

interface DerivedKey {
  id: string;
  /** AES-256-GCM key. */
  seal: Buffer;
  /** HMAC-SHA-256 key for search hashes: a separate key, so a hash reveals nothing about the cipher. */
  search: Buffer;
}

const PREFIX = 'pv1';

/** Thrown when a sealed value cannot be opened: unknown key id, tampered with, or moved from another record. */
export class SealedValueError extends Error {
  override name = 'SealedValueError';
}

function derive(key: ProtectedDataKey): DerivedKey {
  const part = (info: string) =>
    Buffer.from(hkdfSync('sha256', key.secret, '', `tell-us-once protected data ${info}`, 32));
  return { id: key.id, seal: part('seal v1'), search: part('search v1') };
}

/**
 * The protected-data keys: the first seals every new value; all of them open what they sealed, so
 * a new key can be put first and older data re-sealed at leisure (see reseal-protected-data-task.ts).
 * Values are AES-256-GCM with a fresh 96-bit nonce, written as `pv1.<key id>.<nonce>.<tag>.<data>`;
 * the caller's `context` (which record, which field) is bound in as associated data.
 */
export class Keyring {
  private readonly keys: Map<string, DerivedKey>;
  private readonly current: DerivedKey;

  constructor(keys: readonly ProtectedDataKey[]) {
    const [first] = keys;
    if (!first) throw new Error('The keyring needs at least one key');
    this.keys = new Map(keys.map((key) => [key.id, derive(key)]));
    this.current = derive(first);
  }

  /** The id of the key new values are sealed with. */
  get currentKeyId(): string {
    return this.current.id;
  }

  /** True when `value` is a sealed value (of any key). */
  isSealed(value: unknown): value is string {
    return typeof value === 'string' && value.startsWith(`${PREFIX}.`);
  }

  /** The key id a sealed value names. */
  keyIdOf(sealed: string): string | undefined {
    return this.isSealed(sealed) ? sealed.split('.')[1] : undefined;
  }

  seal(plaintext: string, context: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.seal, nonce);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [
      PREFIX,
      this.current.id,
      nonce.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      data.toString('base64url'),
    ].join('.');
  }

  open(sealed: string, context: string): string {
    const [prefix, keyId, nonce, tag, data] = sealed.split('.');
    const key = keyId === undefined ? undefined : this.keys.get(keyId);
    if (prefix !== PREFIX || !key || nonce === undefined || tag === undefined || data === undefined) {
      throw new SealedValueError(key ? 'Not a sealed value' : `No protected-data key "${keyId ?? ''}" is configured`);
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key.seal, Buffer.from(nonce, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SealedValueError('A sealed value failed its integrity check');
    }
  }

  /** The search hash of a normalised term under the current key. */
  searchHash(term: string): string {
    return createHmac('sha256', this.current.search).update(term, 'utf8').digest('base64url');
  }

  /** The term's search hash under every key, so rows hashed before a rotation are still found. */
  searchHashesUnderEveryKey(term: string): string[] {
    return [...this.keys.values()].map((key) =>
      createHmac('sha256', key.search).update(term, 'utf8').digest('base64url'),
    );
  }
}

/** A new random key, in the form PROTECTED_DATA_KEYS takes (`id:base64`). */
export function newProtectedDataKey(id: string): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}
