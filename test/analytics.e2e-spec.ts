import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { FLAG_LABELS, labelOf } from '@thermocline/contracts';
import ExcelJS from 'exceljs';
import { createBureau, PASSWORD } from './support/bureau';
import { ADMIN_PASSWORD, startHarness, type Harness } from './support/harness';
import { Client, fileForm } from './support/http';
import { waitFor } from './support/redis-server';
import { settled, upload } from './support/reports';
import { WorkerProcess } from './support/worker-process';

const corpus = (name: string) => readFileSync(join(__dirname, 'fixtures', 'extraction', name), 'utf8');

interface Flag {
  code: string;
  reason: string;
  evidence?: { reportId?: number; other?: { reportId: number; unitName: string } };
}
interface GapUnit {
  code: string;
  level: number;
  temperature: number | null;
  status: string;
  reportId?: number | null;
  totals: Record<string, number>;
  flags: Flag[];
}
interface Gap {
  gapDetected: boolean;
  gapIndex: number;
  attenuationThreshold: number;
  aggregatedAt: string | null;
  levels: { level: number; unitCount: number; medianTemperature: number | null; attenuation: number | null }[];
  overview: { expected: number; received: number; late: number; missing: number; coldCount: number };
  units: GapUnit[];
}

// A branch that writes without figures: vague, short, and late.
const COLD = `人民医院党委2026年上半年意识形态工作情况报告
今年以来，医院党委高度重视意识形态工作，认真学习上级精神，加强组织领导，落实主体责任。
组织党员开展学习，利用宣传栏开展宣传，营造了良好氛围。加强网络舆情管理，未发生重大事件。
存在问题：学习不够深入；宣传形式单一。
下步打算：进一步加强学习，创新宣传形式。`;

describe('上热下冷 analytics through the api: temperatures, attenuation, flags', () => {
  let h: Harness;
  let worker: WorkerProcess;
  let admin: Client;
  let leader: Client;
  const clockFile = join(mkdtempSync(join(tmpdir(), 'tc-clock-')), 'now');
  const setNow = (iso: string) => writeFileSync(clockFile, iso);
  const ids: Record<string, number> = {};

  /** The gap once the worker has aggregated everything done up to now. */
  async function freshGap(client: Client, since: Date, check: (g: Gap) => boolean = () => true): Promise<Gap> {
    let gap: Gap | null = null;
    try {
      await waitFor(
        async () => {
          gap = (await client.get<Gap>('/api/dashboard/gap?period=2026-H1')).body;
          return gap.aggregatedAt !== null && new Date(gap.aggregatedAt) > since && check(gap);
        },
        60_000,
        'a fresh aggregation',
      );
    } catch (e) {
      const g = gap as Gap | null;
      throw new Error(`${(e as Error).message}; last seen: aggregatedAt ${g?.aggregatedAt}, overview ${JSON.stringify(g?.overview)}, temperatures ${JSON.stringify(g?.units.map((u) => [u.code, u.temperature, u.flags.map((f) => f.code)]))}`, { cause: e });
    }
    return gap as unknown as Gap;
  }

  beforeAll(async () => {
    setNow('2026-07-01T02:00:00Z');
    h = await startHarness({ TEST_CLOCK_FILE: clockFile, WORKER_LOCK_MS: '4000' });
    admin = await new Client(h.url).login('admin', ADMIN_PASSWORD);
    await createBureau(admin);
    await admin.patch('/api/units/bureau', { memberCount: 36 });
    await admin.post('/api/periods', { code: '2026-H1', name: '2026年上半年', startsOn: '2026-01-01', endsOn: '2026-06-30', dueOn: '2026-07-10' });
    worker = await WorkerProcess.start(h.env);
    leader = await admin.login('leader', PASSWORD);

    // On time (1 July): the bureau, both committees, school-1 and — copied from school-1 — its branch.
    const college = corpus('college-2025H2.txt');
    const uploads: [string, string][] = [
      ['bureau', corpus('tax-bureau-2025.txt')],
      ['edu', corpus('soe-group-2025.txt')],
      ['health', corpus('hospital-2025H1.txt')],
      ['school-1', college],
      ['school-1-b1', college.replace(/学院党委/g, '一中第一支部').replace(/2025年下半年/g, '2026年上半年')],
    ];
    for (const [unit, text] of uploads) {
      // Units without a secretary in this tree have the admin upload for them.
      const c = unit === 'school-1' ? await admin.login('sec-school-1', PASSWORD) : admin;
      const r = await upload(c, unit, '2026-H1', `${unit}.txt`, Buffer.from(text));
      expect(r.status).toBe(202);
      ids[unit] = r.body.id;
    }
    // Late (12 July): the hospital's vague report. school-2 never reports.
    setNow('2026-07-12T02:00:00Z');
    const hospital = await admin.login('sec-hospital', PASSWORD);
    const late = await upload(hospital, 'hospital', '2026-H1', 'hospital.txt', Buffer.from(COLD));
    ids.hospital = late.body.id;
    await settled(admin, Object.values(ids));
  });
  afterAll(async () => {
    await worker?.stop();
    await h?.close();
  });

  it('finds the cold branch, the copied pair (naming both), the late and the missing report', async () => {
    const gap = await freshGap(leader, new Date(0), (g) => g.overview.received === 6);
    const unit = (code: string) => gap.units.find((u) => u.code === code) as GapUnit;
    const codes = (code: string) => unit(code).flags.map((f) => f.code);

    expect(gap.overview).toMatchObject({ expected: 7, received: 6, late: 1, missing: 1 });
    expect(unit('school-2')).toMatchObject({ status: 'missing', temperature: 0 });
    expect(codes('school-2')).toEqual(['missing_report']);
    expect(codes('hospital')).toEqual(expect.arrayContaining(['late_report', 'cold']));
    expect(unit('hospital').temperature as number).toBeLessThan(40);
    expect(unit('hospital').flags.find((f) => f.code === 'cold')?.reason).toMatch(/温度/);

    const copyOf = (code: string) => unit(code).flags.find((f) => f.code === 'near_duplicate');
    expect(copyOf('school-1-b1')?.evidence?.other).toMatchObject({ reportId: ids['school-1'], unitName: '一中党总支' });
    expect(copyOf('school-1')?.evidence?.other).toMatchObject({ reportId: ids['school-1-b1'], unitName: '一中第一支部' });
    expect(copyOf('school-1')?.reason).toMatch(/一中第一支部/);
    for (const hot of ['bureau', 'edu', 'health']) expect(codes(hot)).not.toContain('cold');

    // Reasons name periods as people read them, not by code (#15.8) — as served and as stored.
    const reason = (code: string, flag: string) => unit(code).flags.find((f) => f.code === flag)?.reason;
    expect(reason('school-2', 'missing_report')).toBe('截至 2026-07-10 未提交 2026年上半年 报告，温度按 0 计入本层级');
    expect(reason('hospital', 'late_report')).toMatch(/^2026年上半年 报告逾期 \d+ 天提交（截止日期 2026-07-10）$/);
    expect(reason('school-1-b1', 'near_duplicate')).toMatch(/^与「一中党总支」2026年上半年 报告（#\d+）相似度 \d+%/);
    expect(copyOf('school-1-b1')?.evidence?.other).toMatchObject({ periodCode: '2026-H1', periodName: '2026年上半年' });
    const stored = (await h.db.query(
      `SELECT u.code, s.flags FROM unit_period_stats s JOIN units u ON u.id = s.unit_id JOIN periods p ON p.id = s.period_id WHERE p.code = '2026-H1' AND s.flag_codes <> ''`,
    )) as { code: string; flags: string | { reason: string }[] }[];
    const storedReasons = stored.flatMap((r) => (typeof r.flags === 'string' ? (JSON.parse(r.flags) as { reason: string }[]) : r.flags).map((f) => `${r.code}: ${f.reason}`));
    expect(storedReasons).toEqual(expect.arrayContaining([expect.stringMatching(/^school-2: 截至 2026-07-10 未提交 2026年上半年 报告/), expect.stringMatching(/^school-1-b1: 与「一中党总支」2026年上半年 报告/)]));
    for (const r of storedReasons) expect(r).not.toMatch(/2026-H1/);

    // Levels are counted from the leader's own unit (the bureau).
    expect(gap.levels.map((l) => [l.level, l.unitCount])).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 1],
    ]);
    expect(gap.levels[0].attenuation).toBeNull();
    const l2 = gap.levels[2];
    expect(l2.attenuation).toBeCloseTo((l2.medianTemperature as number) / (gap.levels[1].medianTemperature as number), 2);
    expect(gap.gapDetected).toBe(true);
    expect(gap.gapIndex).toBeGreaterThan(0);
    // the configured threshold the loss was judged against (the level chart draws with it)
    expect(gap.attenuationThreshold).toBe(0.8);
  });

  it('shows the leader of a committee only its subtree, with levels counted from it', async () => {
    const eduLeader = await admin.login('edu-leader', PASSWORD);
    const gap = (await eduLeader.get<Gap>('/api/dashboard/gap?period=2026-H1')).body;
    expect(gap.units.map((u) => [u.code, u.level]).sort()).toEqual([
      ['edu', 0],
      ['school-1', 1],
      ['school-1-b1', 2],
      ['school-2', 1],
    ]);
    expect(gap.levels.map((l) => l.level)).toEqual([0, 1, 2]);
    expect(gap.overview.expected).toBe(4);
    const comparison = await eduLeader.get<{ units: { code: string }[] }>('/api/dashboard/comparison?period=2026-H1&metric=temperature');
    expect(comparison.body.units.map((u) => u.code).sort()).toEqual(['edu', 'school-1', 'school-1-b1', 'school-2']);
    expect((await eduLeader.get('/api/dashboard/trend?unitCode=hospital&metric=temperature')).status).toBe(404);
    const secretary = await admin.login('sec-school-1', PASSWORD);
    expect((await secretary.get('/api/dashboard/gap?period=2026-H1')).status).toBe(403);
    expect((await secretary.get('/api/dashboard/units/school-2?period=2026-H1')).status).toBe(404);
    const mine = await secretary.get<{ temperature: number; levelMedian: number }>('/api/dashboard/units/school-1?period=2026-H1');
    expect(mine.body.temperature).toBeGreaterThan(0);
    expect(mine.body.levelMedian).toEqual(expect.any(Number));
    // #16.1: the figures behind the five components (weights as shares, the report's facts)
    const b = (mine.body as unknown as { breakdown: { weights: Record<string, number>; facts: { factCount: number; charCount: number; daysLate: number }; categories: { active: boolean }[]; metrics: { score: number | null }[] } }).breakdown;
    expect(Object.values(b.weights).reduce((x, y) => x + y, 0)).toBeCloseTo(1, 3);
    expect(b.facts.factCount).toBeGreaterThan(0);
    expect(b.facts.charCount).toBeGreaterThan(0);
    expect(b.categories.some((c) => c.active)).toBe(true);
    const scores = b.metrics.map((m) => m.score ?? 2);
    expect(scores).toEqual([...scores].sort((x, y) => x - y));
  });

  it('changes the totals when a secretary rejects a mention', async () => {
    const before = await freshGap(leader, new Date(0));
    const totals = before.units.find((u) => u.code === 'school-1')?.totals as Record<string, number>;
    const sec = await admin.login('sec-school-1', PASSWORD);
    const mentions = (await sec.get<{ id: string; key: string; value: number; subset: boolean }[]>(`/api/reports/${ids['school-1']}/mentions`)).body;
    const target = mentions.find((m) => !m.subset && m.value > 0 && mentions.filter((x) => x.key === m.key).length === 1) as { id: string; key: string; value: number };
    expect(totals[target.key]).toBe(target.value);
    const t0 = new Date();
    expect((await sec.patch(`/api/mentions/${target.id}`, { state: 'rejected' })).status).toBe(200);
    // The worker re-aggregates on its own; the rejected figure leaves the totals.
    const after = await freshGap(leader, t0, (g) => (g.units.find((u) => u.code === 'school-1')?.totals[target.key] ?? 0) === 0);
    expect(after.units.find((u) => u.code === 'school-1')?.totals[target.key] ?? 0).toBe(0);
    const comparison = await leader.get<{ units: { code: string; value: number | null }[] }>(`/api/dashboard/comparison?period=2026-H1&metric=${target.key}`);
    expect(comparison.body.units.find((u) => u.code === 'school-1')?.value).toBe(0);
  });

  it('ranks units for a metric, raw and per 100 members, and exports the table to Excel', async () => {
    const raw = (await leader.get<{ units: { code: string; value: number | null; rank: number | null; memberCount: number }[] }>('/api/dashboard/comparison?period=2026-H1&metric=study.party_lecture')).body;
    const per100 = (await leader.get<{ units: { code: string; value: number | null }[] }>('/api/dashboard/comparison?period=2026-H1&metric=study.party_lecture&normalize=per100')).body;
    const ranked = raw.units.filter((u) => u.value !== null);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1].value as number).toBeGreaterThanOrEqual(ranked[i].value as number);
    expect(raw.units.find((u) => u.code === 'school-2')).toMatchObject({ value: null, rank: null });
    const b = raw.units.find((u) => u.code === 'bureau') as { value: number; memberCount: number };
    expect(per100.units.find((u) => u.code === 'bureau')?.value).toBeCloseTo((b.value * 100) / b.memberCount, 1);

    const xlsx = await leader.get('/api/dashboard/comparison.xlsx?period=2026-H1&metric=temperature');
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    // Titles name the period as a person reads it (#15.8), not by its code.
    expect(String(ws.getCell('A1').value)).toContain('2026年上半年');
    expect(ws.getRow(4).values).toEqual(expect.arrayContaining(['排名', '单位', '单位路径', '标记', '原因']));
    const rows: string[] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).join('|')));
    expect(rows.find((r) => r.includes('二中党支部'))).toMatch(/局党组 \/ 教育局党委 \/ 二中党支部.*未报送/);
    // The export names flags with the screen's words (libs/contracts labels), not a table of its own.
    const gapNow = (await leader.get<{ units: { name: string; flags: { code: string }[] }[] }>('/api/dashboard/gap?period=2026-H1')).body;
    const flagged = gapNow.units.filter((u) => u.flags.length > 0);
    expect(flagged.length).toBeGreaterThan(0);
    for (const u of flagged) {
      const row = rows.find((r) => r.split('|').includes(u.name)) ?? '';
      for (const f of u.flags) expect(row).toContain(labelOf(FLAG_LABELS, f.code, 'zh'));
    }
  });

  it('re-aggregates when an admin changes the weights, and refuses bad settings', async () => {
    const bad = await admin.put('/api/admin/analytics-settings', { weights: { breadth: -1 } });
    expect(bad.status).toBe(400);
    const t0 = new Date();
    const ok = await admin.put<{ config: { thresholds: { cold: number } } }>('/api/admin/analytics-settings', { thresholds: { cold: 95, attenuation: 0.65 } });
    expect(ok.status).toBe(200);
    expect(ok.body.config.thresholds.cold).toBe(95);
    const gap = await freshGap(leader, t0, (g) => g.overview.coldCount >= 5);
    expect(gap.overview.coldCount).toBeGreaterThanOrEqual(5);
    expect(gap.attenuationThreshold).toBe(0.65);
    await admin.put('/api/admin/analytics-settings', { thresholds: { cold: 40, attenuation: 0.8 } });
  });
  it('answers a large dashboard reply gzipped to a browser and as plain JSON to a client without gzip', async () => {
    // Enough units that the answer is kept compressed (over 8 KB).
    const csv = ['code,name,parentCode,memberCount,启用日期', ...Array.from({ length: 90 }, (_, i) => `bulk-${i},批量第${i}党支部,edu,${5 + i},2025-01-01`)].join('\n');
    const t0 = new Date();
    expect((await admin.post('/api/units/import', fileForm({}, { name: 'units.csv', bytes: Buffer.from(csv) }))).status).toBe(200);
    // The tree changed: wait for the worker's re-aggregation, so both requests see one answer.
    await freshGap(leader, t0, (g) => g.units.filter((u) => u.code.startsWith('bulk-')).length === 90);
    const path = '/api/dashboard/comparison?period=2026-H1&metric=temperature';
    const raw = (encoding: string | null) =>
      new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
        const headers: Record<string, string> = { authorization: `Bearer ${leader.token}` };
        if (encoding) headers['accept-encoding'] = encoding;
        get(h.url + path, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
    const zipped = await raw('gzip, deflate');
    const plain = await raw(null);
    expect(zipped.encoding).toBe('gzip');
    expect(plain.encoding).toBeUndefined();
    const answer = JSON.parse(plain.body.toString()) as { units: { code: string; status: string }[] };
    expect(JSON.parse(gunzipSync(zipped.body).toString())).toEqual(answer);
    expect(answer.units.filter((u) => u.code.startsWith('bulk-'))).toHaveLength(90);
    expect(plain.body.length).toBeGreaterThan(8192);
  });
});
