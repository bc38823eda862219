import { ConfigError, describeConfig, loadConfig, parseQuietHours } from './config';

const prod = { NODE_ENV: 'production', ADMIN_PASSWORD: 'Secret-Admin-1', JWT_SECRET: 'x'.repeat(40) };

describe('loadConfig', () => {
  it('applies the documented defaults in development', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBe('mysql://root@127.0.0.1:3306/thermocline');
    expect(c.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(c.tzReports).toBe('Asia/Shanghai');
    expect(c.storageDir).toBe('/srv/app/var/storage');
    expect(c.upload.maxBytes).toBe(20 * 1024 * 1024);
    expect(c.dbQueryTimeoutMs).toBe(30000);
    expect(c.smtpUrl).toBeNull();
    // No secrets: the setup wizard creates the administrator, the database keeps the signing secret.
    expect(c.adminPassword).toBeNull();
    expect(c.jwtSecret).toBeNull();
  });

  it('starts in production with no secrets at all (first run: setup wizard)', () => {
    const c = loadConfig({ NODE_ENV: 'production' });
    expect(c.env).toBe('production');
    expect(c.adminPassword).toBeNull();
    expect(c.jwtSecret).toBeNull();
    // docker compose passes unset variables as empty strings
    expect(loadConfig({ NODE_ENV: 'production', ADMIN_PASSWORD: '', JWT_SECRET: ' ' }).jwtSecret).toBeNull();
    expect(loadConfig(prod)).toMatchObject({ adminPassword: 'Secret-Admin-1', jwtSecret: 'x'.repeat(40), rootUnit: { code: 'bureau', name: '局党组' } });
    expect(loadConfig({ ...prod, ROOT_UNIT_CODE: 'jyj', ROOT_UNIT_NAME: '县教育局党委' }).rootUnit).toEqual({ code: 'jyj', name: '县教育局党委' });
  });

  it('names every malformed secret on one line', () => {
    try {
      loadConfig({ NODE_ENV: 'production', ADMIN_PASSWORD: 'short', JWT_SECRET: 'short' });
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).problems.join('\n')).toMatch(/ADMIN_PASSWORD must be at least 8/);
      expect((e as ConfigError).problems.join('\n')).toMatch(/JWT_SECRET must be at least 32/);
      expect((e as Error).message.split('\n')).toHaveLength(1);
    }
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be an integer/],
    [{ PORT: '70000' }, /PORT must be an integer/],
    [{ DATABASE_URL: 'postgres://x/y' }, /DATABASE_URL must look like mysql/],
    [{ DATABASE_URL: 'mysql://root@h/bad-name' }, /DATABASE_URL must name a database/],
    [{ REDIS_URL: 'http://x' }, /REDIS_URL/],
    [{ TZ_REPORTS: 'Mars/Olympus' }, /TZ_REPORTS must be an IANA time zone/],
    [{ SMTP_URL: 'smtp://h:587' }, /MAIL_FROM is required/],
    [{ UPLOAD_MAX_BYTES: 'lots' }, /UPLOAD_MAX_BYTES must be a size/],
    [{ JWT_TTL: '5s' }, /JWT_TTL/],
    [{ JWT_SECRET: 'short' }, /JWT_SECRET must be at least 32/],
    [{ SECRETS_KEY: 'short' }, /SECRETS_KEY must be at least 32/],
    [{ QUEUE_PREFIX: 'a b' }, /QUEUE_PREFIX/],
    [{ SESSION_MAX: '10m' }, /SESSION_MAX/],
    [{ TRUST_PROXY: 'true' }, /TRUST_PROXY/],
    [{ TRUST_PROXY: '10.0.0.0/33' }, /TRUST_PROXY/],
    [{ TRUST_PROXY: 'nginx' }, /TRUST_PROXY/],
    [{ ROOT_UNIT_CODE: '局' }, /ROOT_UNIT_CODE/],
  ])('rejects %j', (env, message) => {
    expect(() => loadConfig(env as Record<string, string>)).toThrow(message);
  });

  it('parses sizes and durations', () => {
    const c = loadConfig({ UPLOAD_MAX_BYTES: '5MB', JWT_TTL: '30m' });
    expect(c.upload.maxBytes).toBe(5 * 1024 * 1024);
    expect(c.jwtTtlSeconds).toBe(1800);
  });

  it('trusts no proxy unless TRUST_PROXY says which (X-Forwarded-For is otherwise the client’s own word)', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, loopback,fd00::/8' }).trustProxy).toEqual(['10.0.0.5', 'loopback', 'fd00::/8']);
    expect(loadConfig({}).sessionMaxSeconds).toBe(7 * 86400);
  });

  it('never prints credentials', () => {
    const key = 'k'.repeat(20) + 'SECRETKEYMATERIAL';
    const c = loadConfig({ DATABASE_URL: 'mysql://app:hunter2@db:3306/thermocline', SMTP_URL: 'smtp://u:pw@mail:587', MAIL_FROM: 'a@b.cn', SECRETS_KEY: key });
    expect(c.secretsKey).toBe(key);
    const text = JSON.stringify(describeConfig(c));
    expect(text).not.toContain('SECRETKEYMATERIAL');
    expect(text).toContain('from SECRETS_KEY');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('pw@');
    expect(text).toContain('db:3306');
  });
});

describe('notification settings', () => {
  it('defaults: a 9 o’clock scan, quiet from 22:00 to 07:00, robots at 20 a minute', () => {
    const c = loadConfig({});
    expect(c.reminderHour).toBe(9);
    expect(c.quietHours).toEqual({ startMinute: 22 * 60, endMinute: 7 * 60 });
    expect(c.deliverRate).toEqual({ emailPerMinute: 60, webhookPerMinute: 20 });
  });

  it('reads quiet hours with minutes, across midnight or within a day, or off', () => {
    expect(loadConfig({ QUIET_HOURS: '22:30-06:45' }).quietHours).toEqual({ startMinute: 22 * 60 + 30, endMinute: 6 * 60 + 45 });
    expect(loadConfig({ QUIET_HOURS: '12-14' }).quietHours).toEqual({ startMinute: 720, endMinute: 840 });
    expect(loadConfig({ QUIET_HOURS: '20-24' }).quietHours).toEqual({ startMinute: 1200, endMinute: 0 });
    expect(loadConfig({ QUIET_HOURS: 'off' }).quietHours).toBeNull();
    expect(parseQuietHours('7-7')).toBeUndefined();
  });

  it.each([
    [{ REMINDER_HOUR: '24' }, /REMINDER_HOUR must be an integer from 0 to 23/],
    [{ REMINDER_HOUR: 'nine' }, /REMINDER_HOUR/],
    [{ QUIET_HOURS: '22' }, /QUIET_HOURS must look like 22-7/],
    [{ QUIET_HOURS: '25-7' }, /QUIET_HOURS/],
    [{ DELIVER_RATE_WEBHOOK: '0' }, /DELIVER_RATE_WEBHOOK/],
  ])('rejects %j', (env, message) => {
    expect(() => loadConfig(env as Record<string, string>)).toThrow(message);
  });
});
