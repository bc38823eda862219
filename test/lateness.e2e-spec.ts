import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBureau, PASSWORD } from './support/bureau';
import { ADMIN_PASSWORD, startHarness, type Harness } from './support/harness';
import { Client } from './support/http';
import { upload } from './support/reports';

// Issue 15 item 7a: a version's `late` is the unit's lateness for the period (its first upload),
// the same rule the late_report flag uses, so the header never says 逾期报送 for an on-time unit.
describe('lateness agrees across versions', () => {
  let h: Harness;
  let admin: Client;
  let sec: Client;
  const clockFile = join(mkdtempSync(join(tmpdir(), 'tc-clock-')), 'now');
  const setNow = async (iso: string) => {
    writeFileSync(clockFile, iso);
    await new Promise((resolve) => setTimeout(resolve, 200));
  };

  beforeAll(async () => {
    await setNow('2026-07-01T02:00:00Z');
    h = await startHarness({ TEST_CLOCK_FILE: clockFile });
    admin = await new Client(h.url).login('admin', ADMIN_PASSWORD);
    await createBureau(admin);
    await admin.post('/api/periods', { code: '2026-H1', startsOn: '2026-01-01', endsOn: '2026-06-30', dueOn: '2026-07-10' });
    sec = await admin.login('sec-school-1', PASSWORD);
  });
  afterAll(async () => {
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
});
