// Unit import from .xlsx/.csv through the api: a dry run first (nothing written), then the real
// import. A file with any bad row answers 400 with the same {created, updated, errors} shape, so
// both outcomes become one ImportOutcome the per-row error report can show.
import { api, ApiError, errorMessage } from '../../../api/client';
import type { components } from '../../../api/schema';

export type ImportResult = components['schemas']['ImportResultDto'];

export interface ImportOutcome {
  ok: boolean;
  message: string | null;
  result: ImportResult | null;
}

export function isImportResult(b: unknown): b is ImportResult {
  return !!b && typeof b === 'object' && Array.isArray((b as ImportResult).errors) && typeof (b as ImportResult).created === 'number';
}

export async function importUnits(file: File, dryRun: boolean): Promise<ImportOutcome> {
  const form = new FormData();
  form.append('file', file, file.name);
  try {
    const { data, error, response } = await api.POST('/api/units/import', {
      params: { query: { dryRun } },
      body: form as unknown as { file: string },
      bodySerializer: (b: unknown) => b as FormData,
    });
    if (response.ok && data) return { ok: data.errors.length === 0, message: null, result: data };
    return { ok: false, message: errorMessage(error, response.status), result: isImportResult(error) ? error : null };
  } catch (e) {
    return { ok: false, message: e instanceof ApiError ? e.message : errorMessage(null, 0), result: null };
  }
}
