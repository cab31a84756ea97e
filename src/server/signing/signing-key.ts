/**
 * The key that encrypts stored signing keys at rest (AES-256-GCM): 32 bytes from MOTCUA_SIGNING_KEY (base64) or
 * MOTCUA_SIGNING_KEY_FILE, never in the database, so a copy of the database (a backup, a dump) holds no usable
 * private key. Like the audit key it is process configuration: bootstrap loads it (`useSigningKey`); the demo
 * creates a key file beside its database when none is set.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { KeyMaterial } from './pkcs12-signer.ts';

let current: Buffer | null = null;

export class SigningKeyError extends Error {}

/** Makes `key` (32 bytes, or null: signing off) the one this process encrypts and decrypts signing keys with. */
export function useSigningKey(key: Buffer | null): void {
  if (key && key.length !== 32) throw new SigningKeyError('the signing key must be 32 bytes');
  current = key;
}

/** The loaded key, or null when none is configured (uploads are refused, nothing can sign). */
export const signingKey = (): Buffer | null => current;

function decodeKey(text: string, from: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32)
    throw new SigningKeyError(`${from} must hold 32 bytes in base64 (openssl rand -base64 32)`);
  return key;
}

/**
 * The key from the settings: MOTCUA_SIGNING_KEY, else MOTCUA_SIGNING_KEY_FILE, else (`createIn`, the demo) a key file
 * made there at first start (mode 0600); null when none is set.
 */
export function resolveSigningKey(
  settings: { MOTCUA_SIGNING_KEY?: string | undefined; MOTCUA_SIGNING_KEY_FILE?: string | undefined },
  createIn?: string,
): Buffer | null {
  if (settings.MOTCUA_SIGNING_KEY) return decodeKey(settings.MOTCUA_SIGNING_KEY, 'MOTCUA_SIGNING_KEY');
  const file = settings.MOTCUA_SIGNING_KEY_FILE ?? createIn;
  if (!file) return null;
  if (!existsSync(file)) {
    if (!createIn || file !== createIn)
      throw new SigningKeyError(`MOTCUA_SIGNING_KEY_FILE ${file} does not exist`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  return decodeKey(readFileSync(file, 'utf8'), file);
}

const VERSION = 'v1';

/**
 * Encrypts key material: `v1.<base64 iv|ciphertext|tag>`. `binding` (the certificate's fingerprint) is the GCM
 * additional data, so a blob moved to another certificate's row does not decrypt.
 */
export function sealKeyMaterial(material: KeyMaterial, key: Buffer, binding: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(binding, 'utf8'));
  const plain = Buffer.from(
    JSON.stringify({
      privateKey: Buffer.from(material.privateKey).toString('base64'),
      certificates: material.certificates.map((c) => Buffer.from(c).toString('base64')),
    }),
  );
  const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  plain.fill(0);
  return `${VERSION}.${sealed.toString('base64')}`;
}

/** Decrypts what sealKeyMaterial made; a wrong key (or a changed blob) is a SigningKeyError. */
export function openKeyMaterial(blob: string, key: Buffer, binding: string): KeyMaterial {
  const [version, body] = blob.split('.');
  if (version !== VERSION || !body) throw new SigningKeyError('the stored signing key has an unknown format');
  const sealed = Buffer.from(body, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
  decipher.setAAD(Buffer.from(binding, 'utf8'));
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  let plain: Buffer;
  try {
    plain = Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]);
  } catch {
    throw new SigningKeyError(
      'the stored signing key does not decrypt: MOTCUA_SIGNING_KEY is not the key it was stored with',
    );
  }
  const parsed = JSON.parse(plain.toString('utf8')) as { privateKey: string; certificates: string[] };
  plain.fill(0);
  return {
    privateKey: new Uint8Array(Buffer.from(parsed.privateKey, 'base64')),
    certificates: parsed.certificates.map((c) => new Uint8Array(Buffer.from(c, 'base64'))),
  };
}
