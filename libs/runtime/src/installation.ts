// The installation's own state in the `installation` table: the signing secret generated when
// JWT_SECRET is unset, the one-time setup code and the mark that setup is complete. Each name is a
// primary key, so every api and worker process of an installation reads the same value, and the
// first writer wins however many start together.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { deriveKey } from './secret-box';

const JWT_SECRET = 'jwt.secret';
const SETUP_CODE = 'setup.code';
const SETUP_COMPLETED = 'setup.completed';
/** Key material for secrets kept in the database (never the signing secret: rotating that must not lose them). */
const SECRETS_KEY = 'secrets.key';

/** No 0/O, 1/I/L: read off a terminal and typed by hand. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

async function read(m: EntityManager, name: string): Promise<string | null> {
  const rows = (await m.query('SELECT value FROM installation WHERE name = ?', [name])) as { value: string }[];
  return rows.length ? rows[0].value : null;
}

/** The stored value of `name`, stored first when there is none (race-safe: the primary key decides). */
async function readOrCreate(m: EntityManager, name: string, make: () => string): Promise<string> {
  const existing = await read(m, name);
  if (existing !== null) return existing;
  await m.query('INSERT IGNORE INTO installation (name, value, created_at) VALUES (?, ?, ?)', [name, make(), new Date()]);
  const value = await read(m, name);
  if (value === null) throw new Error(`installation value ${name} could not be stored`);
  return value;
}

/** The signing secret of this installation (never log it). */
export function installationSecret(m: EntityManager): Promise<string> {
  return readOrCreate(m, JWT_SECRET, () => randomBytes(48).toString('base64url'));
}

/**
 * The key that seals stored secrets for `purpose` (see secret-box.ts): derived from `material` (the
 * SECRETS_KEY variable) when given — kept outside the database, so a dump does not hold the key —
 * else from random material generated once into the database and shared by every process.
 * Independent of JWT_SECRET, so setting or rotating that does not make stored passwords unreadable.
 * Never log it.
 */
export async function installationKey(m: EntityManager, purpose: string, material: string | null = null): Promise<Buffer> {
  return deriveKey(material ?? (await readOrCreate(m, SECRETS_KEY, () => randomBytes(32).toString('base64url'))), purpose);
}

export function newSetupCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

/** The one-time setup code (kept until setup completes, so a restarted api prints the same one). */
export function ensureSetupCode(m: EntityManager): Promise<string> {
  return readOrCreate(m, SETUP_CODE, newSetupCode);
}

/** Case, spaces and dashes do not matter; compared in constant time. */
export async function setupCodeMatches(m: EntityManager, given: string): Promise<boolean> {
  const stored = await read(m, SETUP_CODE);
  if (stored === null) return false;
  const digest = (s: string) => createHash('sha256').update(s.toUpperCase().replace(/[\s-]/g, '')).digest();
  return timingSafeEqual(digest(stored), digest(given));
}

export async function setupCompleted(m: EntityManager): Promise<boolean> {
  return (await read(m, SETUP_COMPLETED)) !== null;
}

/**
 * Marks setup complete inside the caller's transaction and retires the setup code. Returns false
 * when another completion got there first: the insert waits on the winner's row lock and then
 * hits the primary key.
 */
export async function markSetupCompleted(m: EntityManager, how: 'wizard' | 'admin-password' | 'seed'): Promise<boolean> {
  try {
    await m.query('INSERT INTO installation (name, value, created_at) VALUES (?, ?, ?)', [SETUP_COMPLETED, how, new Date()]);
  } catch (e) {
    if ((e as { code?: string }).code === 'ER_DUP_ENTRY' || (e as { driverError?: { code?: string } }).driverError?.code === 'ER_DUP_ENTRY') return false;
    throw e;
  }
  await m.query('DELETE FROM installation WHERE name = ?', [SETUP_CODE]);
  return true;
}
