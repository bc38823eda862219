import { BadRequestException, ConflictException, HttpException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { AppConfig } from '@thermocline/config';
import { IntakeBatchEntity, PeriodEntity, ReportEntity, UnitEntity } from '@thermocline/db';
import { decodeDocument, DocumentError, inspectUpload, isPlainZip, unpackArchive, type DocumentFormat } from '@thermocline/documents';
import { matchReportToUnit, type IntakeUnit } from '@thermocline/extraction';
import { Clock, FileStore } from '@thermocline/runtime';
import { APP_CONFIG, LOGGER } from '@thermocline/server';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { DataSource, In, LessThan } from 'typeorm';
import { inScope, type AuthUser } from '../../common/auth-user';
import { ReportsService } from '../reports.service';
import type { ConfirmBatchDto, ConfirmResultDto, IntakeBatchDto, IntakeItemDto } from './intake.dto';
import { annotate, type IntakeFile } from './intake-items';

/** A batch and its files are kept this long for the clerk to confirm. */
export const BATCH_TTL_MS = 24 * 60 * 60 * 1000;
const EXT: Record<DocumentFormat, string> = { docx: 'docx', doc: 'doc', pdf: 'pdf', txt: 'txt' };

/** What the batch row keeps per file (the proposal plus where its bytes are). */
interface StoredItem extends IntakeItemDto {
  storageKey: string | null;
  format: DocumentFormat | null;
  mime: string | null;
}

const NOT_FOUND = '批次不存在或已过期（上传后 24 小时内有效），请重新上传文件';

/**
 * Bulk intake: a clerk drops what arrived (files, or one .zip), each file is read and matched to a
 * unit of the clerk's subtree, and nothing becomes a report until the clerk confirms — then each
 * goes through the same path as a single upload (ReportsService.createVersion).
 */
@Injectable()
export class IntakeService {
  constructor(
    private readonly db: DataSource,
    private readonly store: FileStore,
    private readonly reports: ReportsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly clock: Clock,
  ) {}

  async propose(user: AuthUser, uploads: { name: string; bytes: Buffer }[], periodCode: string | undefined): Promise<IntakeBatchDto> {
    if (!periodCode) throw new BadRequestException('请指定期次（periodCode）');
    const period = await this.db.getRepository(PeriodEntity).findOneBy({ code: periodCode });
    if (!period) throw new NotFoundException(`期次「${periodCode}」不存在，请选择管理员已设置的期次`);
    if (!uploads.length) throw new BadRequestException('请选择要上传的报告文件（表单字段 files，可多个，或一个 .zip 压缩包）');
    await this.purgeExpired();

    const files = this.expand(uploads);
    const units = await this.db
      .getRepository(UnitEntity)
      .createQueryBuilder('u')
      .leftJoin(UnitEntity, 'p', 'p.id = u.parent_id')
      .select(['u.id AS id', 'u.code AS code', 'u.name AS name', 'p.code AS parentCode'])
      .where('u.path LIKE :prefix', { prefix: `${user.unitPath}%` })
      .getRawMany<IntakeUnit & { id: number }>();
    // A parent outside the caller's subtree is no help (and no business of theirs).
    const codes = new Set(units.map((u) => u.code));
    for (const u of units) if (u.parentCode && !codes.has(u.parentCode)) u.parentCode = null;

    const read: IntakeFile[] = [];
    for (const [index, f] of files.entries()) read.push(await this.readOne(index, f, units));

    // Bytes already stored this period for a unit the caller may see, and each unit's latest version.
    const hashes = [...new Set(read.map((f) => f.sha256).filter((h): h is string => !!h))];
    const stored = hashes.length
      ? await this.db
          .createQueryBuilder()
          .select(['r.id AS id', 'r.sha256 AS sha256', 'r.version AS version', 'u.code AS unitCode', 'u.name AS unitName'])
          .from(ReportEntity, 'r')
          .innerJoin(UnitEntity, 'u', 'u.id = r.unit_id')
          .where('r.period_id = :pid AND r.sha256 IN (:...hashes) AND u.path LIKE :prefix', { pid: period.id, hashes, prefix: `${user.unitPath}%` })
          .getRawMany<{ id: number; sha256: string; version: number; unitCode: string; unitName: string }>()
      : [];
    const versions = await this.db
      .createQueryBuilder()
      .select(['u.code AS unitCode', 'MAX(r.version) AS version'])
      .from(ReportEntity, 'r')
      .innerJoin(UnitEntity, 'u', 'u.id = r.unit_id')
      .where('r.period_id = :pid AND u.path LIKE :prefix', { pid: period.id, prefix: `${user.unitPath}%` })
      .groupBy('u.code')
      .getRawMany<{ unitCode: string; version: number | string }>();
    const items = annotate(
      read,
      stored.map((s) => ({ ...s, id: Number(s.id), version: Number(s.version) })),
      new Map(versions.map((v) => [v.unitCode, Number(v.version)])),
    );

    const now = this.clock.now();
    const kept: StoredItem[] = [];
    for (const [i, item] of items.entries()) {
      const f = read[i];
      const keep = f.format && item.status !== 'duplicate' && item.status !== 'rejected';
      const key = keep ? (await this.store.put(f.bytes, EXT[f.format!], now)).key : null;
      kept.push({ ...item, storageKey: key, format: f.format, mime: f.mime });
    }
    const batch = { id: randomUUID(), userId: user.id, periodId: period.id, createdAt: now, expiresAt: new Date(now.getTime() + BATCH_TTL_MS), confirmedAt: null };
    try {
      // JSON columns defeat TypeORM's deep-partial typing; StoredItem is the check.
      await this.db.getRepository(IntakeBatchEntity).insert({ ...batch, items: kept as never });
    } catch (e) {
      for (const k of kept) if (k.storageKey) await this.store.remove(k.storageKey).catch(() => undefined);
      throw e;
    }
    return { batchId: batch.id, periodCode: period.code, expiresAt: batch.expiresAt.toISOString(), items };
  }

  /** Files as sent, a zip replaced by the files in it. One zip per batch, and no zip inside a zip. */
  private expand(uploads: { name: string; bytes: Buffer }[]): { name: string; bytes: Buffer; error?: DocumentError }[] {
    const zips = uploads.filter((u) => isPlainZip(u.bytes));
    if (zips.length > 1) throw new BadRequestException('一次只能上传一个 .zip 压缩包，请合并为一个，或分批上传');
    const out: { name: string; bytes: Buffer; error?: DocumentError }[] = [];
    for (const u of uploads) {
      if (!isPlainZip(u.bytes)) {
        out.push(u);
        continue;
      }
      let inside;
      try {
        inside = unpackArchive(u.bytes, this.config.upload);
      } catch (e) {
        if (e instanceof DocumentError) throw new HttpException({ message: e.message, code: e.code }, e.status);
        throw e;
      }
      if (!inside.length) throw new BadRequestException('压缩包里没有文件，请确认压缩了报告文档');
      for (const f of inside) {
        const nested = isPlainZip(f.bytes);
        out.push({ ...f, error: nested ? new DocumentError('NESTED_ZIP', '压缩包里的压缩包不会再解开，请解压后把其中的报告一起上传', 415) : undefined });
      }
    }
    if (out.length > 200) throw new BadRequestException('一次最多处理 200 个文件，请分批上传');
    return out;
  }

  /** Content checks, text and the unit proposal for one file; a file that fails is an item saying why. */
  private async readOne(index: number, f: { name: string; bytes: Buffer; error?: DocumentError }, units: IntakeUnit[]): Promise<IntakeFile> {
    const base = { index, fileName: f.name, bytes: f.bytes, sha256: null, format: null, mime: null };
    if (f.error) return { ...base, error: f.error.message };
    const inspected = inspectUpload(f.bytes, this.config.upload);
    if (!inspected.ok) return { ...base, error: inspected.error.message };
    let text: string;
    try {
      text = (await decodeDocument(f.bytes, inspected.format)).text;
    } catch (e) {
      if (e instanceof DocumentError) return { ...base, error: e.message };
      throw e;
    }
    return { ...base, sha256: FileStore.sha256(f.bytes), format: inspected.format, mime: inspected.mime, match: matchReportToUnit(text, f.name, units) };
  }

  async confirm(user: AuthUser, batchId: string, body: ConfirmBatchDto): Promise<ConfirmResultDto> {
    const repo = this.db.getRepository(IntakeBatchEntity);
    const batch = /^[0-9a-f-]{36}$/.test(batchId) ? await repo.findOneBy({ id: batchId }) : null;
    if (!batch || batch.userId !== user.id || batch.expiresAt.getTime() <= this.clock.now().getTime()) throw new NotFoundException(NOT_FOUND);
    // Claim it: two confirmations at once must not import twice.
    const claimed = await repo.createQueryBuilder().update().set({ confirmedAt: this.clock.now() }).where('id = :id AND confirmed_at IS NULL', { id: batchId }).execute();
    if (!claimed.affected) throw new ConflictException('这一批文件已经确认过了，不能重复导入。请到报告列表查看');
    const period = await this.db.getRepository(PeriodEntity).findOneByOrFail({ id: batch.periodId });
    const items = batch.items as unknown as StoredItem[];
    const wanted = new Map<number, string>();
    for (const w of body.items) if (!wanted.has(w.index)) wanted.set(w.index, w.unitCode);
    const unitRows = wanted.size ? await this.db.getRepository(UnitEntity).findBy({ code: In([...new Set(wanted.values())]) }) : [];
    const unitsByCode = new Map(unitRows.map((u) => [u.code, u]));

    const result: ConfirmResultDto = { accepted: [], skipped: [] };
    for (const index of [...wanted.keys()].filter((i) => !items.some((it) => it.index === i))) result.skipped.push({ index, reason: `这一批里没有第 ${index + 1} 个文件` });
    for (const item of items) {
      const unitCode = wanted.get(item.index);
      if (unitCode === undefined) continue;
      const skip = (reason: string) => result.skipped.push({ index: item.index, reason });
      if (!item.storageKey || !item.format || !item.mime) {
        skip(item.status === 'duplicate' ? '与已有文件完全相同，未重复导入' : `文件无法作为报告导入：${item.reason}`);
        continue;
      }
      const unit = unitsByCode.get(unitCode);
      if (!unit || !inScope(user, unit.path)) {
        skip(`单位「${unitCode}」不存在或不在您的管辖范围内，请重新选择`);
        continue;
      }
      const bytes = await this.store.get(item.storageKey);
      const { accepted, created } = await this.reports.createVersion(user, {
        unit,
        period,
        bytes,
        originalName: item.fileName.split('/').pop() ?? item.fileName,
        format: item.format,
        mime: item.mime,
        storedKey: item.storageKey,
        audit: { via: 'bulk', batchId, fileName: item.fileName, proposedUnitCode: item.unitCode },
      });
      if (created) item.storageKey = null; // the report owns the file now
      result.accepted.push({ index: item.index, ...accepted });
    }
    // What was not imported is not kept.
    for (const item of items) if (item.storageKey) await this.store.remove(item.storageKey).catch(() => undefined);
    await repo.update({ id: batchId }, { items: items.map((i) => ({ ...i, storageKey: null })) as never });
    return result;
  }

  /** Expired batches go with their files (the files of a confirmed batch are gone already). */
  async purgeExpired(): Promise<void> {
    const repo = this.db.getRepository(IntakeBatchEntity);
    const old = await repo.find({ where: { expiresAt: LessThan(this.clock.now()) }, take: 100 });
    for (const b of old) {
      for (const item of b.items as unknown as StoredItem[]) if (item.storageKey) await this.store.remove(item.storageKey).catch(() => undefined);
      await repo.delete({ id: b.id });
    }
    if (old.length) this.logger.info({ batches: old.length }, 'expired intake batches removed');
  }
}
