// The permission matrix: every route the running api exposes (read from the Express router, so a
// new route is covered the day it is added) × every kind of caller × a resource inside and outside
// the caller's scope, against the table below. A route missing from the table fails with its name;
// so does a table entry that no longer matches a route.
//
// Callers: nobody (no token), the bureau's admin and leader (root unit), edu's admin and leader (a
// sub-tree), and school-1's secretary. Resources are real and seeded: "in" lies under school-1 (in
// every caller's scope), "out" under hospital (outside edu's and school-1's), "missing" does not
// exist. Out of scope must answer exactly what missing answers.
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { DEFAULT_ASSESSMENT_RULES } from '@thermocline/analytics';
import { ACCESS_KEY, type AccessRule } from '../../apps/api/src/common/access.decorator';
import { createBureau, PASSWORD } from '../support/bureau';
import { ADMIN_PASSWORD, startHarness, type Harness } from '../support/harness';
import { Client, fileForm, type Reply } from '../support/http';
import { waitFor } from '../support/redis-server';
import { bulkForm } from '../support/intake';
import { settled, upload } from '../support/reports';
import { WorkerProcess } from '../support/worker-process';
import { auditedRequests, HEALTH_BRANCH_MARKERS, insertNotification, SOURCE } from './support';

const WHO = ['anon', 'admin', 'eduAdmin', 'leader', 'eduLeader', 'sec'] as const;
type Who = (typeof WHO)[number];
const USERNAME: Record<Exclude<Who, 'anon'>, string> = { admin: 'admin', eduAdmin: 'edu-admin', leader: 'leader', eduLeader: 'edu-leader', sec: 'sec-school-1' };
/** Callers whose scope ends at edu or school-1: "out" is outside it, and no answer may mention the health branch. */
const NARROW: readonly Who[] = ['eduAdmin', 'eduLeader', 'sec'];

type Target = 'in' | 'out' | 'missing' | '-';
type Want = 200 | 201 | 202 | 204 | 400 | 401 | 403 | 404 | 409;
/** One caller's expected answer: the same for every target, or [in, out] (missing is 404 unless said). */
type Cell = Want | readonly [Want, Want];
type Row = Record<Who, Cell>;

interface Req {
  path: string;
  body?: unknown;
  /** The identifier in the path/body for this target, replaced by <id> when comparing out with missing. */
  id?: string;
}

interface RouteSpec {
  /** Targets to try; '-' for a route without a resource of its own. */
  targets: readonly Target[];
  req(t: Target, who: Who): Req | Promise<Req>;
  want: Row;
  /** What "missing" answers when it is not 404 (e.g. the import's 400 for an unknown parent). */
  missing?: Want;
  /** After a 2xx: e.g. keep the new token a password change hands back. */
  after?(reply: Reply<Record<string, unknown>>, who: Who): void;
}

const P = '2026-H1';
const ADMIN_NEW_PASSWORD = 'Rotated-Pass-2026!';
/** An SMTP server without login on a port nothing listens on. */
const MAIL = { host: '127.0.0.1', port: 9, secure: false, username: null, from: 'Thermocline <noreply@example.gov.cn>' };

/** [anon, admin, eduAdmin, leader, eduLeader, sec] */
const row = (anon: Cell, admin: Cell, eduAdmin: Cell, leader: Cell, eduLeader: Cell, sec: Cell): Row => ({ anon, admin, eduAdmin, leader, eduLeader, sec });
const PUBLIC = row(200, 200, 200, 200, 200, 200);
const SIGNED_IN = row(401, 200, 200, 200, 200, 200);
/** Read of one scoped resource by anyone signed in (admin, leader, secretary). */
const SCOPED_READ = row(401, [200, 200], [200, 404], [200, 200], [200, 404], [200, 404]);
const LEADERS = row(401, 200, 200, 200, 200, 403);
const LEADERS_SCOPED = row(401, [200, 200], [200, 404], [200, 200], [200, 404], 403);
const ADMINS = row(401, 200, 200, 403, 403, 403);
const admins = (ok: Want): Row => row(401, [ok, ok], [ok, 404], 403, 403, 403);
/** A write to what the whole bureau shares: the root unit's admin only. */
const bureau = (ok: Want): Row => row(401, ok, 403, 403, 403, 403);
/** A write for a unit: its secretary, or an admin over it. */
const unitWrite = (ok: Want): Row => row(401, [ok, ok], [ok, 404], 403, 403, [ok, 404]);

describe('permission matrix: every route × every caller × in / out of scope', () => {
  let h: Harness;
  const clients = {} as Record<Who, Client>;
  const passwords: Record<string, string> = {};
  const refused: string[] = [];
  let n = 0;
  const unique = (prefix: string) => `${prefix}-${++n}`;
  const ids = {
    report: { in: 0, out: 0 },
    retry: { in: 0, out: 0 },
    mention: { in: '', out: '' },
    channel: { in: 0, out: 0 },
    run: { in: 0, out: 0 },
    notification: {} as Record<Who | 'out', number>,
    metric: '',
    foreignBatch: '',
  };
  const MISSING_ID = '999999999';

  beforeAll(async () => {
    h = await startHarness({ WORKER_LOCK_MS: '4000' });
    const anon = new Client(h.url);
    const admin = await anon.login('admin', ADMIN_PASSWORD);
    await createBureau(admin);
    for (const [code, y] of [
      [P, 2026],
      ['2099-H1', 2099],
    ] as const) {
      expect((await admin.post('/api/periods', { code, startsOn: `${y}-01-01`, endsOn: `${y}-06-30`, dueOn: `${y}-07-10` })).status).toBe(201);
    }
    clients.anon = anon;
    for (const who of WHO.slice(1) as Exclude<Who, 'anon'>[]) {
      passwords[who] = who === 'admin' ? ADMIN_PASSWORD : PASSWORD;
      clients[who] = await anon.login(USERNAME[who], passwords[who]);
    }

    // Reports with mentions: version 1 of each is the target (extracted); version 2 is what a
    // re-extraction re-queues and what retry is tried on.
    const secHospital = await anon.login('sec-hospital', PASSWORD);
    const worker = await WorkerProcess.start(h.env);
    try {
      const up = async (c: Client, unit: string, tag: string) => {
        const r = await upload(c, unit, P, `${tag}.txt`, Buffer.from(`${SOURCE}\n${tag}`));
        expect(r.status).toBe(202);
        return r.body.id;
      };
      ids.report.in = await up(clients.sec, 'school-1', 'in-v1');
      ids.report.out = await up(secHospital, 'hospital', 'out-v1');
      ids.retry.in = await up(clients.sec, 'school-1', 'in-v2');
      ids.retry.out = await up(secHospital, 'hospital', 'out-v2');
      await settled(admin, [ids.report.in, ids.report.out, ids.retry.in, ids.retry.out]);
      // …and aggregated: the dashboard has its figures and flags (near-duplicates across branches).
      await waitFor(async () => {
        const gap = await admin.get<{ units: { code: string; flags: { code: string }[] }[] }>(`/api/dashboard/gap?period=${P}`);
        return ['school-1', 'hospital'].every((c) => gap.body.units?.find((u) => u.code === c)?.flags.some((f) => f.code === 'near_duplicate'));
      }, 30_000, 'the period to be aggregated');
    } finally {
      await worker.stop();
    }
    const firstMention = async (id: number) => (await admin.get<{ id: string }[]>(`/api/reports/${id}/mentions`)).body[0].id;
    ids.mention.in = await firstMention(ids.report.in);
    ids.mention.out = await firstMention(ids.report.out);

    const channel = async (unitCode: string) => (await admin.post<{ id: number }>('/api/notification-channels', { unitCode, name: `${unitCode} 工作群`, type: 'wecom', url: 'http://127.0.0.1:9/hook' })).body.id;
    ids.channel.in = await channel('school-1');
    ids.channel.out = await channel('hospital');

    // A re-extraction run by edu's admin covers edu; one by the bureau's admin covers everything.
    ids.run.in = (await clients.eduAdmin.post<{ id: number }>('/api/admin/reextract', { periodCode: P })).body.id;
    ids.run.out = (await admin.post<{ id: number }>('/api/admin/reextract', { periodCode: P })).body.id;

    for (const who of WHO.slice(1) as Exclude<Who, 'anon'>[]) ids.notification[who] = await insertNotification(h.db, USERNAME[who], `${who} 的通知`);
    ids.notification.out = await insertNotification(h.db, 'sec-hospital', '医院书记的通知');
    ids.metric = (await admin.get<{ key: string }[]>('/api/metrics')).body[0].key;
    // Another clerk's batch: no caller of the matrix made it.
    expect((await admin.post('/api/users', { username: 'bulk-clerk', password: PASSWORD, displayName: '收文员', role: 'admin', unitCode: 'bureau' })).status).toBe(201);
    const clerk = await anon.login('bulk-clerk', PASSWORD);
    ids.foreignBatch = (await clerk.post<{ batchId: string }>('/api/reports/bulk', bulkForm(P, [{ name: 'c.txt', bytes: Buffer.from(`${SOURCE}\n外部批次`) }]))).body.batchId;
  });
  afterAll(() => h?.close());

  const unitOf = (t: Target) => (t === 'in' ? 'school-1' : t === 'out' ? 'hospital' : 'no-such-unit');
  const reportOf = (t: Target) => String(t === 'in' ? ids.report.in : t === 'out' ? ids.report.out : MISSING_ID);
  const userOf = (t: Target) => (t === 'in' ? 'sec-school-1' : t === 'out' ? 'sec-hospital' : 'no-such-user');
  const pick = (t: Target, pair: { in: number | string; out: number | string }, missing: string): string => String(t === 'in' ? pair.in : t === 'out' ? pair.out : missing);
  const IN_OUT: readonly Target[] = ['in', 'out', 'missing'];
  const IN_ONLY: readonly Target[] = ['in', 'missing'];
  const NONE: readonly Target[] = ['-'];
  const csv = (parent: string) => fileForm({}, { name: 'units.csv', bytes: Buffer.from(`code,name,parentCode,memberCount\n${unique('imp')},导入单位,${parent},3\n`) });

  /** The table: one entry per route, keyed as the router names it. */
  const ROUTES: Record<string, RouteSpec> = {
    // OpenAPI (swagger-ui-express mounts these itself).
    'GET /api/docs': { targets: NONE, req: () => ({ path: '/api/docs' }), want: PUBLIC },
    'GET /api/docs/': { targets: NONE, req: () => ({ path: '/api/docs/' }), want: PUBLIC },
    'GET /api/docs/index.html': { targets: NONE, req: () => ({ path: '/api/docs/index.html' }), want: PUBLIC },
    'GET /api/docs/swagger-ui-init.js': { targets: NONE, req: () => ({ path: '/api/docs/swagger-ui-init.js' }), want: PUBLIC },
    'GET /api/docs/docs/swagger-ui-init.js': { targets: NONE, req: () => ({ path: '/api/docs/docs/swagger-ui-init.js' }), want: PUBLIC },
    // Registered by swagger-ui-express, but the file is not shipped: 404 for everyone.
    'GET /api/docs/LICENSE': { targets: NONE, req: () => ({ path: '/api/docs/LICENSE' }), want: row(404, 404, 404, 404, 404, 404) },
    'GET /api/docs-json': { targets: NONE, req: () => ({ path: '/api/docs-json' }), want: PUBLIC },
    'GET /api/docs-yaml': { targets: NONE, req: () => ({ path: '/api/docs-yaml' }), want: PUBLIC },

    // auth, health
    'POST /api/auth/login': { targets: NONE, req: () => ({ path: '/api/auth/login', body: { username: 'sec-school-2', password: PASSWORD } }), want: PUBLIC },
    'GET /api/auth/me': { targets: NONE, req: () => ({ path: '/api/auth/me' }), want: SIGNED_IN },
    'POST /api/auth/refresh': {
      targets: NONE,
      req: () => ({ path: '/api/auth/refresh' }),
      want: SIGNED_IN,
      // A refresh revokes the token it replaces: carry on with the fresh one.
      after: (r, who) => {
        clients[who] = clients.anon.as(String(r.body.accessToken));
      },
    },
    'PUT /api/auth/password': {
      targets: NONE,
      req: (_t, who) => ({ path: '/api/auth/password', body: { currentPassword: passwords[who] ?? PASSWORD, newPassword: who === 'admin' ? ADMIN_NEW_PASSWORD : PASSWORD } }),
      want: SIGNED_IN,
      // Every earlier token stops working: carry on with the one the change hands back.
      after: (r, who) => {
        clients[who] = clients.anon.as(String(r.body.accessToken));
        if (who === 'admin') passwords.admin = ADMIN_NEW_PASSWORD;
      },
    },
    'GET /api/health': { targets: NONE, req: () => ({ path: '/api/health' }), want: PUBLIC },

    // first-run setup: open to all, and done once (ADMIN_PASSWORD) — a completion is refused for everyone
    'GET /api/setup': { targets: NONE, req: () => ({ path: '/api/setup' }), want: PUBLIC },
    'POST /api/setup': {
      targets: NONE,
      req: () => ({ path: '/api/setup', body: { setupCode: 'AAAA-BBBB-CCCC', admin: { username: 'boss', password: 'Another-Admin-2026!', displayName: '某人' }, root: { code: 'other', name: '另一个局', memberCount: 1 } } }),
      want: row(409, 409, 409, 409, 409, 409),
    },

    'GET /api/audit': { targets: NONE, req: () => ({ path: '/api/audit?limit=500' }), want: ADMINS },
    'GET /api/audit/export.xlsx': { targets: NONE, req: () => ({ path: '/api/audit/export.xlsx' }), want: ADMINS },

    // units
    'GET /api/units': { targets: NONE, req: () => ({ path: '/api/units' }), want: SIGNED_IN },
    'GET /api/units/tree': { targets: NONE, req: () => ({ path: '/api/units/tree' }), want: SIGNED_IN },
    'GET /api/units/export.xlsx': { targets: NONE, req: () => ({ path: '/api/units/export.xlsx' }), want: LEADERS },
    'GET /api/units/import/template.xlsx': { targets: NONE, req: () => ({ path: '/api/units/import/template.xlsx' }), want: ADMINS },
    'POST /api/units/import': {
      targets: IN_OUT,
      // A dry run: every check, nothing written. An unknown parent is a bad row (400), and one outside
      // the importer's sub-tree must read exactly like it.
      req: (t) => ({ path: '/api/units/import?dryRun=1', body: csv(unitOf(t)), id: unitOf(t) }),
      want: row(401, [200, 200], [200, 400], 403, 403, 403),
      missing: 400,
    },
    'GET /api/units/levels': { targets: NONE, req: () => ({ path: '/api/units/levels' }), want: SIGNED_IN },
    'PUT /api/units/levels': { targets: NONE, req: () => ({ path: '/api/units/levels', body: { names: ['局党组'] } }), want: bureau(200) },
    'GET /api/units/:code': { targets: IN_OUT, req: (t) => ({ path: `/api/units/${unitOf(t)}`, id: unitOf(t) }), want: SCOPED_READ },
    'POST /api/units': {
      targets: IN_OUT,
      req: (t) => ({ path: '/api/units', body: { code: unique('unit'), name: '矩阵新单位', parentCode: unitOf(t), memberCount: 1 }, id: unitOf(t) }),
      want: admins(201),
    },
    'PATCH /api/units/:code': {
      targets: IN_OUT,
      req: (t) => ({ path: `/api/units/${unitOf(t)}`, body: { memberCount: t === 'out' ? 120 : 85 }, id: unitOf(t) }),
      want: admins(200),
    },
    'DELETE /api/units/:code': {
      targets: IN_OUT,
      req: async (t) => {
        if (t === 'missing') return { path: '/api/units/no-such-unit', id: 'no-such-unit' };
        const code = unique('leaf');
        expect((await clients.admin.post('/api/units', { code, name: '待删除', parentCode: unitOf(t), memberCount: 0 })).status).toBe(201);
        return { path: `/api/units/${code}`, id: code };
      },
      want: admins(204),
    },

    // users
    'GET /api/users': { targets: IN_OUT, req: (t) => ({ path: `/api/users?unitCode=${unitOf(t)}`, id: unitOf(t) }), want: SCOPED_READ },
    'GET /api/users/:username': { targets: IN_OUT, req: (t) => ({ path: `/api/users/${userOf(t)}`, id: userOf(t) }), want: SCOPED_READ },
    'POST /api/users': {
      targets: IN_OUT,
      req: (t) => ({ path: '/api/users', body: { username: unique('mx'), password: PASSWORD, displayName: '矩阵用户', role: 'secretary', unitCode: unitOf(t) }, id: unitOf(t) }),
      want: admins(201),
    },
    'PATCH /api/users/:username': {
      targets: IN_OUT,
      req: (t) => ({ path: `/api/users/${userOf(t)}`, body: { displayName: t === 'out' ? '医院书记' : '一中书记' }, id: userOf(t) }),
      want: admins(200),
    },

    // periods: bureau-wide, read by all, written by the bureau's admin
    'GET /api/periods': { targets: NONE, req: () => ({ path: '/api/periods' }), want: SIGNED_IN },
    'GET /api/periods/:code': { targets: IN_ONLY, req: (t) => ({ path: `/api/periods/${t === 'in' ? P : 'no-such-period'}` }), want: SIGNED_IN },
    'POST /api/periods': { targets: NONE, req: () => ({ path: '/api/periods', body: { code: unique('2030-Q'), startsOn: '2030-01-01', endsOn: '2030-03-31', dueOn: '2030-04-10' } }), want: bureau(201) },
    'PATCH /api/periods/:code': { targets: IN_ONLY, req: (t) => ({ path: `/api/periods/${t === 'in' ? '2099-H1' : 'no-such-period'}`, body: { name: '2099年上半年' } }), want: bureau(200) },
    // Closing and reopening: each try gets a period of its own, so nothing else sees it frozen.
    'POST /api/periods/:code/close': {
      targets: IN_ONLY,
      req: async (t) => {
        if (t === 'missing') return { path: '/api/periods/no-such-period/close', body: {} };
        const code = unique('2031-C');
        expect((await clients.admin.post('/api/periods', { code, startsOn: '2031-01-01', endsOn: '2031-03-31', dueOn: '2031-04-10' })).status).toBe(201);
        return { path: `/api/periods/${code}/close`, body: {} };
      },
      want: bureau(200),
    },
    'POST /api/periods/:code/reopen': {
      targets: IN_ONLY,
      req: async (t) => {
        if (t === 'missing') return { path: '/api/periods/no-such-period/reopen', body: {} };
        const code = unique('2031-R');
        expect((await clients.admin.post('/api/periods', { code, startsOn: '2031-01-01', endsOn: '2031-03-31', dueOn: '2031-04-10' })).status).toBe(201);
        expect((await clients.admin.post(`/api/periods/${code}/close`, {})).status).toBe(200);
        return { path: `/api/periods/${code}/reopen`, body: {} };
      },
      want: bureau(200),
    },

    // reports and mentions
    'POST /api/reports': {
      targets: IN_OUT,
      req: (t) => ({ path: '/api/reports', body: fileForm({ unitCode: unitOf(t), periodCode: P }, { name: 'r.txt', bytes: Buffer.from(`${SOURCE}\n${unique('upload')}`) }), id: unitOf(t) }),
      want: unitWrite(202),
    },
    // bulk intake: admins and leaders, for their subtree; a batch is its maker's alone ("out" is
    // another clerk's batch, which must read like one that does not exist).
    'POST /api/reports/bulk': {
      targets: NONE,
      req: () => ({ path: '/api/reports/bulk', body: bulkForm(P, [{ name: '附件1.txt', bytes: Buffer.from(`一中党总支上半年意识形态工作报告\n${SOURCE}\n${unique('bulk')}`) }]) }),
      want: row(401, 200, 200, 200, 200, 403),
    },
    'POST /api/reports/bulk/:batchId/confirm': {
      targets: IN_OUT,
      req: async (t, who) => {
        let id = '00000000-0000-4000-8000-000000000000';
        if (t === 'out') id = ids.foreignBatch;
        if (t === 'in' && who !== 'anon' && who !== 'sec') {
          const made = await clients[who].post<{ batchId: string }>('/api/reports/bulk', bulkForm(P, [{ name: 'b.txt', bytes: Buffer.from(`${SOURCE}\n${unique('batch')}`) }]));
          id = made.body.batchId;
        }
        return { path: `/api/reports/bulk/${id}/confirm`, body: { items: [] }, id };
      },
      want: row(401, [200, 404], [200, 404], [200, 404], [200, 404], 403),
    },
    'GET /api/reports': { targets: IN_OUT, req: (t) => ({ path: `/api/reports?unitCode=${unitOf(t)}`, id: unitOf(t) }), want: SCOPED_READ },
    'GET /api/reports/:id': { targets: IN_OUT, req: (t) => ({ path: `/api/reports/${reportOf(t)}`, id: reportOf(t) }), want: SCOPED_READ },
    'GET /api/reports/:id/mentions': { targets: IN_OUT, req: (t) => ({ path: `/api/reports/${reportOf(t)}/mentions`, id: reportOf(t) }), want: SCOPED_READ },
    'POST /api/reports/:id/mentions': {
      targets: IN_OUT,
      req: (t) => ({ path: `/api/reports/${reportOf(t)}/mentions`, body: { key: ids.metric, value: 1, start: 0, end: 2 }, id: reportOf(t) }),
      want: unitWrite(201),
    },
    'GET /api/reports/:id/file': { targets: IN_OUT, req: (t) => ({ path: `/api/reports/${reportOf(t)}/file`, id: reportOf(t) }), want: SCOPED_READ },
    'POST /api/reports/:id/retry': {
      targets: IN_OUT,
      req: async (t) => {
        const id = String(pick(t, ids.retry, MISSING_ID));
        await h.db.query("UPDATE reports SET status = 'failed', error = '测试：处理失败' WHERE id = ?", [id]);
        return { path: `/api/reports/${id}/retry`, id };
      },
      want: unitWrite(202),
    },
    'PATCH /api/mentions/:id': {
      targets: IN_OUT,
      req: (t) => ({ path: `/api/mentions/${pick(t, ids.mention, MISSING_ID)}`, body: { state: 'confirmed' }, id: pick(t, ids.mention, MISSING_ID) }),
      want: unitWrite(200),
    },

    // dashboard
    'GET /api/dashboard/gap': { targets: NONE, req: () => ({ path: `/api/dashboard/gap?period=${P}` }), want: LEADERS },
    'GET /api/dashboard/comparison': { targets: NONE, req: () => ({ path: `/api/dashboard/comparison?period=${P}&metric=temperature` }), want: LEADERS },
    'GET /api/dashboard/comparison.xlsx': { targets: NONE, req: () => ({ path: `/api/dashboard/comparison.xlsx?period=${P}&metric=temperature` }), want: LEADERS },
    'GET /api/dashboard/trend': { targets: IN_OUT, req: (t) => ({ path: `/api/dashboard/trend?unitCode=${unitOf(t)}&metric=temperature`, id: unitOf(t) }), want: LEADERS_SCOPED },
    'GET /api/dashboard/heatmap': { targets: NONE, req: () => ({ path: `/api/dashboard/heatmap?period=${P}` }), want: LEADERS },
    'GET /api/dashboard/problems': { targets: NONE, req: () => ({ path: `/api/dashboard/problems?period=${P}` }), want: LEADERS },
    'GET /api/dashboard/promises': { targets: NONE, req: () => ({ path: `/api/dashboard/promises?period=${P}` }), want: LEADERS },
    'GET /api/dashboard/bulletin.docx': { targets: NONE, req: () => ({ path: `/api/dashboard/bulletin.docx?period=${P}` }), want: LEADERS },
    'GET /api/dashboard/units/:code': { targets: IN_OUT, req: (t) => ({ path: `/api/dashboard/units/${unitOf(t)}?period=${P}`, id: unitOf(t) }), want: SCOPED_READ },

    // 年度考核: leaders read their subtree's scores; they score units in it; the bureau's admin edits the 细则
    'GET /api/assessment': { targets: NONE, req: () => ({ path: `/api/assessment?period=${P}` }), want: LEADERS },
    'GET /api/assessment/export.xlsx': { targets: NONE, req: () => ({ path: `/api/assessment/export.xlsx?period=${P}` }), want: LEADERS },
    'PUT /api/assessment/scores': {
      targets: IN_OUT,
      req: (t) => ({ path: '/api/assessment/scores', body: { period: P, unitCode: unitOf(t), itemId: 'org.body', score: 3, reason: '矩阵评分' }, id: unitOf(t) }),
      want: LEADERS_SCOPED,
    },
    'GET /api/assessment/rules': { targets: NONE, req: () => ({ path: '/api/assessment/rules' }), want: LEADERS },
    'GET /api/assessment/rules/versions': { targets: NONE, req: () => ({ path: '/api/assessment/rules/versions' }), want: LEADERS },
    'PUT /api/assessment/rules': { targets: NONE, req: () => ({ path: '/api/assessment/rules', body: { rules: DEFAULT_ASSESSMENT_RULES, note: '矩阵' } }), want: bureau(200) },

    // admin
    'GET /api/admin/analytics-settings': { targets: NONE, req: () => ({ path: '/api/admin/analytics-settings' }), want: ADMINS },
    'PUT /api/admin/analytics-settings': { targets: NONE, req: () => ({ path: '/api/admin/analytics-settings', body: { thresholds: { cold: 40 } } }), want: bureau(200) },
    'POST /api/admin/reextract': { targets: NONE, req: () => ({ path: '/api/admin/reextract', body: { periodCode: '2099-H1' } }), want: row(401, 202, 202, 403, 403, 403) },
    'GET /api/admin/reextract/:id': {
      targets: IN_OUT,
      req: (t) => ({ path: `/api/admin/reextract/${pick(t, ids.run, MISSING_ID)}`, id: String(pick(t, ids.run, MISSING_ID)) }),
      want: admins(200),
    },
    'POST /api/admin/queues/session': { targets: NONE, req: () => ({ path: '/api/admin/queues/session' }), want: bureau(200) },
    // e-mail (SMTP) settings: the bureau's administrators only. The test mail goes to a closed port
    // (an answer of {ok:false} with the reason, quickly), so the admin's settings are stored first.
    'GET /api/admin/mail': { targets: NONE, req: () => ({ path: '/api/admin/mail' }), want: bureau(200) },
    'PUT /api/admin/mail': { targets: NONE, req: () => ({ path: '/api/admin/mail', body: MAIL }), want: bureau(200) },
    'DELETE /api/admin/mail': { targets: NONE, req: () => ({ path: '/api/admin/mail' }), want: bureau(200) },
    'POST /api/admin/mail/test': {
      targets: NONE,
      req: async (_t, who) => {
        if (who === 'admin') expect((await clients.admin.put('/api/admin/mail', MAIL)).status).toBe(200);
        return { path: '/api/admin/mail/test', body: { to: 'it@example.gov.cn' } };
      },
      want: bureau(200),
    },

    // metric catalogue: bureau-wide
    'GET /api/metrics': { targets: NONE, req: () => ({ path: '/api/metrics' }), want: SIGNED_IN },
    'GET /api/metrics/unclassified': { targets: NONE, req: () => ({ path: '/api/metrics/unclassified' }), want: ADMINS },
    'PUT /api/metrics/:key': { targets: IN_ONLY, req: (t) => ({ path: `/api/metrics/${t === 'in' ? ids.metric : 'no.such_key'}`, body: { enabled: true } }), want: bureau(200) },
    'POST /api/metrics': {
      targets: NONE,
      req: () => ({ path: '/api/metrics', body: { key: `civility.mx${++n}`, name: '矩阵指标', category: 'civility', measureWords: ['次'], triggers: [`矩阵活动${n}`] } }),
      want: bureau(201),
    },

    // notifications: the caller's own
    'GET /api/notifications': { targets: NONE, req: () => ({ path: '/api/notifications' }), want: SIGNED_IN },
    'POST /api/notifications/read-all': { targets: NONE, req: () => ({ path: '/api/notifications/read-all' }), want: SIGNED_IN },
    'GET /api/notifications/preferences': { targets: NONE, req: () => ({ path: '/api/notifications/preferences' }), want: SIGNED_IN },
    'PUT /api/notifications/preferences': { targets: NONE, req: () => ({ path: '/api/notifications/preferences', body: { email: true } }), want: SIGNED_IN },
    'POST /api/notifications/:id/read': {
      targets: IN_OUT,
      // "out" is sec-hospital's notification: someone else's for every caller, the bureau's admin included.
      req: (t, who) => {
        const id = String(t === 'in' ? (ids.notification[who] ?? ids.notification.out) : t === 'out' ? ids.notification.out : MISSING_ID);
        return { path: `/api/notifications/${id}/read`, id };
      },
      want: row(401, [200, 404], [200, 404], [200, 404], [200, 404], [200, 404]),
    },

    // group-chat channels and the delivery log: admins, in their sub-tree
    'GET /api/notification-channels': { targets: IN_OUT, req: (t) => ({ path: `/api/notification-channels?unitCode=${unitOf(t)}`, id: unitOf(t) }), want: admins(200) },
    'POST /api/notification-channels': {
      targets: IN_OUT,
      req: (t) => ({ path: '/api/notification-channels', body: { unitCode: unitOf(t), name: '矩阵测试群', type: 'wecom', url: 'http://127.0.0.1:9/matrix' }, id: unitOf(t) }),
      want: admins(201),
    },
    'PATCH /api/notification-channels/:id': {
      targets: IN_OUT,
      req: (t) => ({ path: `/api/notification-channels/${pick(t, ids.channel, MISSING_ID)}`, body: { enabled: true }, id: String(pick(t, ids.channel, MISSING_ID)) }),
      want: admins(200),
    },
    'DELETE /api/notification-channels/:id': {
      targets: IN_OUT,
      req: async (t) => {
        if (t === 'missing') return { path: `/api/notification-channels/${MISSING_ID}`, id: MISSING_ID };
        const r = await clients.admin.post<{ id: number }>('/api/notification-channels', { unitCode: unitOf(t), name: '待删除', type: 'wecom', url: 'http://127.0.0.1:9/x' });
        expect(r.status).toBe(201);
        return { path: `/api/notification-channels/${r.body.id}`, id: String(r.body.id) };
      },
      want: admins(204),
    },
    'POST /api/notification-channels/:id/test': {
      targets: IN_OUT,
      req: (t) => ({ path: `/api/notification-channels/${pick(t, ids.channel, MISSING_ID)}/test`, id: String(pick(t, ids.channel, MISSING_ID)) }),
      want: admins(202),
    },
    'GET /api/notification-deliveries': { targets: NONE, req: () => ({ path: '/api/notification-deliveries' }), want: ADMINS },

    // 大屏 links: issued for the administrator's own unit; the wall's data only with a link's token
    'GET /api/wall-links': { targets: NONE, req: () => ({ path: '/api/wall-links' }), want: ADMINS },
    'POST /api/wall-links': { targets: NONE, req: () => ({ path: '/api/wall-links', body: { name: '矩阵大屏' } }), want: row(401, 201, 201, 403, 403, 403) },
    'DELETE /api/wall-links/:id': {
      targets: IN_OUT,
      req: async (t) => {
        if (t === 'missing') return { path: `/api/wall-links/${MISSING_ID}`, id: MISSING_ID };
        const r = await (t === 'in' ? clients.eduAdmin : clients.admin).post<{ id: number }>('/api/wall-links', { name: '待撤销' });
        expect(r.status).toBe(201);
        return { path: `/api/wall-links/${r.body.id}`, id: String(r.body.id) };
      },
      want: admins(204),
    },
    'GET /api/wall/data': { targets: NONE, req: () => ({ path: '/api/wall/data' }), want: row(401, 401, 401, 401, 401, 401) },

    // reminders
    'POST /api/reminders/run': { targets: IN_OUT, req: (t) => ({ path: '/api/reminders/run', body: { periodCode: P, unitCode: unitOf(t) }, id: unitOf(t) }), want: LEADERS_SCOPED },
    'GET /api/reminders/rules': { targets: NONE, req: () => ({ path: '/api/reminders/rules' }), want: ADMINS },
    'PUT /api/reminders/rules': { targets: NONE, req: () => ({ path: '/api/reminders/rules', body: { escalate: true } }), want: bureau(200) },
  };

  /** Every route the Express router serves, as "METHOD /path" in registration order. */
  function routerRoutes(): string[] {
    const express = h.app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } };
    const out: string[] = [];
    for (const layer of express.router.stack) {
      if (!layer.route) continue;
      for (const m of Object.keys(layer.route.methods).filter((k) => k !== '_all')) out.push(`${m.toUpperCase()} ${layer.route.path}`);
    }
    return out;
  }

  const expected = (spec: RouteSpec, who: Who, t: Target): Want => {
    const cell = spec.want[who];
    const first = typeof cell === 'number' ? cell : cell[0];
    if (t === 'missing') return first === 401 || first === 403 ? first : (spec.missing ?? 404);
    if (typeof cell === 'number') return cell;
    return t === 'out' ? cell[1] : cell[0];
  };

  /** The body with this target's identifier (as a whole token) replaced, so out and missing compare. */
  const normalise = (body: unknown, id: string | undefined) => {
    const text = JSON.stringify(body);
    return id ? text.replace(new RegExp(`(?<![\\w.-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w.-])`, 'g'), '<id>') : text;
  };

  it('has an entry for every route the router exposes, and none for routes it does not', () => {
    const live = routerRoutes();
    const missing = live.filter((r) => !(r in ROUTES));
    const stale = Object.keys(ROUTES).filter((r) => !live.includes(r));
    expect({ missingFromTable: missing, staleInTable: stale }).toEqual({ missingFromTable: [], staleInTable: [] });
  });

  it('every Nest handler declares an access rule, and only login, health, setup and the wall link’s data (token-checked) are public', () => {
    const scanner = new MetadataScanner();
    const handlers: { name: string; rule: AccessRule | undefined }[] = [];
    for (const mod of h.app.get(ModulesContainer).values()) {
      for (const wrapper of mod.controllers.values()) {
        const type = wrapper.metatype as (new (...a: unknown[]) => object) | null;
        if (!type) continue;
        for (const method of scanner.getAllMethodNames(type.prototype)) {
          const fn = (type.prototype as Record<string, unknown>)[method] as object;
          if (Reflect.getMetadata(PATH_METADATA, fn) === undefined) continue;
          const verb = RequestMethod[Reflect.getMetadata(METHOD_METADATA, fn) as number];
          const rule = (Reflect.getMetadata(ACCESS_KEY, fn) ?? Reflect.getMetadata(ACCESS_KEY, type)) as AccessRule | undefined;
          handlers.push({ name: `${type.name}.${method} (${verb})`, rule });
        }
      }
    }
    expect(handlers.length).toBe(routerRoutes().filter((r) => !r.includes('/api/docs')).length);
    expect(handlers.filter((x) => !x.rule).map((x) => x.name)).toEqual([]);
    expect(handlers.filter((x) => x.rule?.roles === 'public').map((x) => x.name).sort()).toEqual(['AuthController.login (POST)', 'HealthController.check (GET)', 'SetupController.complete (POST)', 'SetupController.status (GET)', 'WallController.data (GET)']);
  });

  it('still flags a near-duplicate across branches, without naming the unit outside the caller’s scope', async () => {
    type Flag = { code: string; reason: string; evidence: Record<string, unknown> };
    const fromGap = async (c: Client) =>
      (await c.get<{ units: { code: string; flags: Flag[] }[] }>(`/api/dashboard/gap?period=${P}`)).body.units.find((u) => u.code === 'school-1')?.flags.find((f) => f.code === 'near_duplicate');
    const fromStanding = async (c: Client) => (await c.get<{ flags: Flag[] }>(`/api/dashboard/units/school-1?period=${P}`)).body.flags.find((f) => f.code === 'near_duplicate');
    const wide = await fromGap(clients.leader);
    expect(wide?.reason).toContain('人民医院党委');
    expect(wide?.evidence.other).toMatchObject({ unitCode: 'hospital' });
    for (const flag of [await fromGap(clients.eduLeader), await fromGap(clients.eduAdmin), await fromStanding(clients.eduLeader), await fromStanding(clients.sec)]) {
      expect(flag?.reason).toMatch(/^与管辖范围外某单位2026-H1 报告相似度 \d+%/);
      expect(flag?.evidence.other).toMatchObject({ unitCode: null, unitId: null, reportId: null });
      expect(JSON.stringify(flag)).not.toMatch(/hospital|人民医院|#\d/);
    }
  });

  it('answers every route × caller × target as the table says; out of scope exactly like missing; no answer leaks the health branch', async () => {
    const failures: string[] = [];
    let calls = 0;
    for (const key of routerRoutes()) {
      const spec = ROUTES[key];
      if (!spec) continue; // named by the test above
      const method = key.slice(0, key.indexOf(' '));
      for (const who of WHO) {
        const bodies: Partial<Record<Target, { status: number; body: string }>> = {};
        for (const t of spec.targets) {
          const req = await spec.req(t, who);
          const reply = await clients[who].request<Record<string, unknown>>(method, req.path, req.body);
          calls++;
          const want = expected(spec, who, t);
          if (reply.status !== want) failures.push(`${key} as ${who} (${t}): want ${want}, got ${reply.status} ${JSON.stringify(reply.body).slice(0, 160)}`);
          if (reply.status >= 500) failures.push(`${key} as ${who} (${t}): 5xx`);
          if (reply.status >= 400) {
            const rid = reply.headers.get('x-request-id');
            if (rid) refused.push(rid);
            if (typeof reply.body !== 'object' || !('message' in reply.body) || reply.body.statusCode !== reply.status) {
              failures.push(`${key} as ${who} (${t}): error body is not {statusCode, error, message}`);
            }
          }
          bodies[t] = { status: reply.status, body: normalise(reply.body, req.id) };
          if (reply.status >= 200 && reply.status < 300) {
            if (NARROW.includes(who) && t !== 'out') {
              const text = Buffer.isBuffer(reply.body) ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
              const leak = HEALTH_BRANCH_MARKERS.find((m) => text.includes(m));
              if (leak) failures.push(`${key} as ${who} (${t}): answer mentions "${leak}" outside the caller's scope`);
            }
            spec.after?.(reply, who);
          }
        }
        // Outside the caller's scope must be indistinguishable from not existing.
        const out = bodies.out;
        const missing = bodies.missing;
        if (out && missing && expected(spec, who, 'out') === expected(spec, who, 'missing') && out.body !== missing.body) {
          failures.push(`${key} as ${who}: out of scope answers ${out.body}, missing answers ${missing.body}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThan(500);
  });

  it('wrote nothing for any refused request', async () => {
    expect(refused.length).toBeGreaterThan(150);
    expect(await auditedRequests(h.db, refused)).toEqual([]);
  });

  describe('the mounts beside the Nest router', () => {
    it('serves nothing else under a path of its own but the web assets and the queue dashboard', () => {
      const express = h.app.getHttpAdapter().getInstance() as { router: { stack: { route?: unknown; rawPath?: unknown; name: string }[] } };
      const mounts = express.router.stack.filter((l) => !l.route && typeof l.rawPath === 'string' && l.rawPath !== '/').map((l) => `${String(l.rawPath)} (${l.name})`);
      // The web assets exist only once the web app is built.
      expect(mounts.filter((m) => m !== '/assets/ (serveStatic)').sort()).toEqual([
        '/api/admin/queues (<anonymous>)',
        '/api/admin/queues (mounted_app)',
        '/api/docs (serveStatic)',
        '/api/docs/docs (serveStatic)',
      ]);
    });

    it('the queue dashboard (bull-board) answers 401 without a ticket, whoever asks', async () => {
      for (const who of WHO) {
        for (const path of ['/api/admin/queues', '/api/admin/queues/', '/api/admin/queues/api/queues']) {
          const r = await clients[who].get(path);
          expect([who, path, r.status]).toEqual([who, path, 401]);
          expect(String(r.body)).toContain('队列面板需要管理员');
        }
      }
    });

    it('opens with a one-minute ticket from the bureau admin, into a 15-minute HttpOnly cookie for its own path only', async () => {
      const session = await clients.admin.post<{ url: string }>('/api/admin/queues/session');
      expect(session.status).toBe(200);
      const first = await fetch(h.url + session.body.url, { redirect: 'manual' });
      expect(first.status).toBe(303);
      const cookie = first.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^tc_queues=[^;]+; Path=\/api\/admin\/queues; HttpOnly; SameSite=Strict; Max-Age=900/);
      const board = await fetch(`${h.url}/api/admin/queues/`, { headers: { cookie: cookie.split(';')[0] } });
      expect(board.status).toBe(200);
      expect(board.headers.get('cache-control')).toBe('no-store');
      // Neither the ticket nor the cookie is a bearer token for the api.
      const ticket = new URL(h.url + session.body.url).searchParams.get('ticket') as string;
      expect((await clients.anon.as(ticket).get('/api/auth/me')).status).toBe(401);
      expect((await clients.anon.as(cookie.split(';')[0].split('=')[1]).get('/api/auth/me')).status).toBe(401);
      // And an access token is not a ticket.
      const token = clients.admin.token as string;
      expect((await fetch(`${h.url}/api/admin/queues?ticket=${token}`, { redirect: 'manual' })).status).toBe(401);
    });

    it('serves the web app for any other GET, and answers unknown /api paths with a JSON 404', async () => {
      const index = await clients.anon.get('/');
      expect([200, 503]).toContain(index.status);
      expect(index.headers.get('content-type')).toMatch(/^text\/(html|plain)/);
      const deep = await clients.anon.get('/reports/12');
      expect(deep.status).toBe(index.status);
      for (const [method, path] of [
        ['GET', '/api/nope'],
        ['GET', '/api'],
        ['POST', '/'],
        ['DELETE', '/api/units'],
      ] as const) {
        const r = await clients.admin.request(method, path);
        expect([method, path, r.status]).toEqual([method, path, 404]);
        expect(r.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
      }
    });
  });
});
