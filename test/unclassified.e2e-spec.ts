import { createBureau, PASSWORD } from './support/bureau';
import { ADMIN_PASSWORD, startHarness, type Harness } from './support/harness';
import { Client } from './support/http';
import { waitFor } from './support/redis-server';
import { settled, upload } from './support/reports';
import { WorkerProcess } from './support/worker-process';

const P = '2099-H1';
const report = (unit: string, broadcasts: number) => `${unit}2099年上半年意识形态工作报告
一、加强理论学习
开展集中学习12次，讲党课3次。利用大喇叭播放政策提示${broadcasts}余次，组织党员无偿献血5次。
二、存在问题
一是学习形式单一；二是宣传力度不够。
三、下步打算
一是丰富学习形式；二是加强宣传。`;
const BROADCAST = '喇叭播放政策提示N次';

type Mention = { id: string; key: string | null; value: number; unclassified: boolean; phrase: string | null; state: string; originalKey: string | null; originalValue: number | null };
type Phrase = { phrase: string; unit: string; reports: number; mentions: number; example: { reportId: number; text: string } };

// Nothing silently dropped: a count no metric took is stored as an unclassified mention, shown in
// review, kept out of every total, and listed for the administrators; the secretary assigns it a
// key (then it counts) or dismisses it (then it is gone), and a re-extraction keeps either.
describe('unclassified mentions: stored, never in totals, assigned or dismissed, listed for admins', () => {
  let h: Harness;
  let worker: WorkerProcess;
  let admin: Client;
  let sec: Client;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    h = await startHarness({ WORKER_LOCK_MS: '4000' });
    admin = await new Client(h.url).login('admin', ADMIN_PASSWORD);
    await createBureau(admin);
    await admin.post('/api/periods', { code: P, startsOn: '2099-01-01', endsOn: '2099-06-30', dueOn: '2099-07-10' });
    worker = await WorkerProcess.start(h.env);
    sec = await admin.login('sec-school-1', PASSWORD);
    for (const [unit, n] of [['school-1', 180], ['school-2', 60], ['hospital', 90]] as const) {
      const who = unit === 'school-1' ? sec : await admin.login(`sec-${unit}`, PASSWORD);
      ids[unit] = (await upload(who, unit, P, 'report.txt', Buffer.from(report(unit, n)))).body.id;
    }
    await settled(admin, Object.values(ids));
  });
  afterAll(async () => {
    await worker?.stop();
    await h?.close();
  });

  const mentions = async () => (await sec.get<Mention[]>(`/api/reports/${ids['school-1']}/mentions`)).body;
  const totals = async () => (await admin.get<{ totals: Record<string, number> }>(`/api/dashboard/units/school-1?period=${P}`)).body.totals;

  it('stores the counts no metric took, flagged, beside the classified ones', async () => {
    const list = await mentions();
    expect(list.filter((m) => !m.unclassified).map((m) => `${m.key}=${m.value}`).sort()).toEqual(['study.party_lecture=3', 'study.sessions=12']);
    expect(list.filter((m) => m.unclassified).map((m) => ({ key: m.key, value: m.value, phrase: m.phrase, state: m.state }))).toEqual([
      { key: null, value: 180, phrase: BROADCAST, state: 'unreviewed' },
      { key: null, value: 5, phrase: '组织党员无偿献血N次', state: 'unreviewed' },
    ]);
  });

  it('keeps them out of the totals', async () => {
    await waitFor(async () => Object.keys(await totals()).length > 0, 60_000, 'the first aggregation');
    expect(await totals()).toEqual({ 'study.party_lecture': 3, 'study.sessions': 12 });
  });

  it('lists the most frequent phrasings for administrators, within their sub-tree', async () => {
    const all = await admin.get<Phrase[]>('/api/metrics/unclassified');
    expect(all.status).toBe(200);
    expect(all.body[0]).toMatchObject({ phrase: BROADCAST, unit: '次', reports: 3, mentions: 3 });
    expect(all.body[0].example.text).toContain('播放政策提示');
    const edu = await admin.login('edu-admin', PASSWORD);
    const mine = (await edu.get<Phrase[]>('/api/metrics/unclassified')).body;
    expect(mine.find((p) => p.phrase === BROADCAST)?.reports).toBe(2);
    expect(mine.every((p) => p.example.reportId !== ids.hospital)).toBe(true);
    expect((await sec.get('/api/metrics/unclassified')).status).toBe(403);
    expect((await admin.get('/api/metrics/unclassified?limit=0')).status).toBe(400);
  });

  it('a secretary must assign a key or dismiss: confirming an unclassified count says what to do', async () => {
    const blood = (await mentions()).find((m) => m.value === 5) as Mention;
    const r = await sec.patch<{ message: string }>(`/api/mentions/${blood.id}`, { state: 'confirmed' });
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/选择它属于哪项指标/);
    expect((await sec.patch(`/api/mentions/${blood.id}`, { state: 'corrected', value: 6 })).status).toBe(400);
  });

  it('assigning a key makes it count (audited, re-aggregated)', async () => {
    const blood = (await mentions()).find((m) => m.value === 5) as Mention;
    const r = await sec.patch<Mention>(`/api/mentions/${blood.id}`, { state: 'corrected', key: 'civility.volunteer_activities' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ key: 'civility.volunteer_activities', unclassified: false, state: 'corrected', originalKey: null, originalValue: 5 });
    await waitFor(async () => (await totals())['civility.volunteer_activities'] === 5, 60_000, 're-aggregation after the assignment');
    const audit = (await h.db.query(`SELECT detail FROM audit_log WHERE action = 'mention.review' AND entity_id = ?`, [blood.id])) as { detail: string }[];
    expect(JSON.parse(String(audit[0].detail))).toMatchObject({ unclassified: true, key: 'civility.volunteer_activities', state: 'corrected' });
  });

  it('dismissing it removes it from review and from the administrators’ list', async () => {
    const broadcast = (await mentions()).find((m) => m.value === 180) as Mention;
    expect((await sec.patch(`/api/mentions/${broadcast.id}`, { state: 'rejected' })).status).toBe(200);
    expect((await mentions()).some((m) => m.id === broadcast.id)).toBe(false);
    expect((await sec.patch(`/api/mentions/${broadcast.id}`, { state: 'rejected' })).status).toBe(404);
    const list = (await admin.get<Phrase[]>('/api/metrics/unclassified')).body;
    expect(list.find((p) => p.phrase === BROADCAST)?.reports).toBe(2);
    expect(list.some((p) => p.phrase === '组织党员无偿献血N次' && p.example.reportId === ids['school-1'])).toBe(false);
  });

  it('a re-extraction keeps the assignment and the dismissal', async () => {
    const run = await admin.post<{ id: number }>('/api/admin/reextract', { periodCode: P });
    expect(run.status).toBe(202);
    await waitFor(async () => (await admin.get<{ finished: boolean }>(`/api/admin/reextract/${run.body.id}`)).body.finished, 60_000, 're-extraction');
    const after = await mentions();
    expect(after.some((m) => m.value === 180)).toBe(false);
    expect(after.find((m) => m.value === 5)).toMatchObject({ key: 'civility.volunteer_activities', state: 'corrected', originalValue: 5 });
    expect(after.filter((m) => m.unclassified)).toEqual([]);
    await waitFor(async () => (await totals())['civility.volunteer_activities'] === 5, 60_000, 'totals after the re-extraction');
  });
});
