import { BadRequestException, Injectable } from '@nestjs/common';
import { MentionEntity, MetricDefinitionEntity, ReportTextEntity } from '@thermocline/db';
import { writeAudit } from '@thermocline/runtime';
import { DataSource } from 'typeorm';
import { canActFor, type AuthUser } from '../common/auth-user';
import { outOfScope } from '../common/errors';
import { assertReportPeriodOpen, findReportInScope } from '../reports/report-scope';
import { AnalyticsEvents } from '../analytics/analytics-events';
import type { CreateMentionDto, MentionDto, ReviewMentionDto } from './dto/mention.dto';

export function toMentionDto(m: MentionEntity): MentionDto {
  return {
    id: String(m.id),
    reportId: m.reportId,
    key: m.metricKey,
    unclassified: m.metricKey === null,
    phrase: m.phrase,
    value: Number(m.value),
    approx: Boolean(m.approx),
    unit: m.unitWord,
    subset: Boolean(m.subset),
    evidence: { start: m.evidenceStart, end: m.evidenceEnd, text: m.evidenceText },
    origin: m.origin,
    state: m.state,
    originalKey: m.originalKey,
    originalValue: m.originalValue === null ? null : Number(m.originalValue),
  };
}

/**
 * Review of extracted numbers: a unit's secretary (or an admin) confirms, corrects or rejects each
 * one, or adds one the extractor missed. Every change is audited and re-aggregates the period.
 */
@Injectable()
export class MentionsService {
  constructor(
    private readonly db: DataSource,
    private readonly events: AnalyticsEvents,
  ) {}

  async list(user: AuthUser, reportId: number): Promise<MentionDto[]> {
    await findReportInScope(this.db.manager, user, reportId);
    const rows = await this.db.getRepository(MentionEntity).find({ where: { reportId }, order: { evidenceStart: 'ASC', id: 'ASC' } });
    // A dismissed unclassified count is gone for the reader (the row stays so a re-extraction keeps it dismissed).
    return rows.filter((r) => !(r.metricKey === null && r.state === 'rejected')).map(toMentionDto);
  }

  private async assertKey(key: string): Promise<void> {
    if (!(await this.db.getRepository(MetricDefinitionEntity).existsBy({ key }))) throw new BadRequestException(`指标「${key}」不在指标目录中`);
  }

  async review(user: AuthUser, id: string, dto: ReviewMentionDto): Promise<MentionDto> {
    if (!/^\d{1,18}$/.test(id)) throw outOfScope('数字');
    const mention = await this.db.getRepository(MentionEntity).findOneBy({ id });
    if (!mention) throw outOfScope('数字');
    const { report, unit } = await findReportInScope(this.db.manager, user, mention.reportId).catch(() => {
      throw outOfScope('数字');
    });
    if (!canActFor(user, unit)) throw outOfScope('数字');
    await assertReportPeriodOpen(this.db.manager, report.periodId);
    if (dto.key !== undefined) await this.assertKey(dto.key);
    const changes = (dto.value !== undefined && dto.value !== Number(mention.value)) || (dto.key !== undefined && dto.key !== mention.metricKey);
    if (mention.metricKey === null && mention.state === 'rejected') throw outOfScope('数字');
    if (mention.metricKey === null && dto.state === 'confirmed') throw new BadRequestException('这个数字还未归类：请选择它属于哪项指标（state 为 corrected 并给出 key），或将其忽略（state 为 rejected）');
    if (mention.metricKey === null && dto.state === 'corrected' && dto.key === undefined) throw new BadRequestException('归类时请选择指标（key）');
    // A figure corrected before may go back to corrected unchanged (undoing a 驳回 that followed).
    const wasCorrected = mention.originalKey !== null || mention.originalValue !== null;
    if (dto.state === 'corrected' && !changes && !wasCorrected) throw new BadRequestException('更正时请给出新的数值或指标');
    if (dto.state === 'unreviewed' && changes) throw new BadRequestException('撤销核对时不能同时修改数值或指标');
    if (dto.state !== 'corrected' && changes) throw new BadRequestException('修改数值或指标时，state 应为 corrected');

    const now = new Date();
    const patch: Partial<MentionEntity> = dto.state === 'unreviewed' ? { state: dto.state, reviewedBy: null, reviewedAt: null, updatedAt: now } : { state: dto.state, reviewedBy: user.id, reviewedAt: now, updatedAt: now };
    if (dto.state === 'corrected') {
      // Keep what the extractor first said, whatever number of corrections follow.
      if (mention.originalKey === null && mention.originalValue === null) {
        patch.originalKey = mention.metricKey;
        patch.originalValue = Number(mention.value);
      }
      if (dto.value !== undefined) patch.value = dto.value;
      if (dto.key !== undefined) {
        patch.metricKey = dto.key;
        // A 其中 subset only stays one under its whole's key.
        if (dto.key !== mention.metricKey) patch.subset = false;
      }
    }
    await this.db.transaction(async (m) => {
      await m.update(MentionEntity, { id }, patch);
      await writeAudit(m, {
        action: 'mention.review',
        entity: 'mention',
        entityId: id,
        detail: { reportId: report.id, state: dto.state, ...(mention.metricKey === null ? { unclassified: true, phrase: mention.phrase } : {}), from: { key: mention.metricKey, value: Number(mention.value), state: mention.state }, ...(dto.value !== undefined ? { value: dto.value } : {}), ...(dto.key ? { key: dto.key } : {}) },
      });
    });
    await this.events.periodChanged(report.periodId, 'review');
    return toMentionDto(await this.db.getRepository(MentionEntity).findOneByOrFail({ id }));
  }

  async create(user: AuthUser, reportId: number, dto: CreateMentionDto): Promise<MentionDto> {
    const { report, unit } = await findReportInScope(this.db.manager, user, reportId);
    if (!canActFor(user, unit)) throw outOfScope('报告');
    await assertReportPeriodOpen(this.db.manager, report.periodId);
    if (report.status !== 'extracted') throw new BadRequestException('报告还没有处理完成，请稍后再补充数字');
    await this.assertKey(dto.key);
    const text = await this.db.getRepository(ReportTextEntity).findOneByOrFail({ reportId });
    if (dto.end <= dto.start || dto.end > text.text.length || dto.end - dto.start > 1000) throw new BadRequestException('所选文字的位置不正确，请重新选择');
    const now = new Date();
    const id = await this.db.transaction(async (m) => {
      const r = await m.insert(MentionEntity, {
        reportId,
        metricKey: dto.key,
        value: dto.value,
        approx: dto.approx ?? false,
        unitWord: '',
        subset: false,
        evidenceStart: dto.start,
        evidenceEnd: dto.end,
        evidenceText: text.text.slice(dto.start, dto.end),
        origin: 'manual',
        state: 'confirmed',
        originalKey: null,
        originalValue: null,
        reviewedBy: user.id,
        reviewedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      const newId = String(r.identifiers[0].id);
      await writeAudit(m, { action: 'mention.create', entity: 'mention', entityId: newId, detail: { reportId, key: dto.key, value: dto.value } });
      return newId;
    });
    await this.events.periodChanged(report.periodId, 'review');
    return toMentionDto(await this.db.getRepository(MentionEntity).findOneByOrFail({ id }));
  }
}
