// Bulk intake through the real api and worker: a zip of reports with names that say nothing is
// matched to the right units by what the documents say, confirmed, and extracted.
import { firstSignIn, PASSWORD } from './support/bureau';
import { ADMIN_PASSWORD, startHarness, type Harness } from './support/harness';
import { Client } from './support/http';
import { bulkForm, createIntakeBureau, intakeText, intakeZip } from './support/intake';
import { settled, upload } from './support/reports';
import { WorkerProcess } from './support/worker-process';

interface Item {
  index: number;
  fileName: string;
  unitCode: string | null;
  unitName: string | null;
  confidence: number;
  reason: string;
  status: string;
  notes: string[];
  candidates: { unitCode: string; name: string; score: number }[];
  duplicateOfReportId: number | null;
}
interface Batch {
  batchId: string;
  expiresAt: string;
  items: Item[];
}
interface Confirmed {
  accepted: { index: number; id: number; version: number; status: string; duplicate?: boolean }[];
  skipped: { index: number; reason: string }[];
}

const P = '2026-H1';

describe('bulk intake: drop a zip, each report finds its unit, confirm, extracted', () => {
  let h: Harness;
  let worker: WorkerProcess;
  let admin: Client;
  let portReportId: number;

  beforeAll(async () => {
    h = await startHarness({ WORKER_LOCK_MS: '4000' });
    admin = await new Client(h.url).login('admin', ADMIN_PASSWORD);
    await createIntakeBureau(admin);
    expect((await admin.post('/api/periods', { code: P, startsOn: '2026-01-01', endsOn: '2026-06-30', dueOn: '2099-07-10' })).status).toBe(201);
    for (const [username, role, unitCode] of [
      ['transit-leader', 'leader', 'transit'],
      ['clerk-2', 'admin', 'bureau'],
    ]) {
      expect((await admin.post('/api/users', { username, role, unitCode, displayName: username, password: PASSWORD })).status).toBe(201);
      // An administrator's password is a one-time one (#13): replace it as the person would.
      await firstSignIn(new Client(h.url), username, PASSWORD);
    }
    worker = await WorkerProcess.start(h.env);
    // The port's branch already sent a first draft through its own page.
    const first = await upload(admin, 'port', P, '港航初稿.txt', Buffer.from(`${intakeText('03.txt')}\n初稿`));
    expect(first.status).toBe(202);
    portReportId = first.body.id;
  });
  afterAll(async () => {
    await worker?.stop();
    await h?.close();
  });

  let batch: Batch;

  it('proposes the right unit for every report of the zip, from its content', async () => {
    const { zip, expected } = intakeZip();
    const exe = { name: 'setup.txt', bytes: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(400, 1)]) };
    const r = await admin.post<Batch>('/api/reports/bulk', bulkForm(P, [{ name: '各支部报告.zip', bytes: zip }, exe]));
    expect(r.status).toBe(200);
    batch = r.body;
    expect(batch.items).toHaveLength(15);
    const byName = new Map(batch.items.map((i) => [i.fileName, i]));
    // GBK names decoded, not mojibake.
    expect([...expected.keys()].every((n) => byName.has(n))).toBe(true);
    let right = 0;
    for (const [name, unit] of expected) if (byName.get(name)!.unitCode === unit) right++;
    const accuracy = right / expected.size;
    console.info(`bulk intake accuracy on test/fixtures/intake: ${right}/${expected.size} (${Math.round(accuracy * 100)}%)`);
    expect(accuracy).toBe(1);

    const abbreviated = byName.get('新建文档.docx')!;
    expect(abbreviated).toMatchObject({ unitCode: 'road-maint', unitName: '市公路事业发展中心养护科党支部', status: 'matched' });
    expect(abbreviated.reason).toMatch(/落款「养护科党支部」/);
    expect(byName.get('報告.txt')).toMatchObject({ unitCode: 'training' });
    const unknown = byName.get('附件2.txt')!;
    expect(unknown).toMatchObject({ unitCode: null, status: 'unmatched' });
    expect(unknown.reason).toMatch(/气象局.*与您管辖范围内的单位都不相符/);
  });

  it('shows a second version, two files for one unit, a copy and a bad file as such', () => {
    const byName = new Map(batch.items.map((i) => [i.fileName, i]));
    expect(byName.get('报告(2).txt')).toMatchObject({ unitCode: 'port', status: 'new_version' });
    expect(byName.get('报告(2).txt')!.notes.join()).toMatch(/已上报第 1 版，确认后这份将成为第 2 版/);
    expect(byName.get('材料上报(1).docx')).toMatchObject({ status: 'duplicate' });
    expect(byName.get('材料上报(1).docx')!.reason).toMatch(/与本批「材料上报\.docx」内容完全相同/);
    for (const n of ['111.txt', '修改稿.txt']) {
      expect(byName.get(n)).toMatchObject({ unitCode: 'transit-bus', status: 'same_unit' });
      expect(byName.get(n)!.notes.join()).toMatch(/与本批「(111|修改稿)\.txt」同为「公交一公司党支部」/);
    }
    expect(byName.get('setup.txt')).toMatchObject({ status: 'rejected', unitCode: null });
    expect(byName.get('setup.txt')!.reason).toMatch(/可执行程序/);
  });

  it('only the clerk who made the batch can confirm it', async () => {
    const other = await admin.login('clerk-2', PASSWORD);
    const r = await other.post(`/api/reports/bulk/${batch.batchId}/confirm`, { items: [{ index: 0, unitCode: 'road-office' }] });
    expect(r.status).toBe(404);
  });

  it('confirms: reports created as single uploads, versions, skips with reasons, audit with the batch; then extracted', async () => {
    const byName = new Map(batch.items.map((i) => [i.fileName, i]));
    const items = batch.items
      .filter((i) => i.unitCode && i.fileName !== '修改稿.txt')
      .map((i) => ({ index: i.index, unitCode: i.unitCode! }));
    // The clerk knows the 气象局 file is not theirs and leaves it out; corrects nothing else.
    const r = await admin.post<Confirmed>(`/api/reports/bulk/${batch.batchId}/confirm`, { items: [...items, { index: byName.get('setup.txt')!.index, unitCode: 'logistics' }] });
    expect(r.status).toBe(200);
    expect(r.body.accepted).toHaveLength(11);
    expect(r.body.skipped.map((s) => s.reason).join()).toMatch(/完全相同/);
    expect(r.body.skipped.map((s) => s.reason).join()).toMatch(/可执行程序/);
    const port = r.body.accepted.find((a) => a.index === byName.get('报告(2).txt')!.index)!;
    expect(port.version).toBe(2);

    const done = await settled(admin, r.body.accepted.map((a) => a.id));
    expect([...done.values()].every((x) => x.status === 'extracted')).toBe(true);
    const list = await admin.get<{ id: number; unitCode: string; originalName: string; version: number }[]>(`/api/reports?periodCode=${P}`);
    expect(list.body.find((x) => x.id === portReportId)?.version).toBe(1);
    const detail = await admin.get<{ unitCode: string; text: string; originalName: string }>(`/api/reports/${port.id}`);
    expect(detail.body).toMatchObject({ unitCode: 'port', originalName: '报告(2).txt' });
    const mentions = await admin.get<unknown[]>(`/api/reports/${port.id}/mentions`);
    expect(mentions.body.length).toBeGreaterThan(0);

    const audit = await admin.get<{ action: string; actor: string; entityId: string; detail: Record<string, unknown> }[]>(`/api/audit?entity=report&entityId=${port.id}`);
    expect(audit.body.find((a) => a.action === 'report.upload')).toMatchObject({ actor: 'admin', detail: { via: 'bulk', batchId: batch.batchId, version: 2, unitCode: 'port' } });
  });

  it('cannot be confirmed twice', async () => {
    const r = await admin.post(`/api/reports/bulk/${batch.batchId}/confirm`, { items: [{ index: 0, unitCode: 'road-office' }] });
    expect(r.status).toBe(409);
  });

  it('knows a file already stored, by its bytes', async () => {
    const r = await admin.post<Batch>('/api/reports/bulk', bulkForm(P, [{ name: 'again.txt', bytes: Buffer.from(intakeText('06.txt')) }]));
    expect(r.body.items[0]).toMatchObject({ status: 'duplicate', unitCode: 'transit-bus', duplicateOfReportId: expect.any(Number) });
  });

  it('a leader sees only their subtree: a report of another branch has no unit and cannot be filed there', async () => {
    const leader = await admin.login('transit-leader', PASSWORD);
    const files = [
      { name: '附件9.txt', bytes: Buffer.from(`${intakeText('01.txt')}\n领导转来`) },
      { name: '附件10.txt', bytes: Buffer.from(`${intakeText('07.txt')}\n领导转来`) },
    ];
    const r = await leader.post<Batch>('/api/reports/bulk', bulkForm(P, files));
    expect(r.status).toBe(200);
    expect(r.body.items.map((i) => i.unitCode)).toEqual([null, 'transit-metro']);
    expect(JSON.stringify(r.body)).not.toMatch(/市公路事业发展中心机关党支部/);
    const c = await leader.post<Confirmed>(`/api/reports/bulk/${r.body.batchId}/confirm`, { items: [{ index: 0, unitCode: 'road-office' }, { index: 1, unitCode: 'transit-metro' }] });
    expect(c.body.accepted.map((a) => a.index)).toEqual([1]);
    expect(c.body.skipped[0].reason).toMatch(/不在您的管辖范围内/);
  });

  it('a batch expires after a day', async () => {
    const r = await admin.post<Batch>('/api/reports/bulk', bulkForm(P, [{ name: 'x.txt', bytes: Buffer.from(`${intakeText('10.txt')}\n过期`) }]));
    expect(new Date(r.body.expiresAt).getTime() - Date.now()).toBeGreaterThan(23 * 3600_000);
    await h.db.query('UPDATE intake_batches SET expires_at = ? WHERE id = ?', [new Date(Date.now() - 1000), r.body.batchId]);
    const c = await admin.post(`/api/reports/bulk/${r.body.batchId}/confirm`, { items: [{ index: 0, unitCode: 'logistics' }] });
    expect(c.status).toBe(404);
    expect(String((c.body as { message?: string }).message)).toMatch(/过期/);
  });

  it('refuses a missing period and an empty form', async () => {
    expect((await admin.post('/api/reports/bulk', bulkForm('2042-Q9', [{ name: 'a.txt', bytes: Buffer.from('x') }]))).status).toBe(404);
    expect((await admin.post('/api/reports/bulk', bulkForm(P, []))).status).toBe(400);
  });
});
