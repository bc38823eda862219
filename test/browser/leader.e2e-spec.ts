// A leader signs in, picks a period, sees the cold units and opens one, clicks a figure and sees
// its sentence highlighted — in headless Chromium against the real built app, api, MariaDB,
// Redis and worker.
import type { Browser } from 'playwright-core';
import { PASSWORD } from '../support/bureau';
import type { Harness } from '../support/harness';
import { Client } from '../support/http';
import { WorkerProcess } from '../support/worker-process';
import { openTab, pickPeriod, screenshot, signIn } from './browser';
import { OPEN_PERIOD, PERIOD, startSeededStack, stopSeededStack } from './seed';

interface GapAnswer {
  units: { code: string; name: string; temperature: number | null; reportId?: number | null; flags: { code: string; reason: string }[] }[];
}

describe('leader in the browser', () => {
  let h: Harness;
  let worker: WorkerProcess;
  let browser: Browser;
  let admin: Client;

  beforeAll(async () => {
    ({ h, worker, browser, admin } = await startSeededStack());
  });

  afterAll(() => stopSeededStack({ h, worker, browser }));

  it('signs in, picks a period, opens a unit from the reports list, clicks a figure and sees its sentence light up', async () => {
    const { page, errors, context } = await openTab(browser, h.url);
    await signIn(page, 'leader', PASSWORD);
    await expectScope(page, '局党组');
    await page.getByRole('menuitem', { name: '报告一览' }).click();
    await pickPeriod(page, PERIOD.name);
    await page.getByRole('link', { name: '一中党总支' }).click();
    await page.getByTestId('unit-name').filter({ hasText: '一中党总支' }).waitFor();

    // the report text with every extracted number highlighted
    const text = page.getByTestId('report-text');
    await text.locator('mark').first().waitFor();
    expect(await text.locator('mark').count()).toBeGreaterThanOrEqual(5);

    // click a figure in the metric table: its sentence scrolls into view and lights up
    const figure = page.getByTestId('figure-evidence').filter({ hasText: '集中学习' }).first();
    const phrase = (await figure.textContent())!.trim();
    await figure.click();
    const lit = text.locator('.tc-sentence-active');
    await lit.first().waitFor();
    const sentence = (await lit.allTextContents()).join('');
    expect(sentence).toContain(phrase);
    expect(sentence).toContain('下半年共组织集中学习２２次');
    expect(await lit.first().isVisible()).toBe(true);
    expect(await text.locator('mark.tc-active').textContent()).toBe(phrase);
    await screenshot(page, 'leader-figure-sentence');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('sees the cold units on the dashboard and opens one down to a highlighted sentence', async () => {
    const probe = await admin.get<GapAnswer>(`/api/dashboard/gap?period=${PERIOD.code}`);
    if (probe.status === 404) {
      console.warn(`SKIPPED (runtime check): GET /api/dashboard/gap answers 404 — the dashboard endpoint is not built yet, so cold units cannot be shown. ${JSON.stringify(probe.body)}`);
      return;
    }
    expect(probe.status).toBe(200);
    // Aggregation runs in the worker after extraction: wait until every reporting unit is rated.
    const gap = await waitFor(async () => {
      const r = await admin.get<GapAnswer>(`/api/dashboard/gap?period=${PERIOD.code}`);
      const reported = r.body.units.filter((u) => u.reportId != null);
      return reported.length >= 3 && reported.every((u) => u.temperature !== null) ? r.body : null;
    });
    const cold = gap.units.filter((u) => u.flags.some((f) => f.code === 'cold'));
    expect(cold.map((u) => u.code)).toContain('school-2');

    const { page, errors, context } = await openTab(browser, h.url);
    await signIn(page, 'leader', PASSWORD);
    await pickPeriod(page, PERIOD.name);
    const card = page.getByTestId('cold-units');
    for (const u of cold) await card.getByRole('link', { name: u.name }).waitFor();
    expect(await card.getByRole('link').count()).toBe(cold.length);
    await page.getByTestId('level-chart').and(page.locator('[data-painted=true]')).waitFor();
    await screenshot(page, 'leader-dashboard');

    await card.getByRole('link', { name: '二中党支部' }).click();
    await page.getByTestId('unit-name').filter({ hasText: '二中党支部' }).waitFor();
    const text = page.getByTestId('report-text');
    await text.locator('mark').first().click();
    const sentence = (await text.locator('.tc-sentence-active').allTextContents()).join('');
    expect(sentence).toBe('下半年，支部召开支委会1次，传达学习上级精神。');
    await screenshot(page, 'leader-cold-unit');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens on the latest period with reports, counts cold and missing units, and says when a period has no reports', async () => {
    // Aggregated with its reports (the later, still empty OPEN_PERIOD must not be what opens).
    await waitFor(async () => {
      const r = await admin.get<GapAnswer & { status: string }>(`/api/dashboard/gap?period=${PERIOD.code}`);
      return r.body.status === 'ok' && r.body.units.filter((u) => u.reportId != null).every((u) => u.temperature !== null) ? true : null;
    });
    const { page, errors, context } = await openTab(browser, h.url);
    await signIn(page, 'leader', PASSWORD);
    await page.getByTestId('period-picker').filter({ hasText: PERIOD.name }).waitFor();
    const gap = (await admin.get<GapAnswer & { overview: { coldCount: number; missing: number } }>(`/api/dashboard/gap?period=${PERIOD.code}`)).body;
    await page.getByText(`偏冷 ${gap.overview.coldCount} · 未报送 ${gap.overview.missing}`).waitFor();
    expect(gap.overview.missing).toBeGreaterThan(0);

    await pickPeriod(page, OPEN_PERIOD.name);
    await waitFor(async () => ((await admin.get<{ status: string }>(`/api/dashboard/gap?period=${OPEN_PERIOD.code}`)).body.status === 'no_data' ? true : null));
    await page.reload();
    await page.getByTestId('gap-no-data').getByText('本期尚无报告').waitFor();
    expect(await page.getByText('未见明显衰减').count()).toBe(0);
    await screenshot(page, 'leader-empty-period');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('uses every dashboard view: comparison with Excel export, heatmap, org tree, trend, chart image, English', async () => {
    const { page, errors, context } = await openTab(browser, h.url, { width: 1440, height: 1000 });
    await signIn(page, 'leader', PASSWORD);
    await pickPeriod(page, PERIOD.name);
    const painted = (id: string) => page.locator(`[data-testid=${id}][data-painted=true]`).waitFor({ timeout: 30_000 });
    await painted('level-chart');

    // save the signature chart as an image (the card of the picked period: the previous period's
    // chart may still be on screen for a moment after the pick)
    const levelCard = page.locator(`[data-chart="上热下冷-${PERIOD.name}"]`, { has: page.locator('[data-testid=level-chart][data-painted=true]') });
    await levelCard.waitFor({ timeout: 30_000 });
    const [png] = await Promise.all([page.waitForEvent('download'), levelCard.getByRole('button', { name: '保存图片' }).click()]);
    expect(png.suggestedFilename()).toBe(`上热下冷-${PERIOD.name}.png`);
    const pngBytes = await readDownload(png);
    expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');

    // comparison (default tab) and its Excel export, straight from the api
    await painted('comparison-chart');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const xlsxBytes = await readDownload(xlsx);
    expect(xlsxBytes.subarray(0, 2).toString()).toBe('PK');

    for (const [tab, chart] of [
      ['单位×指标热力图', 'heatmap-chart'],
      ['组织树', 'tree-chart'],
      ['趋势', 'trend-chart'],
    ] as const) {
      await page.getByRole('tab', { name: tab }).click();
      await painted(chart);
      await screenshot(page, `leader-${chart}`);
    }

    await page.getByRole('button', { name: 'language' }).click();
    await page.getByRole('menuitem', { name: 'Dashboard' }).waitFor();
    await page.getByText('Median temperature by level, and the loss between levels').waitFor();
    await screenshot(page, 'leader-dashboard-en');
    await page.getByRole('button', { name: 'language' }).click();
    expect(errors).toEqual([]);
    await context.close();
  });
});

async function readDownload(d: import('playwright-core').Download): Promise<Buffer> {
  const stream = await d.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function expectScope(page: import('playwright-core').Page, unitName: string): Promise<void> {
  const scope = page.getByTestId('user-scope');
  await scope.filter({ hasText: unitName }).waitFor();
  expect(await scope.textContent()).toContain('领导');
}

async function waitFor<T>(fn: () => Promise<T | null>, ms = 60_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error('timed out waiting for the aggregation');
    await new Promise((r) => setTimeout(r, 500));
  }
}
