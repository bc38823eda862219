import { DEFAULT_CATALOGUE } from '@thermocline/extraction';
import { createBureau, PASSWORD } from './support/bureau';
import { ADMIN_PASSWORD, startHarness, type Harness } from './support/harness';
import { Client } from './support/http';
import { waitFor } from './support/redis-server';
import { settled, upload } from './support/reports';
import { WorkerProcess } from './support/worker-process';

const TEXT = `一中党总支2099年上半年意识形态工作报告
一、加强理论学习
开展集中学习12次，讲党课3次。
二、存在问题
一是学习形式单一；二是宣传力度不够。
三、下步打算
一是丰富学习形式；二是加强宣传。`;

type Metric = { key: string; weight: number; triggers: string[]; customized: boolean };
type Mention = { key: string | null; value: number };

// An installation from before this release: one default key it never had, one default definition
// still holding an older vocabulary, and one an administrator edited. Restarting the worker (its
// start-up runs Catalogue.sync) must add the first, refresh the second, keep the third, and
// re-extract the open period's report with the new vocabulary — and leave a closed period alone.
describe('catalogue sync at start: new default keys and vocabulary reach an existing installation', () => {
  let h: Harness;
  let worker: WorkerProcess | undefined;
  let admin: Client;

  beforeAll(async () => {
    h = await startHarness({ WORKER_LOCK_MS: '4000' });
    admin = await new Client(h.url).login('admin', ADMIN_PASSWORD);
    await createBureau(admin);
    // Running before the old state is made up below: its own start-up sync would otherwise repair it.
    worker = await WorkerProcess.start(h.env);
  });
  afterAll(async () => {
    await worker?.stop();
    await h?.close();
  });

  const mentions = async (id: number) => (await admin.get<Mention[]>(`/api/reports/${id}/mentions`)).body.filter((m) => m.key !== null).map((m) => `${m.key}=${m.value}`).sort();
  const extractedAt = async (id: number) => ((await h.db.query('SELECT extracted_at FROM reports WHERE id = ?', [id])) as { extracted_at: Date }[])[0].extracted_at.getTime();

  it('marks an admin edit customized, then sync keeps it, adds missing keys, refreshes the rest and re-extracts open periods', async () => {
    // An older shipped vocabulary: 党课 was not yet a trigger of study.party_lecture (never edited: updated_at = created_at).
    const lecture = DEFAULT_CATALOGUE.find((d) => d.key === 'study.party_lecture');
    expect(lecture).toBeDefined();
    const old = { ...lecture, triggers: ['旧版触发词'] };
    await h.db.query('UPDATE metric_definitions SET definition = ?, updated_at = created_at WHERE `key` = ?', [JSON.stringify(old), 'study.party_lecture']);
    await h.db.query('DELETE FROM metric_definitions WHERE `key` = ?', ['civility.pairings']);
    // Period closing may not exist on this branch: the sync checks for the column, so the test adds it when missing.
    const [col] = (await h.db.query(`SELECT COUNT(*) AS n FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'periods' AND COLUMN_NAME = 'closed_at'`)) as { n: string }[];
    if (Number(col.n) === 0) await h.db.query('ALTER TABLE periods ADD COLUMN closed_at DATETIME(3) NULL DEFAULT NULL');

    await admin.post('/api/periods', { code: '2099-H1', startsOn: '2099-01-01', endsOn: '2099-06-30', dueOn: '2099-07-10' });
    await admin.post('/api/periods', { code: '2098-H2', startsOn: '2098-07-01', endsOn: '2098-12-31', dueOn: '2099-01-10' });
    const sec = await admin.login('sec-school-1', PASSWORD);
    const open = (await upload(sec, 'school-1', '2099-H1', 'open.txt', Buffer.from(TEXT))).body.id;
    const closed = (await upload(sec, 'school-1', '2098-H2', 'closed.txt', Buffer.from(TEXT.replace('2099年上半年', '2098年下半年')))).body.id;
    await settled(sec, [open, closed]);
    expect(await mentions(open)).toEqual(['study.sessions=12']);
    await h.db.query(`UPDATE periods SET closed_at = NOW(3) WHERE code = '2098-H2'`);
    const closedAt = await extractedAt(closed);

    // The administrator's edit: marked customized.
    const edited = await admin.put<Metric>('/api/metrics/study.sessions', { weight: 2.5, triggers: ['集中学习', '自定义学习'] });
    expect(edited.status).toBe(200);
    expect(edited.body.customized).toBe(true);
    const before = (await admin.get<Metric[]>('/api/metrics')).body;
    expect(before.some((m) => m.key === 'civility.pairings')).toBe(false);
    expect(before.find((m) => m.key === 'study.party_lecture')).toMatchObject({ customized: false, triggers: ['旧版触发词'] });

    await worker?.stop();
    worker = await WorkerProcess.start(h.env);

    const after = (await admin.get<Metric[]>('/api/metrics')).body;
    expect(after).toHaveLength(DEFAULT_CATALOGUE.length);
    expect(after.find((m) => m.key === 'civility.pairings')).toMatchObject({ customized: false });
    expect(after.find((m) => m.key === 'study.party_lecture')?.triggers).toEqual(lecture?.triggers);
    expect(after.find((m) => m.key === 'study.sessions')).toMatchObject({ customized: true, weight: 2.5, triggers: ['集中学习', '自定义学习'] });

    // The open period's report is re-extracted with the refreshed vocabulary (via the sweeper)…
    await waitFor(async () => (await mentions(open)).includes('study.party_lecture=3'), 90_000, 're-extraction after the sync');
    // …the closed period's is not.
    expect(await extractedAt(closed)).toBe(closedAt);
    expect(await mentions(closed)).toEqual(['study.sessions=12']);
    const log = (await h.db.query(`SELECT detail FROM audit_log WHERE action = 'catalogue.sync' ORDER BY id DESC LIMIT 1`)) as { detail: string }[];
    expect(JSON.parse(String(log[0].detail))).toMatchObject({ added: ['civility.pairings'], refreshed: ['study.party_lecture'], requeued: 1 });
  });

  it('does nothing on a start where the stored catalogue already matches', async () => {
    const [{ n }] = (await h.db.query(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'catalogue.sync'`)) as { n: string }[];
    await worker?.stop();
    worker = await WorkerProcess.start(h.env);
    const [{ n: again }] = (await h.db.query(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'catalogue.sync'`)) as { n: string }[];
    expect(Number(again)).toBe(Number(n));
  });
});
