// Reminders and notifications end to end: the real api, two real worker processes, MariaDB, Redis,
// an in-process SMTP server and a local HTTP receiver standing in for robots and webhooks. Time is
// driven with the clock file (api and workers read "now" from it), never with sleeps.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JobQueues } from '@thermocline/jobs';
import { dingtalkSign, feishuSign, verifyGenericSignature } from '@thermocline/notify';
import IORedis from 'ioredis';
import { DeliveryRateLimiter } from '../apps/worker/src/notifications/rate-limiter';
import { SMTPServer } from 'smtp-server';
import { createBureau, PASSWORD } from './support/bureau';
import { ADMIN_PASSWORD, startHarness, TEST_REDIS, type Harness } from './support/harness';
import { Client } from './support/http';
import { waitFor } from './support/redis-server';
import { fixture, upload } from './support/reports';
import { WorkerProcess } from './support/worker-process';

const PUBLIC_URL = 'https://tc.example.gov.cn';
const PERIOD = '2026-H1';
const COLD = `人民医院党委2026年上半年意识形态工作情况报告
今年以来，医院党委高度重视意识形态工作，认真学习上级精神，加强组织领导，落实主体责任。
组织党员开展学习，利用宣传栏开展宣传，营造了良好氛围。加强网络舆情管理，未发生重大事件。
存在问题：学习不够深入；宣传形式单一。
下步打算：进一步加强学习，创新宣传形式。`;

interface Hit {
  path: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

/** A local HTTP receiver: each path answers from its script (then 200), and every request is kept. */
class Receiver {
  readonly hits: Hit[] = [];
  private readonly scripts = new Map<string, number[]>();
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = (req.url ?? '/').split('?')[0];
        const status = this.scripts.get(path)?.shift() ?? 200;
        this.hits.push({ path, url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status });
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(status === 200 ? '{"errcode":0,"errmsg":"ok"}' : `{"error":"status ${status}"}`);
      });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  script(path: string, statuses: number[]): void {
    this.scripts.set(path, [...statuses]);
  }

  at(path: string): Hit[] {
    return this.hits.filter((h) => h.path === path);
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Decodes what nodemailer sends (RFC 2047 subject, base64 text and HTML parts). */
function parseMail(raw: string, to: string): Mail {
  const [head] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const subjectLine = /^Subject: (.*)$/im.exec(unfolded)?.[1] ?? '';
  const subject = subjectLine.replace(/=\?UTF-8\?B\?([^?]*)\?=\s*/gi, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
  const part = (type: string) => {
    const m = new RegExp(`Content-Type: ${type}[^\\n]*\\r?\\n(?:[^\\r\\n]+\\r?\\n)*\\r?\\n([A-Za-z0-9+/=\\r\\n]+)`, 'i').exec(raw);
    return m ? Buffer.from(m[1].replace(/\s+/g, ''), 'base64').toString('utf8') : '';
  };
  return { to, subject, text: part('text/plain'), html: part('text/html') };
}

interface Row {
  id: string;
  username: string | null;
  group_code: string | null;
  kind: string;
  stage: string;
  title: string;
  body: string;
  link: string | null;
  dedupe_key: string;
}

interface NotificationItem {
  id: number;
  periodCode?: string | null;
  periodName?: string | null;
  kind: string;
  stage: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  deliveries: { channel: string; status: string; attempts: number; lastError: string | null; notBefore: string | null; deliveredAt: string | null }[];
}

describe('reminders and notifications: in time, escalated when it slips, nothing sent twice', () => {
  let h: Harness;
  let workers: WorkerProcess[] = [];
  let queues: JobQueues;
  let admin: Client;
  let leader: Client;
  const as: Record<string, Client> = {};
  const receiver = new Receiver();
  const mails: Mail[] = [];
  let smtp: SMTPServer;
  const clockFile = join(mkdtempSync(join(tmpdir(), 'tc-clock-')), 'now');
  /** Moves the deployment's clock; every process re-reads the file at most 50 ms later (Clock's cache). */
  const setNow = async (iso: string) => {
    writeFileSync(clockFile, iso);
    await new Promise((r) => setTimeout(r, 120));
  };
  /** 09:00 in Shanghai on a July 2026 day. */
  const nine = (day: number) => setNow(`2026-07-${String(day).padStart(2, '0')}T01:00:00Z`);

  const rows = async (where = '1 = 1', params: unknown[] = []): Promise<Row[]> =>
    (await h.db.query(
      `SELECT n.id, usr.username, g.code AS group_code, n.kind, n.stage, n.title, n.body, n.link, n.dedupe_key
         FROM notifications n LEFT JOIN users usr ON usr.id = n.user_id LEFT JOIN units g ON g.id = n.recipient_unit_id
        WHERE ${where} ORDER BY n.id`,
      params,
    )) as Row[];
  const stageRows = async (stage: string) => rows('n.stage = ?', [stage]);
  const who = (list: Row[]) => list.map((r) => r.username ?? `group:${r.group_code}`).sort();

  /** Adds `n` reminder-scan jobs at once (what the daily scheduler adds) and waits for all of them. */
  async function scan(n = 1): Promise<number> {
    const stamp = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const jobs = await Promise.all(Array.from({ length: n }, (_, i) => queues.add('reminder-scan', {}, { jobId: `test-scan-${stamp}-${i}` })));
    const results: number[] = [];
    await waitFor(
      async () => {
        results.length = 0;
        for (const j of jobs) {
          if ((await queues.queues.notifications.getJobState(j.id as string)) !== 'completed') return false;
          const done = await queues.queues.notifications.getJob(j.id as string);
          results.push((done?.returnvalue as { created: number }).created);
        }
        return true;
      },
      60_000,
      `${n} reminder scans`,
    );
    return results.reduce((a, b) => a + b, 0);
  }

  const deliveriesOf = async (stage: string) =>
    (await h.db.query(
      `SELECT d.id, d.channel, d.status, d.attempts, d.last_error, d.not_before, d.delivered_at, usr.username, g.code AS group_code
         FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id LEFT JOIN users usr ON usr.id = n.user_id LEFT JOIN units g ON g.id = n.recipient_unit_id
        WHERE n.stage = ? ORDER BY d.id`,
      [stage],
    )) as { id: string; channel: string; status: string; attempts: number; last_error: string | null; not_before: Date | null; delivered_at: Date | null; username: string | null; group_code: string | null }[];
  const settledDeliveries = async (stage: string) => {
    await waitFor(async () => (await deliveriesOf(stage)).every((d) => d.status === 'delivered' || d.status === 'failed'), 60_000, `deliveries of ${stage}`);
    return deliveriesOf(stage);
  };

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          for (const rcpt of session.envelope.rcptTo) mails.push(parseMail(raw, rcpt.address));
          callback();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    await receiver.start();

    await nine(3);
    h = await startHarness({
      TEST_CLOCK_FILE: clockFile,
      PUBLIC_URL,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: 'Thermocline <noreply@tc.example.gov.cn>',
      WEBHOOK_ALLOW_PRIVATE: 'true',
      WEBHOOK_TIMEOUT_MS: '3000',
    });
    queues = h.app.get(JobQueues);
    admin = await new Client(h.url).login('admin', ADMIN_PASSWORD);
    await createBureau(admin);
    expect((await admin.post('/api/periods', { code: PERIOD, name: '2026年上半年', startsOn: '2026-01-01', endsOn: '2026-06-30', dueOn: '2026-07-10' })).status).toBe(201);
    leader = await admin.login('leader', PASSWORD);
    for (const u of ['sec-school-1', 'sec-school-2', 'sec-hospital', 'edu-leader']) as[u] = await admin.login(u, PASSWORD);
    // school-2's secretary also wants a signed generic webhook.
    const pref = await as['sec-school-2'].put('/api/notifications/preferences', { webhook: { type: 'generic', url: `${receiver.url}/sec2`, secret: 'whsec-school-2-0123456789' } });
    expect(pref.status).toBe(200);
    workers = await Promise.all([WorkerProcess.start(h.env), WorkerProcess.start(h.env)]);
  });

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await h?.close();
    await receiver.close();
    await new Promise<void>((r) => smtp.close(() => r()));
  });

  it('schedules the daily scan at REMINDER_HOUR in TZ_REPORTS', async () => {
    // Registered by every worker right after it starts (one scheduler, however many workers).
    await waitFor(async () => Boolean(await queues.queues.notifications.getJobScheduler('reminder-scan')), 20_000, 'the reminder scheduler');
    const scheduler = await queues.queues.notifications.getJobScheduler('reminder-scan');
    expect(scheduler).toMatchObject({ pattern: '0 9 * * *', tz: 'Asia/Shanghai' });
  });

  it('7 days before: every secretary of a unit without a report, in-app, by e-mail and by webhook', async () => {
    expect(await scan()).toBe(3);
    const list = await stageRows('due:-7');
    expect(who(list)).toEqual(['sec-hospital', 'sec-school-1', 'sec-school-2']);
    expect(list.every((r) => r.kind === 'due_soon' && r.link === `/my-unit?period=${PERIOD}`)).toBe(true);
    expect(list[0].title).toContain('还有 7 天截止');

    const deliveries = await settledDeliveries('due:-7');
    expect(deliveries.map((d) => [d.username, d.channel, d.status]).sort()).toEqual([
      ['sec-hospital', 'email', 'delivered'],
      ['sec-school-1', 'email', 'delivered'],
      ['sec-school-2', 'email', 'delivered'],
      ['sec-school-2', 'generic', 'delivered'],
    ]);
    const mail = mails.find((m) => m.to === 'sec-hospital@example.gov.cn');
    expect(mail?.subject).toBe('【报告提醒】2026年上半年 报告还有 7 天截止');
    expect(mail?.text).toContain(`查看详情：${PUBLIC_URL}/my-unit?period=${PERIOD}`);
    expect(mail?.html).toContain(`href="${PUBLIC_URL}/my-unit?period=${PERIOD}"`);
    expect(mail?.html).toContain('人民医院党委');

    const [hook] = receiver.at('/sec2');
    const ts = Number(hook.headers['x-thermocline-timestamp']);
    expect(verifyGenericSignature('whsec-school-2-0123456789', ts, hook.body, String(hook.headers['x-thermocline-signature']))).toBe(true);
    expect(JSON.parse(hook.body)).toMatchObject({ kind: 'due_soon', url: `${PUBLIC_URL}/my-unit?period=${PERIOD}`, unit: { code: 'school-2', name: '二中党支部' } });
  });

  it('a unit that reports on time hears nothing more, and its secretary is asked to review the numbers', async () => {
    await nine(5);
    const sec = as['sec-school-1'];
    const ok = await upload(sec, 'school-1', PERIOD, 'school-1.txt', readFileSync(join(__dirname, 'fixtures', 'extraction', 'college-2025H2.txt')));
    expect(ok.status).toBe(202);
    // A second file that cannot be read: the reason and what to do.
    const locked = await upload(sec, 'school-1', PERIOD, 'locked.pdf', fixture('report-encrypted.pdf'));
    expect(locked.status).toBe(202);
    await waitFor(async () => (await rows(`n.stage IN (?, ?)`, [`extracted:r${ok.body.id}`, `failed:r${locked.body.id}`])).length === 2, 60_000, 'extraction notifications');
    const [review] = await stageRows(`extracted:r${ok.body.id}`);
    expect(review).toMatchObject({ username: 'sec-school-1', kind: 'extracted', link: `/reports/${ok.body.id}` });
    expect(review.body).toMatch(/核对/);
    // Titles and bodies name the period as people read it (2026年上半年), links keep the code (#15.8).
    expect(review.title).toMatch(/^【请(核对|补录)】2026年上半年 报告/);
    expect(`${review.title}${review.body}`).not.toContain(PERIOD);
    const [failed] = await stageRows(`failed:r${locked.body.id}`);
    expect(failed).toMatchObject({ username: 'sec-school-1', kind: 'extraction_failed', link: `/reports/${locked.body.id}` });
    expect(failed.body).toMatch(/原因：.*加密/);
    expect(failed.body).toMatch(/怎么办：.*密码/);
    expect(failed.title).toBe('【处理失败】2026年上半年 报告未能读取');
    expect(failed.body).not.toContain(PERIOD);

    // Day -5: the -7 stage is still being caught up, but everyone already has it.
    expect(await scan()).toBe(0);
  });

  it('ten scans in parallel on two worker processes give one notification per stage', async () => {
    await nine(7);
    expect(await scan(10)).toBe(2);
    expect(who(await stageRows('due:-3'))).toEqual(['sec-hospital', 'sec-school-2']);
    const dupes = (await h.db.query(`SELECT user_id, period_id, stage, COUNT(*) AS c FROM notifications GROUP BY user_id, recipient_unit_id, period_id, stage HAVING c > 1`)) as unknown[];
    expect(dupes).toEqual([]);
    // Both workers took part.
    for (const w of workers) expect(w.output).toContain('"job":"reminder-scan"');
    expect((await settledDeliveries('due:-3')).filter((d) => d.channel === 'email')).toHaveLength(2);
  });

  it('a group chat answering 500 twice then 200 is delivered once, after three attempts', async () => {
    const created = await admin.post<{ id: number; url: string; secretSet: boolean; secretHint: string }>('/api/notification-channels', {
      unitCode: 'school-2',
      name: '二中党支部工作群',
      type: 'generic',
      url: `${receiver.url}/flaky?token=group-token-0123456789`,
      secret: 'group-secret-0123456789',
      events: ['reminder'],
    });
    expect(created.status).toBe(201);
    expect(created.body.url).not.toContain('group-token-0123456789');
    expect(created.body.secretHint).toBe('grou…6789');
    expect(JSON.stringify(created.body)).not.toContain('group-secret-0123456789');
    receiver.script('/flaky', [500, 500]);

    await nine(9);
    expect(await scan()).toBe(3); // school-2's secretary and group chat, the hospital's secretary
    const [group] = (await settledDeliveries('due:-1')).filter((d) => d.group_code === 'school-2');
    expect(group).toMatchObject({ channel: 'generic', status: 'delivered', attempts: 3 });
    const hits = receiver.at('/flaky');
    expect(hits.map((x) => x.status)).toEqual([500, 500, 200]);
    expect(new Set(hits.map((x) => x.headers['x-thermocline-delivery'])).size).toBe(1);
  });

  it('a webhook answering 400 is recorded failed after one attempt, and the owner sees it', async () => {
    const sec = as['sec-hospital'];
    expect((await sec.put('/api/notifications/preferences', { webhook: { type: 'wecom', url: `${receiver.url}/bad?key=wecom-key-0123456789` } })).status).toBe(200);
    receiver.script('/bad', [400, 400, 400, 400, 400, 400, 400, 400, 400, 400]);
    await nine(10);
    expect(await scan()).toBe(3);
    const bad = (await settledDeliveries('due:0')).find((d) => d.channel === 'wecom');
    expect(bad).toMatchObject({ status: 'failed', attempts: 1, username: 'sec-hospital' });
    expect(bad?.last_error).toMatch(/HTTP 400/);
    expect(receiver.at('/bad')).toHaveLength(1);

    const mine = (await sec.get<{ items: NotificationItem[] }>('/api/notifications')).body.items.find((n) => n.stage === 'due:0');
    expect(mine?.kind).toBe('due_today');
    expect(mine?.deliveries.find((d) => d.channel === 'wecom')).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringMatching(/HTTP 400/) });
    expect(mine?.deliveries.find((d) => d.channel === 'email')).toMatchObject({ status: 'delivered' });

    const log = await admin.get<{ items: { channel: string; status: string; attempts: number; username: string; target: string }[]; failedCount: number }>('/api/notification-deliveries?status=failed');
    expect(log.status).toBe(200);
    expect(log.body.failedCount).toBeGreaterThanOrEqual(1);
    expect(log.body.items[0]).toMatchObject({ channel: 'wecom', status: 'failed', attempts: 1, username: 'sec-hospital' });
    expect(log.body.items[0].target).not.toContain('wecom-key-0123456789');
    expect((await leader.get('/api/notification-deliveries')).status).toBe(403);
  });

  it('after the due day: overdue reminders, a late report that is cold tells its secretary why', async () => {
    await nine(11);
    expect(await scan()).toBe(3);
    expect(who(await stageRows('due:+1'))).toEqual(['group:school-2', 'sec-hospital', 'sec-school-2']);

    await nine(12);
    const late = await upload(as['sec-hospital'], 'hospital', PERIOD, 'hospital.txt', Buffer.from(COLD));
    expect(late.status).toBe(202);
    const hospitalCold = () => rows(`n.kind = 'cold' AND n.unit_id = (SELECT id FROM units WHERE code = 'hospital')`);
    await waitFor(async () => (await hospitalCold()).length > 0, 90_000, 'a cold notification');
    const cold = await hospitalCold();
    expect(who(cold)).toEqual(['sec-hospital']);
    expect(cold[0].body).toMatch(/温度 [\d.]+，低于冷点阈值/);
    expect(cold[0].link).toBe(`/units/hospital?period=${PERIOD}`);
    expect(cold[0].title).toBe('【温度预警】人民医院党委 2026年上半年 被标记为“冷点”');
    expect(cold[0].body).toContain('根据 2026年上半年 报告分析');
    expect(`${cold[0].title}${cold[0].body}`).not.toContain(PERIOD);
  });

  it('at the last stage the escalation reaches the parent unit’s leader and nobody else', async () => {
    await nine(13);
    // school-2's secretary and group chat; its parent's (edu) leader. edu and health, which have
    // no secretary account, are missing too: their parent's (the bureau's) leader hears of them.
    expect(await scan()).toBe(5);
    expect(who(await stageRows('due:+3'))).toEqual(['group:school-2', 'sec-school-2']);
    const about = async (unit: string) => rows(`n.kind = 'escalation' AND n.unit_id = (SELECT id FROM units WHERE code = ?)`, [unit]);
    const school2 = await about('school-2');
    expect(who(school2)).toEqual(['edu-leader']);
    expect(school2[0].title).toContain('二中党支部');
    expect(school2[0].body).toContain('二中书记');
    expect(school2[0].link).toBe(`/units/school-2?period=${PERIOD}`);
    expect(who(await about('edu'))).toEqual(['leader']);
    expect(who(await about('health'))).toEqual(['leader']);
    expect(await about('hospital')).toEqual([]); // reported (late) before the last stage
    expect(who(await rows(`n.kind = 'escalation'`))).toEqual(['edu-leader', 'leader', 'leader']);
    const eduLeader = (await as['edu-leader'].get<{ items: NotificationItem[]; unread: number }>('/api/notifications')).body;
    expect(eduLeader.items.map((n) => [n.kind, n.title.includes('二中党支部')])).toEqual([['escalation', true]]);
    expect((await leader.get<{ items: NotificationItem[] }>('/api/notifications')).body.items.map((n) => n.title).join()).not.toContain('二中');
    // Scanning again the same day: nothing new.
    expect(await scan(3)).toBe(0);
  });

  it('quiet hours: a reminder asked for at 23:00 waits for 07:00', async () => {
    // 14 July, 23:00 in Shanghai: the +3 stage was sent yesterday, so "remind now" nudges.
    await setNow('2026-07-14T15:00:00Z');
    expect((await as['edu-leader'].post('/api/reminders/run', { periodCode: PERIOD, unitCode: 'hospital' })).status).toBe(404);
    expect((await as['sec-school-2'].post('/api/reminders/run', { periodCode: PERIOD })).status).toBe(403);
    const run = await as['edu-leader'].post<{ created: number }>('/api/reminders/run', { periodCode: PERIOD, unitCode: 'school-2' });
    expect(run.status).toBe(200);
    expect(run.body.created).toBe(2); // school-2's secretary and its group chat
    expect((await as['edu-leader'].post<{ created: number }>('/api/reminders/run', { periodCode: PERIOD, unitCode: 'school-2' })).body.created).toBe(0);

    const stage = 'manual:2026-07-14';
    const nudged = await stageRows(stage);
    expect(nudged[0].body).toMatch(/^「教育局领导」提醒您/);
    const before = receiver.hits.length;
    const held = await deliveriesOf(stage);
    expect(held.length).toBe(3); // e-mail and webhook of the secretary, the group chat
    for (const d of held) {
      expect(d.status).toBe('deferred');
      expect(new Date(d.not_before as Date).toISOString()).toBe('2026-07-14T23:00:00.000Z'); // 07:00 in Shanghai
      const job = await queues.queues.deliver.getJob(`delivery-${d.id}`);
      expect(await job?.getState()).toBe('delayed');
      expect((job?.opts.delay ?? 0) / 3_600_000).toBeCloseTo(8, 1);
    }
    expect(receiver.hits.length).toBe(before);

    // Morning: the delayed jobs come due (promoted here instead of waiting eight real hours).
    await setNow('2026-07-14T23:00:30Z');
    for (const d of held) await (await queues.queues.deliver.getJob(`delivery-${d.id}`))?.promote();
    const sent = await settledDeliveries(stage);
    expect(sent.map((d) => d.status)).toEqual(['delivered', 'delivered', 'delivered']);
    for (const d of sent) expect(new Date(d.delivered_at as Date).getTime()).toBeGreaterThanOrEqual(new Date('2026-07-14T23:00:00Z').getTime());
  });

  it('the notification centre: own notifications newest first, unread count, read one, read all', async () => {
    const sec = as['sec-school-2'];
    const first = (await sec.get<{ items: NotificationItem[]; unread: number; nextBefore: number | null }>('/api/notifications')).body;
    expect(first.items.map((n) => n.stage)).toEqual(['manual:2026-07-14', 'due:+3', 'due:+1', 'due:0', 'due:-1', 'due:-3', 'due:-7']);
    expect(first.unread).toBe(7);
    expect(first.items[0]).toMatchObject({ periodCode: PERIOD, periodName: '2026年上半年' });
    const paged = (await sec.get<{ items: NotificationItem[]; nextBefore: number }>('/api/notifications?limit=2')).body;
    expect(paged.items).toHaveLength(2);
    expect((await sec.get<{ items: NotificationItem[] }>(`/api/notifications?limit=2&before=${paged.nextBefore}`)).body.items[0].stage).toBe('due:+1');

    const read = await sec.post<NotificationItem>(`/api/notifications/${first.items[0].id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    expect((await sec.get<{ unread: number }>('/api/notifications')).body.unread).toBe(6);
    // Someone else's notification does not exist for this user.
    expect((await as['sec-hospital'].post(`/api/notifications/${first.items[1].id}/read`)).status).toBe(404);
    expect((await sec.post<{ updated: number }>('/api/notifications/read-all')).body.updated).toBe(6);
    expect((await sec.get<{ unread: number }>('/api/notifications?unread=true')).body).toMatchObject({ unread: 0, items: [] });
  });

  it('preferences: secrets are write-only, e-mail can be switched off', async () => {
    const sec = as['sec-school-2'];
    const p = await sec.get<{ email: { enabled: boolean; active: boolean; address: string }; webhook: { type: string; url: string; secretSet: boolean; secretHint: string } }>('/api/notifications/preferences');
    expect(p.body.email).toEqual({ enabled: true, active: true, address: 'sec-school-2@example.gov.cn' });
    expect(p.body.webhook).toMatchObject({ type: 'generic', secretSet: true, secretHint: 'whse…6789' });
    expect(JSON.stringify(p.body)).not.toContain('whsec-school-2-0123456789');
    const off = await sec.put<{ email: { enabled: boolean; active: boolean } }>('/api/notifications/preferences', { email: false });
    expect(off.body.email).toMatchObject({ enabled: false, active: false });
    const audit = (await h.db.query(`SELECT detail FROM audit_log WHERE action = 'notifications.preferences'`)) as { detail: string }[];
    expect(audit.map((a) => a.detail).join()).not.toContain('whsec-school-2-0123456789');
  });

  it('reminder rules are admin-editable and validated', async () => {
    const r = await admin.get<{ rules: { offsets: number[] } }>('/api/reminders/rules');
    expect(r.body.rules.offsets).toEqual([-7, -3, -1, 0, 1, 3]);
    expect((await admin.put('/api/reminders/rules', { offsets: [3, 3] })).status).toBe(400);
    const saved = await admin.put<{ rules: { offsets: number[]; escalate: boolean } }>('/api/reminders/rules', { offsets: [-5, 0, 7] });
    expect(saved.body.rules).toMatchObject({ offsets: [-5, 0, 7], escalate: true });
    expect((await leader.put('/api/reminders/rules', { offsets: [1] })).status).toBe(403);
  });

  it('group-chat robots: DingTalk and Feishu messages carry their documented signatures (channel test)', async () => {
    const ding = await admin.post<{ id: number }>('/api/notification-channels', { unitCode: 'school-1-b1', name: '第一支部钉钉群', type: 'dingtalk', url: `${receiver.url}/ding?access_token=ding-token-0123456789`, secret: 'SECding0123456789' });
    const feishu = await admin.post<{ id: number }>('/api/notification-channels', { unitCode: 'school-1-b1', name: '第一支部飞书群', type: 'feishu', url: `${receiver.url}/feishu/hook-0123456789abcdef`, secret: 'feishu-secret-0123' });
    expect([ding.status, feishu.status]).toEqual([201, 201]);
    for (const c of [ding.body, feishu.body]) expect((await admin.post(`/api/notification-channels/${c.id}/test`)).status).toBe(202);
    await waitFor(() => receiver.at('/ding').length === 1 && receiver.at('/feishu/hook-0123456789abcdef').length === 1, 30_000, 'robot messages');

    const d = receiver.at('/ding')[0];
    const q = new URL(d.url, 'http://x').searchParams;
    expect(q.get('access_token')).toBe('ding-token-0123456789');
    const ts = Number(q.get('timestamp'));
    expect(Math.abs(ts - Date.now())).toBeLessThan(60_000); // real milliseconds: DingTalk allows an hour
    // The raw query holds the URL-encoded Base64 exactly as DingTalk documents it.
    expect(d.url).toContain(`&sign=${dingtalkSign('SECding0123456789', ts).sign}`);
    expect(JSON.parse(d.body)).toMatchObject({ msgtype: 'markdown', markdown: { title: '【测试消息】通知渠道配置成功' } });

    const f = JSON.parse(receiver.at('/feishu/hook-0123456789abcdef')[0].body) as { timestamp: string; sign: string; msg_type: string };
    expect(f.msg_type).toBe('post');
    expect(f.sign).toBe(feishuSign('feishu-secret-0123', Number(f.timestamp)).sign);

    const list = (await admin.get<{ name: string; url: string; lastDelivery: { status: string } | null }[]>('/api/notification-channels?unitCode=school-1-b1')).body;
    expect(list.map((c) => [c.name, c.lastDelivery?.status])).toEqual([
      ['第一支部钉钉群', 'delivered'],
      ['第一支部飞书群', 'delivered'],
    ]);
    expect(JSON.stringify(list)).not.toMatch(/ding-token-0123456789|hook-0123456789abcdef|SECding0123456789/);
    // An edu admin manages only edu's subtree.
    const eduAdmin = await admin.login('edu-admin', PASSWORD);
    expect((await eduAdmin.get('/api/notification-channels?unitCode=hospital')).status).toBe(404);
    expect((await eduAdmin.post('/api/notification-channels', { unitCode: 'hospital', name: 'x', type: 'wecom', url: `${receiver.url}/x` })).status).toBe(404);
  });

  it('the per-channel token bucket: 20 a minute per robot, other channels unaffected', async () => {
    const redis = new IORedis(TEST_REDIS, { maxRetriesPerRequest: 1 });
    try {
      const limiter = new DeliveryRateLimiter(redis, { ...h.config, queuePrefix: `${h.config.queuePrefix}-bucket` });
      const waits: number[] = [];
      for (let i = 0; i < 21; i++) waits.push(await limiter.take('wecom', 999));
      expect(waits.slice(0, 20).every((w) => w === 0)).toBe(true);
      expect(waits[20]).toBeGreaterThan(1000);
      expect(waits[20]).toBeLessThanOrEqual(3000);
      expect(await limiter.take('wecom', 998)).toBe(0);
      expect(await limiter.take('email', null)).toBe(0);
    } finally {
      await redis.quit();
    }
  });
});
