import { readFileSync } from 'node:fs';
import { createBureau, PASSWORD } from './support/bureau';
import { ADMIN_PASSWORD, startHarness, type Harness } from './support/harness';
import { testClock } from './support/clock';
import { Client } from './support/http';
import { settled, upload } from './support/reports';
import { WorkerProcess } from './support/worker-process';

const SOURCE = readFileSync(`${__dirname}/fixtures/documents/report-sample.source.txt`, 'utf8');

// Issue 15 item 7a: a version's `late` is the unit's lateness for the period (its first upload),
// the same rule the late_report flag uses, so the header never says 逾期报送 for an on-time unit.
describe('versions: lateness and reviews carry over', () => {
  let h: Harness;
  let worker: WorkerProcess;
  let admin: Client;
  let sec: Client;
  const { file: clockFile, setNow } = testClock();

  beforeAll(async () => {
    await setNow('2026-07-01T02:00:00Z');
    h = await startHarness({ TEST_CLOCK_FILE: clockFile });
    admin = await new Client(h.url).login('admin', ADMIN_PASSWORD);
    await createBureau(admin);
    await admin.post('/api/periods', { code: '2026-H1', startsOn: '2026-01-01', endsOn: '2026-06-30', dueOn: '2026-07-10' });
    sec = await admin.login('sec-school-1', PASSWORD);
    worker = await WorkerProcess.start(h.env);
  });
  afterAll(async () => {
    await worker?.stop();
    await h?.close();
  });

  const versions = async (unit: string) =>
    (await admin.get<{ version: number; late: boolean }[]>(`/api/reports?unitCode=${unit}&periodCode=2026-H1`)).body.map((r) => [r.version, r.late]);

  it('keeps an on-time unit on time when it re-uploads after the due date', async () => {
    await upload(sec, 'school-1', '2026-H1', 'v1.txt', Buffer.from('按时第一稿'));
    await setNow('2026-07-20T02:00:00Z');
    const v2 = await upload(sec, 'school-1', '2026-H1', 'v2.txt', Buffer.from('逾期后的第二稿'));
    expect(v2.status).toBe(202);
    expect(await versions('school-1')).toEqual([
      [2, false],
      [1, false],
    ]);
  });

  it('keeps a late unit late on every version', async () => {
    const other = await admin.login('sec-school-2', PASSWORD);
    await upload(other, 'school-2', '2026-H1', 'v1.txt', Buffer.from('逾期第一稿'));
    await upload(other, 'school-2', '2026-H1', 'v2.txt', Buffer.from('逾期第二稿'));
    expect(await versions('school-2')).toEqual([
      [2, true],
      [1, true],
    ]);
  });

  // Item 7c: a review on v1 holds on v2 where the same figure (key, value, sentence) is there.
  it('carries reviews of v1 over to the same figures in v2, and only those', async () => {
    type M = { id: string; key: string | null; value: number; state: string; evidence: { text: string } };
    await admin.post('/api/periods', { code: '2026-H2', startsOn: '2026-07-01', endsOn: '2026-12-31', dueOn: '2027-01-10' });
    const sec3 = sec;
    const v1 = await upload(sec3, 'school-1', '2026-H2', 'v1.txt', Buffer.from(SOURCE));
    await settled(sec3, [v1.body.id]);
    const m1 = (await sec3.get<M[]>(`/api/reports/${v1.body.id}/mentions`)).body.filter((m) => m.key);
    expect(m1.length).toBeGreaterThan(3);
    const [kept, corrected, changed] = m1;
    expect((await sec3.patch(`/api/mentions/${kept.id}`, { state: 'confirmed' })).status).toBe(200);
    expect((await sec3.patch(`/api/mentions/${corrected.id}`, { state: 'corrected', value: corrected.value + 1 })).status).toBe(200);
    expect((await sec3.patch(`/api/mentions/${changed.id}`, { state: 'rejected' })).status).toBe(200);
    // v2: text moved (a new first line), and the third figure changed in its sentence.
    const edited = changed.evidence.text.replace(/[0-9０-９]+/, '99');
    expect(changed.value).not.toBe(99);
    expect(edited).not.toBe(changed.evidence.text);
    const v2 = await upload(sec3, 'school-1', '2026-H2', 'v2.txt', Buffer.from(`第二稿前言。\n${SOURCE.replace(changed.evidence.text, edited)}`));
    await settled(sec3, [v2.body.id]);
    const m2 = (await sec3.get<M[]>(`/api/reports/${v2.body.id}/mentions`)).body;
    const find = (m: M, value = m.value) => m2.find((x) => x.evidence.text === m.evidence.text && x.value === value);
    expect(find(kept)?.state).toBe('confirmed');
    expect(find(corrected, corrected.value + 1)?.state).toBe('corrected');
    expect(m2.find((x) => x.evidence.text === edited && x.value === 99)?.state).toBe('unreviewed');
    const untouched = m1.slice(3).map((m) => find(m)?.state);
    expect(untouched.every((s) => s === 'unreviewed')).toBe(true);
  });
});
