// 年度考核 in the browser: a leader opens the scoring table, sorts it, opens a unit's sheet with the
// sentences behind its points, and scores a manual item with a reason — headless Chromium against
// the built app, api, MariaDB, Redis and worker.
import type { Browser } from 'playwright-core';
import { PASSWORD } from '../support/bureau';
import type { Harness } from '../support/harness';
import type { Client } from '../support/http';
import { waitFor } from '../support/redis-server';
import { WorkerProcess } from '../support/worker-process';
import { openTab, pickPeriod, screenshot, signIn } from './browser';
import { PERIOD, startSeededStack, stopSeededStack } from './seed';

interface Draft {
  totalPoints: number;
  units: { code: string; name: string; status: string; total: number }[];
}

describe('年度考核 scoring table in the browser', () => {
  let h: Harness;
  let worker: WorkerProcess;
  let browser: Browser;
  let admin: Client;

  beforeAll(async () => {
    ({ h, worker, browser, admin } = await startSeededStack());
  });

  afterAll(() => stopSeededStack({ h, worker, browser }));

  it('sorts the table, drills into a unit’s sheet with evidence and enters a manual score', async () => {
    // Scores come from the aggregate: wait until the three reports are in it.
    let draft: Draft = { totalPoints: 0, units: [] };
    await waitFor(
      async () => {
        const r = await admin.get<Draft>(`/api/assessment?period=${PERIOD.code}`);
        draft = r.body;
        return r.status === 200 && r.body.units.filter((u) => u.status === 'reported').length === 3;
      },
      60_000,
      'the three reports in the aggregate',
    );
    const school = draft.units.find((u) => u.code === 'school-1')!;

    const { page, errors, context } = await openTab(browser, h.url, { width: 1600, height: 1000 });
    await signIn(page, 'leader', PASSWORD);
    await page.getByRole('menuitem', { name: '年度考核' }).click();
    await pickPeriod(page, PERIOD.name);
    const table = page.getByTestId('assessment-table');
    await table.getByTestId('assessment-unit').filter({ hasText: '一中党总支' }).waitFor();
    const totals = async () => (await table.getByTestId('assessment-total').allTextContents()).map(Number);
    expect((await totals()).length).toBe(draft.units.length);

    // sortable by the total, both ways
    const header = table.locator('th', { hasText: `合计（${draft.totalPoints}）` });
    await header.click();
    const up = await totals();
    expect(up).toEqual([...up].sort((a, b) => a - b));
    await header.click();
    const down = await totals();
    expect(down).toEqual([...up].sort((a, b) => b - a));
    expect(down[0]).toBe(Math.max(...draft.units.map((u) => u.total)));
    await screenshot(page, 'assessment-table');

    // a unit's sheet: the sentence behind an automatic point
    await table.getByTestId('assessment-unit').filter({ hasText: '一中党总支' }).click();
    const sessions = page.getByTestId('sheet-item-study.sessions');
    await sessions.getByTestId('sheet-evidence').filter({ hasText: '集中学习' }).waitFor();
    expect(Number(await page.getByTestId('sheet-total').textContent())).toBe(school.total);

    // a manual item scored with a reason: the total moves by that much
    const body = page.getByTestId('sheet-item-org.body');
    await body.getByRole('button', { name: /评\s*分/ }).click();
    await body.getByLabel('得分').fill('3');
    await body.getByRole('button', { name: /保\s*存/ }).click();
    await body.getByText('请填写评分理由').waitFor();
    await body.getByLabel('理由').fill('有专门机构，人员兼职');
    await body.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByTestId('sheet-total').filter({ hasText: String(Math.round((school.total + 3) * 100) / 100) }).waitFor();
    await body.getByText('评分理由：有专门机构，人员兼职（leader）').waitFor();
    await screenshot(page, 'assessment-sheet');
    expect(errors).toEqual([]);
    await context.close();
  });
});
