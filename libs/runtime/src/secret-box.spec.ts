import { randomBytes } from 'node:crypto';
import { deriveKey, openSecret, sealSecret, SecretBoxError } from './secret-box';

describe('secret box (AES-256-GCM for stored secrets)', () => {
  const material = randomBytes(32).toString('base64url');
  const key = deriveKey(material, 'mail.password');

  it('round trips, with a fresh IV each time and no plain text in the sealed value', () => {
    const a = sealSecret(key, 'smtp-密码-Pa55!', 'mail.password');
    const b = sealSecret(key, 'smtp-密码-Pa55!', 'mail.password');
    expect(a).not.toBe(b);
    expect(a).not.toContain('Pa55');
    expect(a).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(openSecret(key, a, 'mail.password')).toBe('smtp-密码-Pa55!');
    expect(openSecret(key, b, 'mail.password')).toBe('smtp-密码-Pa55!');
  });

  it('refuses tampered ciphertext, tag or IV', () => {
    const sealed = sealSecret(key, 'correct horse battery staple', 'mail.password');
    const [v, iv, tag, ct] = sealed.split('.');
    const flip = (s: string) => {
      const buf = Buffer.from(s, 'base64url');
      buf[0] ^= 1;
      return buf.toString('base64url');
    };
    expect(() => openSecret(key, [v, iv, tag, flip(ct)].join('.'), 'mail.password')).toThrow(SecretBoxError);
    expect(() => openSecret(key, [v, iv, flip(tag), ct].join('.'), 'mail.password')).toThrow(SecretBoxError);
    expect(() => openSecret(key, [v, flip(iv), tag, ct].join('.'), 'mail.password')).toThrow(SecretBoxError);
    expect(() => openSecret(key, 'not-a-sealed-value', 'mail.password')).toThrow(SecretBoxError);
  });

  it('refuses another key or another purpose', () => {
    const sealed = sealSecret(key, 'secret', 'mail.password');
    expect(() => openSecret(deriveKey(randomBytes(32), 'mail.password'), sealed, 'mail.password')).toThrow(SecretBoxError);
    expect(() => openSecret(deriveKey(material, 'other'), sealed, 'mail.password')).toThrow(SecretBoxError);
    expect(() => openSecret(key, sealed, 'other')).toThrow(SecretBoxError);
  });

  it('derives distinct keys per purpose, the same one each time', () => {
    expect(deriveKey(material, 'a').equals(deriveKey(material, 'a'))).toBe(true);
    expect(deriveKey(material, 'a').equals(deriveKey(material, 'b'))).toBe(false);
    expect(deriveKey(material, 'a')).toHaveLength(32);
  });
});
