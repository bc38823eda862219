// Seeding for browser tests, through the api as people would: a bureau, a closed period, and
// reports uploaded by the secretaries and extracted by the real worker.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBureau, PASSWORD } from '../support/bureau';
import type { Browser } from 'playwright-core';
import { Client, fileForm } from '../support/http';
import { ADMIN_PASSWORD, startHarness, type Harness } from '../support/harness';
import { WorkerProcess } from '../support/worker-process';
import { launch } from './browser';

export const DOCS = join(__dirname, '..', 'fixtures', 'documents');
export const PERIOD = { code: '2025-H2', name: '2025年下半年', startsOn: '2025-07-01', endsOn: '2025-12-31', dueOn: '2026-01-10' };
export const OPEN_PERIOD = { code: '2026-H2', name: '2026年下半年', startsOn: '2026-07-01', endsOn: '2026-12-31', dueOn: '2099-01-10' };

/** A thin report: one committee meeting, nothing else. The sparsest unit of the bureau. */
export const THIN_REPORT = '二中党支部2025年下半年意识形态工作情况报告\n\n下半年，支部召开支委会1次，传达学习上级精神。\n存在问题：学习形式较为单一。\n';

export async function waitExtracted(client: Client, id: number, ms = 60_000): Promise<Record<string, unknown>> {
  const until = Date.now() + ms;
  for (;;) {
    const r = await client.get(`/api/reports/${id}`);
    if (r.body.status === 'extracted' || r.body.status === 'failed') return r.body;
    if (Date.now() > until) throw new Error(`report ${id} not extracted in ${ms} ms: ${JSON.stringify(r.body)}`);
    await new Promise((res) => setTimeout(res, 250));
  }
}

export async function upload(client: Client, unitCode: string, periodCode: string, name: string, bytes: Buffer): Promise<number> {
  const r = await client.post<{ id: number }>('/api/reports', fileForm({ unitCode, periodCode }, { name, bytes }));
  if (r.status !== 202 && r.status !== 200) throw new Error(`upload for ${unitCode}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id;
}

/** The test bureau and its periods (default: the open one), created by its admin, who is returned. */
export async function seedBureau(base: string, adminPassword: string, periods = [OPEN_PERIOD]): Promise<Client> {
  const admin = await new Client(base).login('admin', adminPassword);
  await createBureau(admin);
  for (const p of periods) {
    const r = await admin.post('/api/periods', p);
    if (r.status !== 201) throw new Error(`period: ${r.status} ${JSON.stringify(r.body)}`);
  }
  return admin;
}

export async function seedBureauWithReports(base: string, adminPassword: string): Promise<{ admin: Client; reports: Record<string, number> }> {
  const admin = await seedBureau(base, adminPassword, [PERIOD, OPEN_PERIOD]);
  const docx = readFileSync(join(DOCS, 'report-sample.docx'));
  const reports: Record<string, number> = {};
  const s1 = await new Client(base).login('sec-school-1', PASSWORD);
  reports['school-1'] = await upload(s1, 'school-1', PERIOD.code, '一中总支2025下半年报告.docx', docx);
  const s2 = await new Client(base).login('sec-school-2', PASSWORD);
  reports['school-2'] = await upload(s2, 'school-2', PERIOD.code, '二中支部报告.txt', Buffer.from(THIN_REPORT, 'utf8'));
  const sh = await new Client(base).login('sec-hospital', PASSWORD);
  reports.hospital = await upload(sh, 'hospital', PERIOD.code, '医院党委报告.docx', docx);
  for (const id of Object.values(reports)) {
    const r = await waitExtracted(admin, id);
    if (r.status !== 'extracted') throw new Error(`report ${id} failed: ${String(r.error)}`);
  }
  return { admin, reports };
}

/** What a browser spec over the seeded bureau runs against. */
export interface SeededStack {
  h: Harness;
  worker: WorkerProcess;
  browser: Browser;
  admin: Client;
}

/** The api, a worker, the bureau with its reports, and Chromium — each browser spec's beforeAll. */
export async function startSeededStack(): Promise<SeededStack> {
  const h = await startHarness();
  const worker = await WorkerProcess.start(h.env);
  const { admin } = await seedBureauWithReports(h.url, ADMIN_PASSWORD);
  const browser = await launch();
  return { h, worker, browser, admin };
}

/** Stops what `startSeededStack` started, whatever part of it did start. */
export async function stopSeededStack(s: Partial<SeededStack>): Promise<void> {
  await s.browser?.close();
  await s.worker?.stop();
  await s.h?.close();
}
