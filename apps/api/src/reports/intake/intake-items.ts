// From what each file of a batch is (its checks, its bytes' hash, its proposed unit) to what the
// clerk is shown: the cases that need their eye — a duplicate, a second file for one unit, a unit
// that already reported, no unit at all — each said as such. Pure, so it is tested without a server.
import type { DocumentFormat } from '@thermocline/documents';
import type { UnitMatch } from '@thermocline/extraction';
import type { IntakeItemDto } from './intake.dto';

export interface IntakeFile {
  index: number;
  fileName: string;
  bytes: Buffer;
  sha256: string | null;
  format: DocumentFormat | null;
  mime: string | null;
  /** Why the file cannot be a report (content checks), in Chinese. */
  error?: string;
  match?: UnitMatch;
}

export interface StoredCopy {
  id: number;
  sha256: string;
  version: number;
  unitCode: string;
  unitName: string;
}


export function annotate(files: IntakeFile[], stored: StoredCopy[], latestVersion: Map<string, number>): IntakeItemDto[] {
  const firstOfBytes = new Map<string, string>();
  const items = files.map((f): IntakeItemDto => {
    const m = f.match;
    const name = (code: string | null) => (code ? (m?.candidates.find((c) => c.unitCode === code)?.name ?? null) : null);
    const base: IntakeItemDto = {
      index: f.index,
      fileName: f.fileName,
      unitCode: m?.unitCode ?? null,
      unitName: name(m?.unitCode ?? null),
      confidence: m?.confidence ?? 0,
      reason: m?.reason ?? f.error ?? '',
      candidates: m?.candidates ?? [],
      status: m?.unitCode ? 'matched' : 'unmatched',
      notes: [],
      duplicateOfReportId: null,
    };
    if (f.error || !f.sha256) return { ...base, status: 'rejected', reason: f.error ?? '文件无法读取' };
    const copy = stored.find((s) => s.sha256 === f.sha256);
    if (copy) {
      return { ...base, status: 'duplicate', unitCode: copy.unitCode, unitName: copy.unitName, duplicateOfReportId: copy.id, reason: `与已上传的「${copy.unitName}」第 ${copy.version} 版报告完全相同，确认时不会重复导入` };
    }
    const earlier = firstOfBytes.get(f.sha256);
    if (earlier !== undefined) return { ...base, status: 'duplicate', reason: `与本批「${earlier}」内容完全相同，确认时不会重复导入` };
    firstOfBytes.set(f.sha256, f.fileName);
    return base;
  });

  // Several files for one unit: each becomes a version in turn on confirmation — usually a mistake.
  const byUnit = new Map<string, IntakeItemDto[]>();
  for (const it of items) if ((it.status === 'matched' || it.status === 'unmatched') && it.unitCode) byUnit.set(it.unitCode, [...(byUnit.get(it.unitCode) ?? []), it]);
  for (const group of byUnit.values()) {
    const existing = latestVersion.get(group[0].unitCode!) ?? 0;
    group.forEach((it, k) => {
      if (existing > 0) {
        it.status = 'new_version';
        it.notes.push(`该单位本期已上报第 ${existing} 版，确认后这份将成为第 ${existing + k + 1} 版`);
      }
      if (group.length > 1) {
        it.status = 'same_unit';
        const others = group.filter((o) => o !== it).map((o) => `「${o.fileName}」`);
        it.notes.push(`与本批${others.join('')}同为「${it.unitName}」，确认后将依次成为不同版本。请核对是否选错了单位，或去掉多余的一份`);
      }
    });
  }
  return items;
}
