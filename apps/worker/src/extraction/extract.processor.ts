import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@thermocline/config';
import { CadenceEntity, MentionEntity, ReportEntity, ReportItemEntity, transactionWithRetry } from '@thermocline/db';
import { decodeDocument, DocumentError, type DocumentFormat } from '@thermocline/documents';
import { extract, prepareText, type ExtractionResult } from '@thermocline/extraction';
import type { PendingDelivery } from '@thermocline/notify';
import { Catalogue, FileStore, isDependencyDown, writeAudit } from '@thermocline/runtime';
import { APP_CONFIG, LOGGER } from '@thermocline/server';
import { UnrecoverableError, type Job } from 'bullmq';
import type { Logger } from 'pino';
import { DataSource, type EntityManager } from 'typeorm';
import { AfterExtraction } from './after-extraction';
import { unclassifiedPhrase } from './phrase';

/**
 * A review's anchor across re-extractions: the span and the key the extractor gave; an
 * unclassified count (no key) by its figure too, as several may share one clause's evidence.
 */
function spanKey(start: number, end: number, key: string | null, value: number, unit: string): string {
  return key === null ? `${start}:${end}:?${value}${unit}` : `${start}:${end}:${key}`;
}

/** A review's anchor from one version to the next: what the extractor said, and the sentence. */
function textKey(key: string | null, value: number, evidenceText: string): string {
  return `${key ?? '?'}|${value}|${evidenceText}`;
}

/** What a secretary reads when a file cannot be processed for a reason nobody can see in it. */
const GENERIC_FAILURE = '处理报告时出错，系统已多次重试仍未成功。请稍后重新上传；如果仍然失败，请联系管理员并提供报告编号';
const NO_TEXT = '文档中没有可读取的文字（可能是扫描的图片或空白文档）。请上传由 Word/WPS 编辑的原始文档，或可复制文字的 PDF';

/**
 * Whether a failed attempt marks the report `failed`: only the last one, and never when MySQL or
 * Redis was away — an outage is not the secretary's problem. Such a report stays `processing`, and
 * the sweeper enqueues it again once the database answers (2 × WORKER_LOCK_MS later).
 */
export function failsReport(lastAttempt: boolean, e: unknown): boolean {
  return lastAttempt && !isDependencyDown(e);
}

export interface ExtractOutcome {
  status: 'extracted' | 'failed' | 'skipped';
  mentions?: number;
}

/**
 * The `extract` job: decode the stored original, normalise, run the extractor, and replace
 * everything an earlier attempt wrote for this report — in one transaction, so re-running a job
 * (retry, a killed worker, a re-extraction after a catalogue change) never duplicates a row.
 */
@Injectable()
export class ExtractProcessor {
  private readonly catalogue: Catalogue;

  constructor(
    private readonly db: DataSource,
    private readonly store: FileStore,
    private readonly after: AfterExtraction,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(APP_CONFIG) readonly config: AppConfig,
  ) {
    this.catalogue = new Catalogue(db);
  }

  async run(reportId: number, job?: Pick<Job, 'attemptsMade' | 'opts'> & { data?: { force?: boolean } }): Promise<ExtractOutcome> {
    const report = await this.db.getRepository(ReportEntity).findOneBy({ id: reportId });
    if (!report) return { status: 'skipped' };
    if (report.status === 'extracted' && !job?.data?.force) {
      await this.after.reaggregate(report);
      return { status: 'skipped' };
    }
    await this.setStatus(report, 'processing', null);

    const started = Date.now();
    let text: string;
    try {
      const bytes = await this.store.get(report.storageKey);
      const decoded = await decodeDocument(bytes, report.format as DocumentFormat);
      text = prepareText(decoded.text);
      if (!text.trim()) throw new DocumentError('NO_TEXT', NO_TEXT, 422);
    } catch (e) {
      if (e instanceof DocumentError && !e.retryable) {
        await this.setStatus(report, 'failed', { code: e.code, message: e.message });
        throw new UnrecoverableError(e.message);
      }
      await this.failIfLastAttempt(report, job, e);
      throw e;
    }

    try {
      const definitions = await this.catalogue.enabled();
      const result = extract(text, { definitions });
      const { mentions, deliveries } = await transactionWithRetry(this.db, (m) => this.replace(m, report, text, result, Date.now() - started));
      await this.after.extracted(report, deliveries);
      return { status: 'extracted', mentions };
    } catch (e) {
      await this.failIfLastAttempt(report, job, e);
      throw e;
    }
  }

  private async failIfLastAttempt(report: ReportEntity, job: Pick<Job, 'attemptsMade' | 'opts'> | undefined, e: unknown): Promise<void> {
    const attempts = job?.opts.attempts ?? 1;
    const last = (job?.attemptsMade ?? 0) + 1 >= attempts;
    this.logger.warn({ reportId: report.id, attempt: (job?.attemptsMade ?? 0) + 1, of: attempts, err: e instanceof Error ? e.message : String(e) }, 'extraction attempt failed');
    if (failsReport(last, e)) await this.setStatus(report, 'failed', { code: 'PROCESSING_ERROR', message: GENERIC_FAILURE }).catch(() => undefined);
    else if (last) this.logger.warn({ reportId: report.id }, 'last attempt failed while a dependency was down: left processing for the sweeper');
  }

  private async setStatus(report: ReportEntity, status: ReportEntity['status'], error: { code: string; message: string } | null): Promise<void> {
    await this.db.transaction(async (m) => {
      const patch: Partial<ReportEntity> = { status, errorCode: error?.code ?? null, error: error?.message.slice(0, 500) ?? null, updatedAt: new Date() };
      if (status === 'processing') await m.increment(ReportEntity, { id: report.id }, 'attempts', 1);
      await m.update(ReportEntity, { id: report.id }, patch);
      await writeAudit(m, { action: 'report.status', entity: 'report', entityId: report.id, detail: { from: report.status, to: status, ...(error ? { reason: error.message } : {}) } });
    });
    if (status === 'failed') await this.after.failed(report, error?.message ?? GENERIC_FAILURE);
    report.status = status;
  }

  private async deleteByIds(m: EntityManager, table: 'mentions' | 'report_items' | 'cadences', where: string, reportId: number): Promise<void> {
    const rows = (await m.query(`SELECT id FROM ${table} WHERE ${where}`, [reportId])) as { id: string }[];
    for (let i = 0; i < rows.length; i += 1000) {
      const ids = rows.slice(i, i + 1000).map((r) => r.id);
      await m.query(`DELETE FROM ${table} WHERE id IN (${ids.map(() => '?').join(',')})`, ids);
    }
  }

  /**
   * Replaces this report's text and extraction rows; carries reviews over to re-extracted spans.
   * The secretary's notification commits with them.
   */
  private async replace(m: EntityManager, report: ReportEntity, text: string, result: ExtractionResult, ms: number): Promise<{ mentions: number; deliveries: PendingDelivery[] }> {
    // Serialise writers of the same report (a re-extraction racing a retry).
    await m.query('SELECT id FROM reports WHERE id = ? FOR UPDATE', [report.id]);
    const reviewed = await m
      .getRepository(MentionEntity)
      .createQueryBuilder('x')
      .where('x.reportId = :id AND x.origin = :auto AND x.state <> :unreviewed', { id: report.id, auto: 'auto', unreviewed: 'unreviewed' })
      .getMany();
    // What the extractor said at a span (a correction keeps it in original_*): the review's anchor.
    const reviewBySpan = new Map(reviewed.map((r) => {
      const said = r.state === 'corrected' ? r.originalKey : r.metricKey;
      const value = r.state === 'corrected' && r.originalValue !== null ? r.originalValue : Number(r.value);
      return [spanKey(r.evidenceStart, r.evidenceEnd, said, value, r.unitWord), r];
    }));

    // A new version's first extraction: a review of the previous version carries over when the
    // same figure (key, value, sentence) is in this one — spans move between versions, text does not.
    const [{ n: hadMentions } = { n: 0 }] = (await m.query(`SELECT COUNT(*) AS n FROM mentions WHERE report_id = ? AND origin = 'auto'`, [report.id])) as { n: number | string }[];
    const previous = report.version > 1 && Number(hadMentions) === 0
      ? await m
          .getRepository(MentionEntity)
          .createQueryBuilder('x')
          .innerJoin(ReportEntity, 'r', 'r.id = x.reportId')
          .where('r.unitId = :unit AND r.periodId = :period AND r.version = :v', { unit: report.unitId, period: report.periodId, v: report.version - 1 })
          .andWhere('x.origin = :auto AND x.state <> :unreviewed', { auto: 'auto', unreviewed: 'unreviewed' })
          .getMany()
      : [];
    const reviewByText = new Map(previous.map((r) => [textKey(r.state === 'corrected' ? r.originalKey : r.metricKey, r.state === 'corrected' && r.originalValue !== null ? r.originalValue : Number(r.value), r.evidenceText), r]));

    // Delete by primary key: a range delete on report_id would take gap locks that deadlock with
    // other reports' inserts next to it in the index.
    await this.deleteByIds(m, 'mentions', `report_id = ? AND origin = 'auto'`, report.id);
    await this.deleteByIds(m, 'report_items', 'report_id = ?', report.id);
    await this.deleteByIds(m, 'cadences', 'report_id = ?', report.id);
    await m.query('INSERT INTO report_texts (report_id, text) VALUES (?, ?) ON DUPLICATE KEY UPDATE text = VALUES(text)', [report.id, text]);

    const now = new Date();
    const mentionRows = [...result.metrics, ...result.unclassified.map((u) => ({ ...u, key: null, approx: false, subset: false }))].map((x) => {
      const prior =
        reviewBySpan.get(spanKey(x.evidence.start, x.evidence.end, x.key, x.value, x.unit.slice(0, 16))) ??
        reviewByText.get(textKey(x.key, x.value, x.evidence.text.slice(0, 1000)));
      return {
        reportId: report.id,
        metricKey: prior && prior.state === 'corrected' ? prior.metricKey : x.key,
        value: prior && prior.state === 'corrected' ? prior.value : x.value,
        approx: x.approx,
        unitWord: x.unit.slice(0, 16),
        subset: Boolean(x.subset),
        evidenceStart: x.evidence.start,
        evidenceEnd: x.evidence.end,
        evidenceText: x.evidence.text.slice(0, 1000),
        origin: 'auto' as const,
        state: prior?.state ?? ('unreviewed' as const),
        originalKey: prior?.state === 'corrected' ? x.key : null,
        phrase: x.key === null ? unclassifiedPhrase(x.evidence.text, x.unit) : null,
        originalValue: prior?.state === 'corrected' ? x.value : null,
        reviewedBy: prior?.reviewedBy ?? null,
        reviewedAt: prior?.reviewedAt ?? null,
        createdAt: now,
        updatedAt: now,
      };
    });
    for (let i = 0; i < mentionRows.length; i += 500) {
      await m.createQueryBuilder().insert().into(MentionEntity).values(mentionRows.slice(i, i + 500)).execute();
    }
    const items = [
      ...result.problems.map((p, i) => ({ kind: 'problem' as const, ord: i, text: p.text, e: p.evidence })),
      ...result.plans.map((p, i) => ({ kind: 'plan' as const, ord: i, text: p.text, e: p.evidence })),
      ...result.placeholders.map((p, i) => ({ kind: 'placeholder' as const, ord: i, text: p.evidence.text, e: p.evidence })),
    ].map((x) => ({ reportId: report.id, kind: x.kind, ord: x.ord, text: x.text.slice(0, 2000), evidenceStart: x.e.start, evidenceEnd: x.e.end }));
    if (items.length) await m.createQueryBuilder().insert().into(ReportItemEntity).values(items).execute();
    if (result.cadences.length) {
      await m
        .createQueryBuilder()
        .insert()
        .into(CadenceEntity)
        .values(result.cadences.map((c) => ({ reportId: report.id, metricKey: c.key, per: c.per, times: c.times, evidenceStart: c.evidence.start, evidenceEnd: c.evidence.end, evidenceText: c.evidence.text.slice(0, 1000) })))
        .execute();
    }
    await m.update(ReportEntity, { id: report.id }, {
      status: 'extracted',
      errorCode: null,
      error: null,
      extractedAt: now,
      extractionMs: ms,
      textChars: result.charCount,
      specificity: result.specificity,
      fingerprint: result.fingerprint,
      placeholderCount: result.placeholders.length,
      updatedAt: now,
    });
    await writeAudit(m, {
      action: 'report.status',
      entity: 'report',
      entityId: report.id,
      detail: { from: 'processing', to: 'extracted', mentions: result.metrics.length, unclassified: result.unclassified.length, problems: result.problems.length, plans: result.plans.length, ms },
    });
    return { mentions: result.metrics.length, deliveries: await this.after.notifyWithin(m, report) };
  }
}
