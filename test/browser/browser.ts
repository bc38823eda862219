// Browser-test support: Debian's Chromium driven by playwright-core (never a downloaded browser),
// against the real built web app served by the real api (test/support/harness.ts).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(__dirname, '..', 'artifacts');
const WEB_INDEX = join(__dirname, '..', '..', 'apps', 'web', 'dist', 'index.html');

export function assertBuilt(): void {
  if (!existsSync(WEB_INDEX)) throw new Error(`${WEB_INDEX} is missing: run npm run build first (npm test does)`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
}

export async function launch(): Promise<Browser> {
  assertBuilt();
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

export interface Tab {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors seen so far (a test asserts there are none). */
  errors: string[];
}

export async function openTab(browser: Browser, baseURL: string, viewport = { width: 1366, height: 900 }): Promise<Tab> {
  const context = await browser.newContext({ baseURL, viewport, locale: 'zh-CN', acceptDownloads: true });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('user-scope').waitFor();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Chooses `label` in an antd Select: opens it, types `search` if given and waits for the list to
 * be narrowed (it is redrawn as the search changes: a click on a list being redrawn may choose
 * nothing), clicks the option showing `label`, and waits until a Select shows it chosen.
 */
export async function choose(page: Page, select: Locator, label: string, search?: string): Promise<void> {
  await select.click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  if (search) {
    await page.keyboard.type(search);
    await options.filter({ hasNotText: search }).first().waitFor({ state: 'detached' });
  }
  await options.filter({ hasText: label }).first().click();
  await page.locator('.ant-select-content-has-value', { hasText: label }).first().waitFor();
}

/** Picks a period in the header's period picker by its visible name. */
export async function pickPeriod(page: Page, name: string): Promise<void> {
  await choose(page, page.getByTestId('period-picker'), name);
}
