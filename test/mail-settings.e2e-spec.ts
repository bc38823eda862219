// E-mail set up in the browser (#18): an administrator stores the SMTP server through the api, the
// password never comes back, a test mail reaches a real (in-process) SMTP server with the right
// From, a refused login reads as such, other roles are refused, and a worker process started
// without SMTP_URL delivers a reminder e-mail with the stored settings.
import { createServer, type AddressInfo } from 'node:net';
import { createBureau, PASSWORD } from './support/bureau';
import { testClock } from './support/clock';
import { ADMIN_PASSWORD, startHarness, type Harness } from './support/harness';
import { Client } from './support/http';
import { startSmtp, type FakeSmtp } from './support/smtp';
import { MAIL_PASSWORD_PURPOSE } from '@thermocline/notify';
import { deriveKey, installationKey, openSecret, SecretBoxError } from '@thermocline/runtime';
import { waitFor } from './support/redis-server';
import { WorkerProcess } from './support/worker-process';

const USER = 'mailer@tc.example.gov.cn';
const SECRET = 'S3cret-Smtp-Pass!';
const FROM = '某局意识形态工作 <noreply@tc.example.gov.cn>';
const PERIOD = '2026-H1';

/** RFC 2047 encoded words (what nodemailer writes for a Chinese name or subject). */
function decodeWords(s: string): string {
  return s.replace(/\?=\s+=\?/g, '?==?').replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );
}

function header(raw: string, name: string): string {
  const [head] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  return decodeWords(new RegExp(`^${name}: (.*)$`, 'im').exec(unfolded)?.[1] ?? '');
}

interface MailSettings {
  source: string;
  editable: boolean;
  effective: { host: string; port: number; secure: boolean; username: string | null; passwordSet: boolean; from: string } | null;
  stored: { passwordSet: boolean; username: string | null } | null;
  problem: string | null;
}

describe('e-mail settings in the browser: stored, tested, used by the worker', () => {
  let h: Harness;
  let admin: Client;
  let smtp: FakeSmtp;
  let smtpPort = 0;
  let closedPort = 0;
  let worker: WorkerProcess | null = null;
  const clock = testClock();

  /** What the server received, with From and Subject read from each message. */
  const received = () => smtp.received.map((m) => ({ ...m, from: header(m.raw, 'From'), subject: header(m.raw, 'Subject') }));
  const settings = (over: Record<string, unknown> = {}) => ({ host: '127.0.0.1', port: smtpPort, secure: false, username: USER, password: SECRET, from: FROM, ...over });

  beforeAll(async () => {
    smtp = await startSmtp({ user: USER, secret: SECRET });
    smtpPort = smtp.port;
    // A port nothing listens on: bind one, note it, close it.
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    closedPort = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));

    await clock.setNow('2026-07-03T02:00:00Z'); // 10:00 in Shanghai, a week before the due date
    h = await startHarness({ TEST_CLOCK_FILE: clock.file, QUIET_HOURS: 'off', PUBLIC_URL: 'https://tc.example.gov.cn', SMTP_URL: '', MAIL_FROM: '' });
    admin = await new Client(h.url).login('admin', ADMIN_PASSWORD);
    await createBureau(admin);
  }, 60_000);

  afterAll(async () => {
    await worker?.stop();
    await h?.close();
    await smtp?.close();
  });

  it('starts with no e-mail configured', async () => {
    expect(h.env.SMTP_URL ?? '').toBe('');
    const r = await admin.get<MailSettings>('/api/admin/mail');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ source: 'none', editable: true, effective: null, stored: null });
    expect((await admin.post('/api/admin/mail/test', { to: 'it@example.gov.cn' })).status).toBe(400);
  });

  it('refuses malformed settings and says what to fix', async () => {
    const r = await admin.put<{ message: string }>('/api/admin/mail', settings({ host: 'smtp://mail.x.gov.cn:25', port: 0, from: 'not an address' }));
    expect(r.status).toBe(400);
    const message = JSON.stringify(r.body.message);
    expect(message).toContain('服务器地址应为域名或 IP 地址');
    expect(message).toContain('端口必须是 1-65535 的整数');
    expect(message).toContain('发件人应为邮箱地址');
    const noPassword = await admin.put<{ message: string }>('/api/admin/mail', settings({ password: '' }));
    expect(noPassword.status).toBe(400);
    expect(noPassword.body.message).toContain('请同时填写密码');
  });

  it('stores them with the password encrypted, and never gives the password back', async () => {
    const put = await admin.put<MailSettings>('/api/admin/mail', settings());
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ source: 'stored', editable: true, effective: { host: '127.0.0.1', port: smtpPort, secure: false, username: USER, passwordSet: true, from: FROM }, problem: null });
    const get = await admin.get<MailSettings>('/api/admin/mail');
    expect(get.body.stored).toMatchObject({ passwordSet: true, username: USER });
    expect(JSON.stringify(get.body)).not.toContain(SECRET);
    expect(JSON.stringify(put.body)).not.toContain(SECRET);
    const [row] = (await h.db.query('SELECT password_sealed FROM mail_settings')) as { password_sealed: string }[];
    expect(row.password_sealed).toMatch(/^v1\./);
    expect(row.password_sealed).not.toContain(SECRET);
  });

  it('sends a test mail that arrives with the configured From, signed in as the stored user', async () => {
    const r = await admin.post('/api/admin/mail/test', { to: 'it@example.gov.cn' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ok: true, reason: null });
    const mail = received().find((m) => m.to.includes('it@example.gov.cn'));
    expect(mail).toMatchObject({ envelopeFrom: 'noreply@tc.example.gov.cn', user: USER, subject: '【测试邮件】Thermocline 邮件设置' });
    expect(mail?.from).toBe('某局意识形态工作 <noreply@tc.example.gov.cn>');
  });

  it('an empty password on save keeps the stored one', async () => {
    const before = received().length;
    expect((await admin.put('/api/admin/mail', settings({ password: '' }))).status).toBe(200);
    expect((await admin.post('/api/admin/mail/test', { to: 'it2@example.gov.cn' })).body).toEqual({ ok: true, reason: null });
    expect(received().length).toBe(before + 1);
  });

  it('explains a refused login and a refused connection, without the password', async () => {
    expect((await admin.put('/api/admin/mail', settings({ password: 'Wrong-Password-42' }))).status).toBe(200);
    const auth = await admin.post<{ ok: boolean; reason: string }>('/api/admin/mail/test', { to: 'it@example.gov.cn' });
    expect(auth.body.ok).toBe(false);
    expect(auth.body.reason).toMatch(/用户名或密码被邮件服务器拒绝/);
    expect(auth.body.reason).not.toContain('Wrong-Password-42');

    expect((await admin.put('/api/admin/mail', settings({ port: closedPort, password: '' }))).status).toBe(200);
    const refused = await admin.post<{ ok: boolean; reason: string }>('/api/admin/mail/test', { to: 'it@example.gov.cn' });
    expect(refused.body).toMatchObject({ ok: false, reason: expect.stringMatching(/连接被拒绝.*端口/) });

    const audit = (await h.db.query(`SELECT action, detail FROM audit_log WHERE action LIKE 'mail.%' ORDER BY id`)) as { action: string; detail: string }[];
    expect(audit.map((a) => a.action)).toEqual(['mail.update', 'mail.test', 'mail.update', 'mail.test', 'mail.update', 'mail.test', 'mail.update', 'mail.test']);
    expect(JSON.stringify(audit)).not.toContain(SECRET);
    expect(JSON.stringify(audit)).not.toContain('Wrong-Password-42');
  });

  it('is for bureau administrators only', async () => {
    const leader = await admin.login('leader', PASSWORD);
    const branchAdmin = await admin.login('edu-admin', PASSWORD);
    const secretary = await admin.login('sec-hospital', PASSWORD);
    expect((await leader.get('/api/admin/mail')).status).toBe(403);
    expect((await secretary.post('/api/admin/mail/test', { to: 'x@example.gov.cn' })).status).toBe(403);
    expect((await branchAdmin.put('/api/admin/mail', settings())).status).toBe(403);
    expect((await branchAdmin.post('/api/admin/mail/test', { to: 'x@example.gov.cn' })).status).toBe(403);
    expect((await new Client(h.url).get('/api/admin/mail')).status).toBe(401);
  });

  it('a worker started without SMTP_URL delivers a reminder e-mail with the stored settings', async () => {
    expect((await admin.put('/api/admin/mail', settings())).status).toBe(200);
    expect((await admin.post('/api/periods', { code: PERIOD, name: '2026年上半年', startsOn: '2026-01-01', endsOn: '2026-06-30', dueOn: '2026-07-10' })).status).toBe(201);
    worker = await WorkerProcess.start(h.env);
    const run = await admin.post<{ created: number }>('/api/reminders/run', { periodCode: PERIOD, unitCode: 'hospital' });
    expect(run.status).toBe(200);
    expect(run.body.created).toBeGreaterThan(0);
    await waitFor(() => received().some((m) => m.to.includes('sec-hospital@example.gov.cn')), 30_000, 'the reminder e-mail');
    const mail = received().find((m) => m.to.includes('sec-hospital@example.gov.cn'));
    expect(mail).toMatchObject({ envelopeFrom: 'noreply@tc.example.gov.cn', from: FROM, user: USER });
    expect(mail?.subject).toContain('2026年上半年');
    const status = async () =>
      ((await h.db.query(`SELECT d.status FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id JOIN users u ON u.id = n.user_id WHERE u.username = 'sec-hospital' AND d.channel = 'email'`)) as { status: string }[]).map((d) => d.status);
    await waitFor(async () => (await status()).includes('delivered'), 10_000, 'the delivery marked delivered');
    // The worker logs at info level: the stored password is never in it.
    expect(worker.output).toContain('worker started');
    expect(worker.output).not.toContain(SECRET);
  });

  it('limits test mails to 5 a minute per administrator', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await admin.post('/api/admin/mail/test', { to: 'it@example.gov.cn' })).status);
    expect(statuses).toContain(429);
    const limited = await admin.post<{ message: string }>('/api/admin/mail/test', { to: 'it@example.gov.cn' });
    expect(limited.status).toBe(429);
    expect(limited.body.message).toContain('过于频繁');
  });

  it('SMTP_URL in the environment wins: reported as such, stored settings read-only', async () => {
    const envApi = await startHarness({ SMTP_URL: `smtp://envuser:EnvPass-123@127.0.0.1:${smtpPort}`, MAIL_FROM: 'Env <env@tc.example.gov.cn>' });
    try {
      const a = await new Client(envApi.url).login('admin', ADMIN_PASSWORD);
      const r = await a.get<MailSettings>('/api/admin/mail');
      expect(r.body).toMatchObject({ source: 'env', editable: false, effective: { host: '127.0.0.1', port: smtpPort, username: 'envuser', passwordSet: true, from: 'Env <env@tc.example.gov.cn>' } });
      expect(JSON.stringify(r.body)).not.toContain('EnvPass-123');
      const put = await a.put<{ message: string }>('/api/admin/mail', settings());
      expect(put.status).toBe(409);
      expect(put.body.message).toContain('SMTP_URL');
    } finally {
      await envApi.close();
    }
  });
  it('with SECRETS_KEY the key is not in the database: the password opens with that key and no other, and a test mail still goes out', async () => {
    const key = 'Secrets-Key-From-The-Service-Env-2026!';
    const keyed = await startHarness({ SECRETS_KEY: key, SMTP_URL: '', MAIL_FROM: '' });
    try {
      const a = await new Client(keyed.url).login('admin', ADMIN_PASSWORD);
      expect((await a.put('/api/admin/mail', settings())).status).toBe(200);
      const [row] = (await keyed.db.query('SELECT password_sealed FROM mail_settings')) as { password_sealed: string }[];
      expect(openSecret(deriveKey(key, MAIL_PASSWORD_PURPOSE), row.password_sealed, MAIL_PASSWORD_PURPOSE)).toBe(SECRET);
      // No key material was generated into the database, and one made there would not open it.
      expect(await keyed.db.query("SELECT name FROM installation WHERE name = 'secrets.key'")).toEqual([]);
      const dbKey = await installationKey(keyed.db.manager, MAIL_PASSWORD_PURPOSE);
      expect(() => openSecret(dbKey, row.password_sealed, MAIL_PASSWORD_PURPOSE)).toThrow(SecretBoxError);
      const before = smtp.received.length;
      expect((await a.post<{ ok: boolean }>('/api/admin/mail/test', { to: 'it@example.gov.cn' })).body.ok).toBe(true);
      expect(smtp.received.length).toBe(before + 1);
    } finally {
      await keyed.close();
    }
  });
});
