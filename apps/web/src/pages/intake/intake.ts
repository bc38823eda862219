// Bulk intake: sends the dropped files (or a .zip) for the api to match, and the clerk's choices back.
import { api, authHeader, ApiError, errorMessage, ok } from '../../api/client';
import type { components } from '../../api/schema';
import { sessionStore } from '../../session/session';

export type IntakeBatch = components['schemas']['IntakeBatchDto'];
export type IntakeItem = components['schemas']['IntakeItemDto'];
export type ConfirmResult = components['schemas']['ConfirmResultDto'];

export const INTAKE_ACCEPT = '.docx,.doc,.pdf,.txt,.zip';

/** Multipart with many `files`: plain fetch (openapi-fetch does not build multipart bodies). */
export async function proposeBatch(files: File[], periodCode: string): Promise<IntakeBatch> {
  const form = new FormData();
  form.append('periodCode', periodCode);
  for (const f of files) form.append('files', f, f.webkitRelativePath || f.name);
  let res: Response;
  try {
    res = await fetch('/api/reports/bulk', { method: 'POST', headers: authHeader(), body: form });
  } catch (e) {
    throw new ApiError(0, errorMessage(null, 0), e);
  }
  if (res.status === 401) sessionStore.end('expired');
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, errorMessage(body, res.status), body);
  return body as IntakeBatch;
}

export function confirmBatch(batchId: string, items: { index: number; unitCode: string }[]): Promise<ConfirmResult> {
  return ok(api.POST('/api/reports/bulk/{batchId}/confirm', { params: { path: { batchId } }, body: { items } }));
}

/** Imported by default: a file with a unit that is neither a copy nor unreadable. */
export function importable(item: Pick<IntakeItem, 'status' | 'unitCode'>): boolean {
  return !!item.unitCode && item.status !== 'duplicate' && item.status !== 'rejected';
}

export const STATUS_VIEW: Record<IntakeItem['status'], { zh: string; en: string; color: string }> = {
  matched: { zh: '已匹配', en: 'matched', color: 'green' },
  new_version: { zh: '新版本', en: 'new version', color: 'blue' },
  same_unit: { zh: '同一单位多份', en: 'same unit twice', color: 'orange' },
  unmatched: { zh: '未能确定单位', en: 'no unit', color: 'red' },
  duplicate: { zh: '重复文件', en: 'duplicate', color: 'default' },
  rejected: { zh: '无法导入', en: 'rejected', color: 'red' },
};
