// Secrets kept in the database (the SMTP password): AES-256-GCM under a key derived (HKDF-SHA256)
// from SECRETS_KEY, or else from the installation's own random key: a copy of the table that holds
// them does not give them away, and with SECRETS_KEY a full dump does not either (docs/security.md
// says what each protects against). The
// purpose is mixed into the key and bound as associated data: a value sealed for one use cannot
// be opened as another, and any change to the stored text is refused.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SecretBoxError extends Error {}

/** A 32-byte key for `purpose` from the installation's key material. */
export function deriveKey(material: string | Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', material, 'thermocline', `thermocline:${purpose}`, 32));
}

/** 'v1.<iv>.<tag>.<ciphertext>' (base64url parts). */
export function sealSecret(key: Buffer, plain: string, purpose: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(purpose, 'utf8'));
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
}

/** The plain text, or SecretBoxError when the value was changed, sealed for another purpose or under another key. */
export function openSecret(key: Buffer, sealed: string, purpose: string): string {
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) throw new SecretBoxError('stored secret has an unknown format');
  const [iv, tag, ct] = parts.slice(1).map((p) => Buffer.from(p, 'base64url'));
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretBoxError('stored secret has an unknown format');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(purpose, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretBoxError('stored secret cannot be decrypted (changed, or sealed under another key)');
  }
}
