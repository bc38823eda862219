import { DEFAULT_CATALOGUE } from '@thermocline/extraction';
import { createBureau, PASSWORD } from './support/bureau';
import { ADMIN_PASSWORD, startHarness, type Harness } from './support/harness';
import { Client } from './support/http';
import { waitFor } from './support/redis-server';
import { settled, upload } from './support/reports';
import { WorkerProcess } from './support/worker-process';

// A branch that counts its 无偿献血 (blood donation drives): no default metric knows them.
const TEXT = `一中党总支2099年上半年意识形态工作报告
一、加强理论学习
开展集中学习12次，组织党员无偿献血5次，讲党课3次。
二、存在问题
一是学习形式单一；二是宣传力度不够。
三、下步打算
一是丰富学习形式；二是加强宣传。`;

describe('the metric catalogue is data: an admin edits it and re-extracts a period', () => {
  let h: Harness;
  let worker: WorkerProcess;
  let admin: Client;
  let reportId: number;

  beforeAll(async () => {
    h = await startHarness({ WORKER_LOCK_MS: '4000' });
    admin = await new Client(h.url).login('admin', ADMIN_PASSWORD);
    await createBureau(admin);
    await admin.post('/api/periods', { code: '2099-H1', startsOn: '2099-01-01', endsOn: '2099-06-30', dueOn: '2099-07-10' });
    worker = await WorkerProcess.start(h.env);
    const sec = await admin.login('sec-school-1', PASSWORD);
    const r = await upload(sec, 'school-1', '2099-H1', 'report.txt', Buffer.from(TEXT));
    reportId = r.body.id;
    await settled(sec, [reportId]);
  });
  afterAll(async () => {
    await worker?.stop();
    await h?.close();
  });

  // Unclassified counts (no key) read as 未归类: they are kept, never dropped, until a metric takes them.
  const keys = async () => (await admin.get<{ key: string | null; value: number }[]>(`/api/reports/${reportId}/mentions`)).body.map((m) => `${m.key ?? '未归类'}=${m.value}`).sort();

  it('serves the default catalogue to everyone and lets only admins change it', async () => {
    const list = await admin.get<{ key: string; triggers: string[] }[]>('/api/metrics');
    expect(list.body).toHaveLength(DEFAULT_CATALOGUE.length);
    expect(list.body.find((m) => m.key === 'study.party_lecture')?.triggers).toContain('党课');
    const leader = await admin.login('leader', PASSWORD);
    expect((await leader.get('/api/metrics')).status).toBe(200);
    expect((await leader.put('/api/metrics/study.party_lecture', { weight: 2 })).status).toBe(403);
    expect((await admin.put('/api/metrics/no.such', { weight: 2 })).status).toBe(404);
    expect((await admin.put('/api/metrics/study.party_lecture', { triggers: ['x'.repeat(40)] })).status).toBe(400);
  });

  it('adds a metric, re-extracts the period with progress, and the new figure appears', async () => {
    const before = await keys();
    expect(before).toEqual(['study.party_lecture=3', 'study.sessions=12', '未归类=5']);
    const created = await admin.post('/api/metrics', { key: 'civility.blood_donation', name: '无偿献血', category: 'civility', measureWords: ['次', '场'], triggers: ['献血'], normalization: 'per_unit', weight: 1 });
    expect(created.status).toBe(201);

    // Extraction is not re-run by itself: reports already read keep their figures until re-extracted.
    expect(await keys()).toEqual(before);
    const run = await admin.post<{ id: number; total: number; done: number; finished: boolean }>('/api/admin/reextract', { periodCode: '2099-H1' });
    expect(run.status).toBe(202);
    expect(run.body.total).toBe(1);
    await waitFor(async () => (await admin.get<{ finished: boolean; done: number }>(`/api/admin/reextract/${run.body.id}`)).body.finished, 60_000, 're-extraction');
    expect((await admin.get(`/api/admin/reextract/${run.body.id}`)).body).toMatchObject({ total: 1, done: 1, failed: 0, pending: 0 });
    expect(await keys()).toEqual(['civility.blood_donation=5', 'study.party_lecture=3', 'study.sessions=12']);
  });

  it('keeps a reviewer’s corrections through a re-extraction', async () => {
    const sec = await admin.login('sec-school-1', PASSWORD);
    const mentions = (await sec.get<{ id: string; key: string; value: number }[]>(`/api/reports/${reportId}/mentions`)).body;
    const sessions = mentions.find((m) => m.key === 'study.sessions') as { id: string };
    expect((await sec.patch(`/api/mentions/${sessions.id}`, { state: 'corrected', value: 13 })).status).toBe(200);
    const run = await admin.post<{ id: number }>('/api/admin/reextract', { periodCode: '2099-H1' });
    await waitFor(async () => (await admin.get<{ finished: boolean }>(`/api/admin/reextract/${run.body.id}`)).body.finished, 60_000, 're-extraction');
    const after = (await sec.get<{ key: string; value: number; state: string; originalValue: number | null }[]>(`/api/reports/${reportId}/mentions`)).body;
    expect(after.find((m) => m.key === 'study.sessions')).toMatchObject({ value: 13, state: 'corrected', originalValue: 12 });
  });
});
