import { ConfigError, describeConfig, loadConfig } from './config';

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
    expect(c.smtpUrl).toBeNull();
    // No ADMIN_PASSWORD in development: one is generated to be printed once.
    expect(c.adminPasswordGenerated).toBe(true);
    expect(c.adminPassword).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(c.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('requires the secrets in production, naming each', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    try {
      loadConfig({ NODE_ENV: 'production' });
    } catch (e) {
      expect((e as ConfigError).problems.join('\n')).toMatch(/ADMIN_PASSWORD is required/);
      expect((e as ConfigError).problems.join('\n')).toMatch(/JWT_SECRET is required/);
      expect((e as Error).message.split('\n')).toHaveLength(1);
    }
    expect(loadConfig(prod).adminPasswordGenerated).toBe(false);
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
    [{ QUEUE_PREFIX: 'a b' }, /QUEUE_PREFIX/],
  ])('rejects %j', (env, message) => {
    expect(() => loadConfig(env as Record<string, string>)).toThrow(message);
  });

  it('parses sizes and durations', () => {
    const c = loadConfig({ UPLOAD_MAX_BYTES: '5MB', JWT_TTL: '30m' });
    expect(c.upload.maxBytes).toBe(5 * 1024 * 1024);
    expect(c.jwtTtlSeconds).toBe(1800);
  });

  it('never prints credentials', () => {
    const c = loadConfig({ DATABASE_URL: 'mysql://app:hunter2@db:3306/thermocline', SMTP_URL: 'smtp://u:pw@mail:587', MAIL_FROM: 'a@b.cn' });
    const text = JSON.stringify(describeConfig(c));
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('pw@');
    expect(text).toContain('db:3306');
  });
});
