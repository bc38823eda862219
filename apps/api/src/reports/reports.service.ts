import { BadRequestException, HttpException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { AppConfig } from '@thermocline/config';
import { CadenceEntity, type JsonObject, PeriodEntity, ReportEntity, ReportItemEntity, ReportTextEntity, transactionWithRetry, UnitEntity } from '@thermocline/db';
import { inspectUpload, safeFileName, type DocumentFormat } from '@thermocline/documents';
import { enqueueExtract, JobQueues } from '@thermocline/jobs';
import { Clock, FileStore, isDependencyDown, writeAudit } from '@thermocline/runtime';
import { APP_CONFIG, LOGGER } from '@thermocline/server';
import type { Logger } from 'pino';
import { DataSource, type EntityManager } from 'typeorm';
import { canActFor, type AuthUser } from '../common/auth-user';
import { outOfScope } from '../common/errors';
import { assertPeriodOpen, isLate } from '../periods/period-dates';
import type { ReportDetailDto, ReportQueryDto, ReportSummaryDto, UploadAcceptedDto } from './dto/report.dto';
import { assertReportPeriodOpen, findReportInScope } from './report-scope';

const EXT: Record<DocumentFormat, string> = { docx: 'docx', doc: 'doc', pdf: 'pdf', txt: 'txt' };

export interface NewVersion {
  unit: UnitEntity;
  period: PeriodEntity;
  bytes: Buffer;
  originalName: string;
  format: DocumentFormat;
  mime: string;
  /** Already in the store (bulk intake). */
  storedKey?: string;
  /** More for the audit entry (bulk intake: the batch). */
  audit?: JsonObject;
}

interface SummaryRow {
  id: number;
  unitCode: string;
  unitName: string;
  unitPath: string;
  unitId: number;
  periodCode: string;
  version: number;
  maxVersion: number;
  status: ReportEntity['status'];
  error: string | null;
  submittedAt: Date;
  late: number | boolean;
  originalName: string;
  format: string;
  sizeBytes: number;
  specificity: number | null;
  placeholderCount: number;
}

@Injectable()
export class ReportsService {
  constructor(
    private readonly db: DataSource,
    private readonly store: FileStore,
    private readonly queues: JobQueues,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly clock: Clock,
  ) {}

  /**
   * Accepts an upload: scope, period, content checks; stores the original; commits the row; then
   * enqueues extraction. If Redis is down the upload still succeeds — the worker's sweeper enqueues
   * every report left `queued`.
   */
  async upload(user: AuthUser, bytes: Buffer, originalName: string, unitCode: string | undefined, periodCode: string | undefined): Promise<{ accepted: UploadAcceptedDto; created: boolean }> {
    if (!unitCode) throw new BadRequestException('请指定单位（unitCode）');
    if (!periodCode) throw new BadRequestException('请指定期次（periodCode）');
    // Multipart fields arrive after the guard has run, so the scope check is here.
    const unit = await this.db.getRepository(UnitEntity).findOneBy({ code: unitCode });
    if (!unit || !canActFor(user, unit)) throw outOfScope('单位');
    const period = await this.db.getRepository(PeriodEntity).findOneBy({ code: periodCode });
    if (!period) throw new NotFoundException(`期次「${periodCode}」不存在，请选择管理员已设置的期次`);
    assertPeriodOpen(period);

    const inspected = inspectUpload(bytes, this.config.upload);
    if (!inspected.ok) throw new HttpException({ message: inspected.error.message, code: inspected.error.code }, inspected.error.status);
    return this.createVersion(user, { unit, period, bytes, originalName, format: inspected.format, mime: inspected.mime });
  }

  /**
   * Stores checked bytes as the next version of a unit's report for a period, or answers the
   * existing report when these bytes are already there. Scope and content checks are the caller's;
   * bulk intake passes a file it already put in the store (`storedKey`), which this then owns on
   * success and leaves to the caller on a duplicate.
   */
  async createVersion(user: AuthUser, v: NewVersion): Promise<{ accepted: UploadAcceptedDto; created: boolean }> {
    const { unit, period, bytes, format } = v;
    const sha256 = FileStore.sha256(bytes);

    const existing = await this.findByBytes(unit.id, period.id, sha256);
    if (existing) return this.duplicate(existing);

    const now = this.clock.now();
    const stored = v.storedKey ? { key: v.storedKey } : await this.store.put(bytes, EXT[format], now);
    let report: ReportEntity;
    try {
      report = await transactionWithRetry(this.db, async (m) => {
        // Two uploads for the same unit at once must get versions N+1 and N+2: serialise them on the
        // unit's row. (Locking the range of its reports instead takes gap locks that deadlock with
        // other units' uploads next to it in the index.)
        await m.query('SELECT id FROM units WHERE id = ? FOR UPDATE', [unit.id]);
        const [row] = (await m.query('SELECT COALESCE(MAX(version), 0) AS v FROM reports WHERE unit_id = ? AND period_id = ?', [unit.id, period.id])) as { v: number | string }[];
        const version = Number(row?.v ?? 0) + 1;
        // Lateness belongs to the unit's period, as the late_report flag reads it (first submission):
        // a unit that reported on time stays on time when it uploads a corrected version later.
        const [first] = (await m.query('SELECT late FROM reports WHERE unit_id = ? AND period_id = ? AND version = 1', [unit.id, period.id])) as { late: number | string }[];
        const late = first ? Boolean(Number(first.late)) : isLate(now, period.dueOn, this.config.tzReports);
        const result = await m.insert(ReportEntity, {
          unitId: unit.id,
          periodId: period.id,
          version,
          status: 'queued',
          originalName: safeFileName(v.originalName || `report.${EXT[format]}`),
          format,
          mime: v.mime,
          sizeBytes: bytes.length,
          sha256,
          storageKey: stored.key,
          uploadedBy: user.id,
          submittedAt: now,
          late,
          attempts: 0,
          placeholderCount: 0,
          createdAt: now,
          updatedAt: now,
        });
        const id = Number(result.identifiers[0].id);
        await writeAudit(m, { action: 'report.upload', entity: 'report', entityId: id, detail: { unitCode: unit.code, periodCode: period.code, version, late, format, sizeBytes: bytes.length, sha256, ...v.audit } });
        return m.getRepository(ReportEntity).findOneByOrFail({ id });
      });
    } catch (e) {
      // A connection lost during the transaction leaves its COMMIT's outcome unknown: the row may
      // exist and point at this file. Keep the file then — an orphan costs disk, a missing
      // original loses a report. Any other error rolled the transaction back: nothing refers to it.
      if (isDependencyDown(e)) this.logger.warn({ key: stored.key, err: e instanceof Error ? e.message : String(e) }, 'upload transaction cut off; stored file kept');
      else await this.store.remove(stored.key).catch(() => undefined);
      if ((e as { code?: string }).code === 'ER_DUP_ENTRY') {
        const dup = await this.findByBytes(unit.id, period.id, sha256);
        if (dup) return this.duplicate(dup);
      }
      throw e;
    }
    await this.enqueue(report.id);
    return { accepted: { id: report.id, version: report.version, status: report.status }, created: true };
  }

  /**
   * The same bytes again: the existing report. If it is still `queued` (its first upload was
   * saved but never answered, or Redis was away), queue it now rather than wait for the sweeper;
   * the job id keeps that from ever running it twice.
   */
  private async duplicate(existing: Pick<ReportEntity, 'id' | 'version' | 'status'>): Promise<{ accepted: UploadAcceptedDto; created: boolean }> {
    if (existing.status === 'queued') await this.enqueue(existing.id);
    return { accepted: { id: existing.id, version: existing.version, status: existing.status, duplicate: true }, created: false };
  }

  /** Puts a report on the extraction queue; a Redis outage is logged, not fatal (the sweeper retries). */
  async enqueue(reportId: number): Promise<void> {
    try {
      await enqueueExtract(this.queues.queues.extraction, reportId);
    } catch (e) {
      this.logger.warn({ reportId, err: e instanceof Error ? e.message : String(e) }, 'could not enqueue extraction; the sweeper will');
    }
  }

  private findByBytes(unitId: number, periodId: number, sha256: string) {
    return this.db.getRepository(ReportEntity).findOne({ where: { unitId, periodId, sha256 }, select: { id: true, version: true, status: true } });
  }

  private summaryQuery(m: EntityManager = this.db.manager) {
    return m
      .createQueryBuilder()
      .select(['r.id AS id', 'u.code AS unitCode', 'u.name AS unitName', 'u.path AS unitPath', 'u.id AS unitId', 'p.code AS periodCode', 'r.version AS version'])
      .addSelect(['r.status AS status', 'r.error AS error', 'r.submitted_at AS submittedAt', 'r.late AS late', 'r.original_name AS originalName'])
      .addSelect(['r.format AS format', 'r.size_bytes AS sizeBytes', 'r.specificity AS specificity', 'r.placeholder_count AS placeholderCount'])
      .addSelect('(SELECT MAX(r2.version) FROM reports r2 WHERE r2.unit_id = r.unit_id AND r2.period_id = r.period_id)', 'maxVersion')
      .from(ReportEntity, 'r')
      .innerJoin(UnitEntity, 'u', 'u.id = r.unit_id')
      .innerJoin(PeriodEntity, 'p', 'p.id = r.period_id');
  }

  private toSummary(r: SummaryRow): ReportSummaryDto {
    return {
      id: Number(r.id),
      unitCode: r.unitCode,
      unitName: r.unitName,
      periodCode: r.periodCode,
      version: Number(r.version),
      latest: Number(r.version) === Number(r.maxVersion),
      status: r.status,
      error: r.error,
      submittedAt: new Date(r.submittedAt).toISOString(),
      late: Boolean(Number(r.late)),
      originalName: r.originalName,
      format: r.format,
      sizeBytes: Number(r.sizeBytes),
      specificity: r.specificity === null ? null : Number(r.specificity),
      placeholderCount: Number(r.placeholderCount),
    };
  }

  async list(user: AuthUser, q: ReportQueryDto): Promise<ReportSummaryDto[]> {
    const qb = this.summaryQuery().where('u.path LIKE :prefix', { prefix: `${user.unitPath}%` });
    if (q.unitCode) qb.andWhere('u.code = :unitCode', { unitCode: q.unitCode });
    if (q.periodCode) qb.andWhere('p.code = :periodCode', { periodCode: q.periodCode });
    if (q.status) qb.andWhere('r.status = :status', { status: q.status });
    if (q.latest === 'true') qb.andWhere('r.version = (SELECT MAX(r3.version) FROM reports r3 WHERE r3.unit_id = r.unit_id AND r3.period_id = r.period_id)');
    const rows = await qb.orderBy('p.ends_on', 'DESC').addOrderBy('u.path', 'ASC').addOrderBy('r.version', 'DESC').limit(5000).getRawMany<SummaryRow>();
    return rows.map((r) => this.toSummary(r));
  }

  /** A report the user may see, or 404. */
  findInScope(user: AuthUser, id: number): Promise<{ report: ReportEntity; unit: UnitEntity }> {
    return findReportInScope(this.db.manager, user, id);
  }

  async detail(user: AuthUser, id: number): Promise<ReportDetailDto> {
    const { report } = await this.findInScope(user, id);
    const [summary] = await this.summaryQuery().where('r.id = :id', { id }).getRawMany<SummaryRow>();
    const versions = await this.summaryQuery()
      .where('r.unit_id = :unitId AND r.period_id = :periodId', { unitId: report.unitId, periodId: report.periodId })
      .orderBy('r.version', 'DESC')
      .getRawMany<SummaryRow>();
    const text = await this.db.getRepository(ReportTextEntity).findOneBy({ reportId: id });
    const items = await this.db.getRepository(ReportItemEntity).find({ where: { reportId: id }, order: { kind: 'ASC', ord: 'ASC' } });
    const cadences = await this.db.getRepository(CadenceEntity).find({ where: { reportId: id }, order: { evidenceStart: 'ASC' } });
    const item = (x: ReportItemEntity) => ({ text: x.text, evidence: { start: x.evidenceStart, end: x.evidenceEnd, text: text ? text.text.slice(x.evidenceStart, x.evidenceEnd) : x.text } });
    return {
      ...this.toSummary(summary),
      text: text?.text ?? null,
      extractedAt: report.extractedAt ? report.extractedAt.toISOString() : null,
      problems: items.filter((x) => x.kind === 'problem').map(item),
      plans: items.filter((x) => x.kind === 'plan').map(item),
      placeholders: items.filter((x) => x.kind === 'placeholder').map(item),
      cadences: cadences.map((c) => ({ key: c.metricKey, per: c.per, times: c.times, evidence: { start: c.evidenceStart, end: c.evidenceEnd, text: c.evidenceText } })),
      versions: versions.map((v) => this.toSummary(v)),
    };
  }

  async original(user: AuthUser, id: number): Promise<{ bytes: Buffer; name: string; mime: string }> {
    const { report } = await this.findInScope(user, id);
    return { bytes: await this.store.get(report.storageKey), name: report.originalName, mime: report.mime };
  }

  /** Re-queues a failed report (after the cause was fixed, e.g. a bad catalogue edit). */
  async retry(user: AuthUser, id: number): Promise<UploadAcceptedDto> {
    const { report, unit } = await this.findInScope(user, id);
    if (!canActFor(user, unit)) throw outOfScope('报告');
    if (report.status !== 'failed') throw new BadRequestException('只有处理失败的报告可以重试');
    await assertReportPeriodOpen(this.db.manager, report.periodId);
    await this.db.transaction(async (m) => {
      await m.update(ReportEntity, { id }, { status: 'queued', error: null, errorCode: null, updatedAt: new Date() });
      await writeAudit(m, { action: 'report.status', entity: 'report', entityId: id, detail: { from: 'failed', to: 'queued', by: 'retry' } });
    });
    await this.enqueue(id);
    return { id, version: report.version, status: 'queued' };
  }
}
