// The one place that reads process.env. Api and worker validate it once at boot into a typed,
// frozen object; anything missing or malformed stops start-up with one clear line.
import { isIP } from 'node:net';
import { isAbsolute, resolve } from 'node:path';

export type NodeEnv = 'development' | 'production' | 'test';

export interface AppConfig {
  env: NodeEnv;
  port: number;
  publicUrl: string;
  databaseUrl: string;
  /** A query unanswered this long fails (ms): a hung database answers 503, not never. */
  dbQueryTimeoutMs: number;
  redisUrl: string;
  queuePrefix: string;
  storageDir: string;
  /** Secret. When set, the first administrator is created with it at start (no setup wizard). */
  adminPassword: string | null;
  /** The root unit created with ADMIN_PASSWORD (ROOT_UNIT_CODE, ROOT_UNIT_NAME); the wizard asks instead. */
  rootUnit: { code: string; name: string };
  /** Secret. When unset, the installation's secret is generated once and kept in the database. */
  jwtSecret: string | null;
  jwtTtlSeconds: number;
  /** Absolute limit of a session (seconds from sign-in): refresh never extends past it. */
  sessionMaxSeconds: number;
  /**
   * Which proxies' X-Forwarded-For is believed (Express `trust proxy`): false = none (the default,
   * so a client cannot pick its own address), a hop count, or proxy addresses/CIDRs.
   */
  trustProxy: false | number | string[];
  tzReports: string;
  smtpUrl: string | null;
  mailFrom: string | null;
  /**
   * Key material for the secrets kept in the database (the stored SMTP password). Unset, it is
   * generated once into the database itself — then a full dump holds both lock and key.
   */
  secretsKey: string | null;
  webhookTimeoutMs: number;
  /** Lets webhooks reach private/loopback addresses (off in production: SSRF). */
  webhookAllowPrivate: boolean;
  /** Local hour (TZ_REPORTS) of the daily reminder scan. */
  reminderHour: number;
  /** Nothing is e-mailed or pushed between these local times (minutes after midnight); null = never quiet. */
  quietHours: { startMinute: number; endMinute: number } | null;
  /** Deliveries per minute: all e-mail together, and each webhook target on its own. */
  deliverRate: { emailPerMinute: number; webhookPerMinute: number };
  upload: { maxBytes: number; maxUnpackedBytes: number; maxEntries: number };
  login: { maxFailures: number; lockMinutes: number };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  workerConcurrency: number | null;
  /** Overrides every queue's job lock (ms): a crashed worker's job is retried after it expires. */
  workerLockMs: number | null;
  /** Tests only (NODE_ENV=test): a file holding the current time as an ISO timestamp. */
  testClockFile: string | null;
}

/** The configuration once start-up has settled the signing secret (see ensureJwtSecret). */
export type RuntimeConfig = Readonly<AppConfig & { jwtSecret: string }>;

/** Names of variables whose values must never be printed. */
export const SECRET_VARIABLES = ['ADMIN_PASSWORD', 'JWT_SECRET', 'SMTP_URL', 'SECRETS_KEY', 'DATABASE_URL', 'REDIS_URL'] as const;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
  }
}

type Env = Record<string, string | undefined>;

const MB = 1024 * 1024;

function parseSize(raw: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?$/i.exec(raw.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const unit = (m[2] ?? 'b').toLowerCase();
  const factor = unit.startsWith('g') ? 1024 * MB : unit.startsWith('m') ? MB : unit.startsWith('k') ? 1024 : 1;
  return Math.floor(n * factor);
}

function parseDuration(raw: string): number | null {
  const m = /^(\d+)\s*(s|m|h|d)?$/.exec(raw.trim());
  if (!m) return null;
  const mult = { s: 1, m: 60, h: 3600, d: 86400 }[(m[2] ?? 's') as 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * mult;
}

/** '22-7', '22:30-07:00' → minutes after midnight; 'off' → null; undefined when malformed. */
export function parseQuietHours(raw: string): { startMinute: number; endMinute: number } | null | undefined {
  if (/^(off|none|0)$/i.test(raw.trim())) return null;
  const m = /^(\d{1,2})(?::(\d{2}))?\s*-\s*(\d{1,2})(?::(\d{2}))?$/.exec(raw.trim());
  if (!m) return undefined;
  const [h1, m1, h2, m2] = [Number(m[1]), Number(m[2] ?? 0), Number(m[3]), Number(m[4] ?? 0)];
  if (h1 > 23 || h2 > 24 || m1 > 59 || m2 > 59 || (h2 === 24 && m2 > 0)) return undefined;
  const startMinute = h1 * 60 + m1;
  const endMinute = (h2 * 60 + m2) % 1440;
  if (startMinute === endMinute) return undefined;
  return { startMinute, endMinute };
}

/** TRUST_PROXY: off/none/false, a hop count (1-10), or a list of addresses, CIDRs and loopback/linklocal/uniquelocal. */
export function parseTrustProxy(raw: string | undefined): false | number | string[] | undefined {
  if (raw === undefined || /^(off|none|false|0)$/i.test(raw)) return false;
  if (/^\d+$/.test(raw)) {
    const n = Number(raw);
    return n >= 1 && n <= 10 ? n : undefined;
  }
  const items = raw.split(',').map((x) => x.trim()).filter(Boolean);
  const ok = (item: string) => {
    if (['loopback', 'linklocal', 'uniquelocal'].includes(item)) return true;
    const [addr, prefix, extra] = item.split('/');
    const v = isIP(addr);
    if (!v || extra !== undefined) return false;
    return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (v === 4 ? 32 : 128));
  };
  return items.length && items.every(ok) ? items : undefined;
}

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function checkUrl(value: string, protocols: string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Readonly<AppConfig> {
  const problems: string[] = [];
  const get = (name: string): string | undefined => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  const int = (name: string, def: number, min: number, max: number): number => {
    const raw = get(name);
    if (raw === undefined) return def;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return def;
    }
    return n;
  };
  const size = (name: string, def: number): number => {
    const raw = get(name);
    if (raw === undefined) return def;
    const n = parseSize(raw);
    if (n === null || n <= 0) {
      problems.push(`${name} must be a size such as 20MB (got "${raw}")`);
      return def;
    }
    return n;
  };

  const rawEnv = get('NODE_ENV') ?? 'development';
  let nodeEnv: NodeEnv = 'development';
  if (rawEnv === 'development' || rawEnv === 'production' || rawEnv === 'test') nodeEnv = rawEnv;
  else problems.push(`NODE_ENV must be development, production or test (got "${rawEnv}")`);
  const relaxed = nodeEnv !== 'production';

  const port = int('PORT', 3000, 1, 65535);

  const databaseUrl = get('DATABASE_URL') ?? 'mysql://root@127.0.0.1:3306/thermocline';
  if (!checkUrl(databaseUrl, ['mysql:', 'mariadb:'])) problems.push('DATABASE_URL must look like mysql://user:password@host:3306/thermocline');
  else if (!/^\/[A-Za-z0-9_]{1,64}$/.test(new URL(databaseUrl).pathname)) problems.push('DATABASE_URL must name a database of letters, digits and _ (e.g. /thermocline)');

  const redisUrl = get('REDIS_URL') ?? 'redis://127.0.0.1:6379';
  if (!checkUrl(redisUrl, ['redis:', 'rediss:'])) problems.push('REDIS_URL must look like redis://host:6379');

  const queuePrefix = get('QUEUE_PREFIX') ?? 'thermocline';
  if (!/^[A-Za-z0-9_:.-]{1,64}$/.test(queuePrefix)) problems.push(`QUEUE_PREFIX may use letters, digits and _:.- only (got "${queuePrefix}")`);

  const storageRaw = get('STORAGE_DIR') ?? 'var/storage';
  const storageDir = isAbsolute(storageRaw) ? storageRaw : resolve(cwd, storageRaw);

  // Both optional everywhere: without ADMIN_PASSWORD the first visitor sets the instance up with
  // the setup code from the api's log; without JWT_SECRET one is generated and kept in the database.
  const adminPassword = get('ADMIN_PASSWORD') ?? null;
  if (adminPassword !== null && adminPassword.length < 8) problems.push('ADMIN_PASSWORD must be at least 8 characters');

  const jwtSecret = get('JWT_SECRET') ?? null;
  if (jwtSecret !== null && jwtSecret.length < 32) problems.push('JWT_SECRET must be at least 32 characters');

  const rootUnit = { code: get('ROOT_UNIT_CODE') ?? 'bureau', name: get('ROOT_UNIT_NAME') ?? '局党组' };
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(rootUnit.code)) problems.push(`ROOT_UNIT_CODE may use letters, digits and - _ . only, at most 64 (got "${rootUnit.code}")`);
  if (rootUnit.name.length > 200) problems.push('ROOT_UNIT_NAME must be at most 200 characters');

  const ttlRaw = get('JWT_TTL') ?? '8h';
  let jwtTtlSeconds = parseDuration(ttlRaw) ?? 0;
  if (jwtTtlSeconds < 60 || jwtTtlSeconds > 30 * 86400) {
    problems.push(`JWT_TTL must be a duration from 60s to 30d such as 8h (got "${ttlRaw}")`);
    jwtTtlSeconds = 8 * 3600;
  }

  const sessionRaw = get('SESSION_MAX') ?? '7d';
  let sessionMaxSeconds = parseDuration(sessionRaw) ?? 0;
  if (sessionMaxSeconds < 3600 || sessionMaxSeconds > 90 * 86400) {
    problems.push(`SESSION_MAX must be a duration from 1h to 90d such as 7d (got "${sessionRaw}")`);
    sessionMaxSeconds = 7 * 86400;
  }

  const trustRaw = get('TRUST_PROXY');
  const trustProxy = parseTrustProxy(trustRaw);
  if (trustProxy === undefined) {
    problems.push(`TRUST_PROXY must be off, a hop count from 1 to 10, or addresses/CIDRs of your proxies such as 10.0.0.5,loopback (got "${trustRaw}")`);
  }

  const tzReports = get('TZ_REPORTS') ?? 'Asia/Shanghai';
  if (!validTimeZone(tzReports)) problems.push(`TZ_REPORTS must be an IANA time zone such as Asia/Shanghai (got "${tzReports}")`);

  const smtpUrl = get('SMTP_URL') ?? null;
  if (smtpUrl && !checkUrl(smtpUrl, ['smtp:', 'smtps:'])) problems.push('SMTP_URL must look like smtp://user:pass@host:587');
  const mailFrom = get('MAIL_FROM') ?? null;
  if (smtpUrl && !mailFrom) problems.push('MAIL_FROM is required when SMTP_URL is set (e.g. "Thermocline <noreply@example.gov.cn>")');
  const secretsKey = get('SECRETS_KEY') ?? null;
  if (secretsKey !== null && secretsKey.length < 32) problems.push('SECRETS_KEY must be at least 32 characters (e.g. openssl rand -base64 32)');

  const publicUrl = (get('PUBLIC_URL') ?? `http://localhost:${port}`).replace(/\/+$/, '');
  if (!checkUrl(publicUrl, ['http:', 'https:'])) problems.push('PUBLIC_URL must be an http(s) URL');

  const logLevel = (get('LOG_LEVEL') ?? (nodeEnv === 'test' ? 'warn' : 'info')) as AppConfig['logLevel'];
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) problems.push(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent`);

  const rawConc = get('WORKER_CONCURRENCY');
  const workerConcurrency = rawConc === undefined ? null : int('WORKER_CONCURRENCY', 1, 1, 64);

  const rawLock = get('WORKER_LOCK_MS');
  const workerLockMs = rawLock === undefined ? null : int('WORKER_LOCK_MS', 30000, 1000, 3_600_000);

  const quietRaw = get('QUIET_HOURS') ?? '22-7';
  const quietHours = parseQuietHours(quietRaw);
  if (quietHours === undefined) problems.push(`QUIET_HOURS must look like 22-7 or 22:30-07:00, or off (got "${quietRaw}")`);

  const testClockFile = get('TEST_CLOCK_FILE') ?? null;
  if (testClockFile && nodeEnv !== 'test') problems.push('TEST_CLOCK_FILE is for tests only (NODE_ENV=test)');

  const config: AppConfig = {
    env: nodeEnv,
    port,
    publicUrl,
    databaseUrl,
    redisUrl,
    queuePrefix,
    storageDir,
    adminPassword,
    rootUnit,
    jwtSecret,
    jwtTtlSeconds,
    sessionMaxSeconds,
    trustProxy: trustProxy ?? false,
    tzReports,
    smtpUrl,
    mailFrom,
    secretsKey,
    dbQueryTimeoutMs: int('DB_QUERY_TIMEOUT_MS', 30000, 500, 3_600_000),
    webhookTimeoutMs: int('WEBHOOK_TIMEOUT_MS', 5000, 100, 60000),
    webhookAllowPrivate: (get('WEBHOOK_ALLOW_PRIVATE') ?? (relaxed ? 'true' : 'false')) === 'true',
    reminderHour: int('REMINDER_HOUR', 9, 0, 23),
    quietHours: quietHours ?? null,
    deliverRate: {
      emailPerMinute: int('DELIVER_RATE_EMAIL', 60, 1, 100000),
      webhookPerMinute: int('DELIVER_RATE_WEBHOOK', 20, 1, 100000),
    },
    upload: {
      maxBytes: size('UPLOAD_MAX_BYTES', 20 * MB),
      maxUnpackedBytes: size('UPLOAD_MAX_UNPACKED_BYTES', 200 * MB),
      maxEntries: int('UPLOAD_MAX_ENTRIES', 5000, 10, 100000),
    },
    login: {
      maxFailures: int('LOGIN_MAX_FAILURES', 5, 1, 100),
      lockMinutes: int('LOGIN_LOCK_MINUTES', 15, 1, 1440),
    },
    logLevel,
    workerConcurrency,
    workerLockMs,
    testClockFile,
  };
  if (problems.length) throw new ConfigError(problems);
  return Object.freeze(config);
}

/** The configuration with secrets masked, for the start-up log line. */
export function describeConfig(c: AppConfig): Record<string, unknown> {
  const mask = (url: string | null) => (url ? url.replace(/\/\/([^@/]*)@/, '//***@') : null);
  return {
    env: c.env,
    port: c.port,
    publicUrl: c.publicUrl,
    database: mask(c.databaseUrl),
    redis: mask(c.redisUrl),
    queuePrefix: c.queuePrefix,
    storageDir: c.storageDir,
    tzReports: c.tzReports,
    smtp: c.smtpUrl ? mask(c.smtpUrl) : 'off',
    secretsKey: c.secretsKey ? 'from SECRETS_KEY' : 'kept in the database',
    reminderHour: c.reminderHour,
    quietHours: c.quietHours ? `${c.quietHours.startMinute}-${c.quietHours.endMinute} min` : 'off',
    uploadMaxBytes: c.upload.maxBytes,
    trustProxy: c.trustProxy,
  };
}
