import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { MetricDefinitionEntity } from '@thermocline/db';
import { toDefinition, writeAudit } from '@thermocline/runtime';
import { DataSource } from 'typeorm';
import { AnalyticsEvents } from '../analytics/analytics-events';
import type { CreateMetricDto, MetricDto, UpdateMetricDto } from './dto/metric.dto';

const toMetricDto = (r: MetricDefinitionEntity): MetricDto => ({ ...(toDefinition(r) as unknown as MetricDto), customized: Boolean(r.customized) });

/**
 * The metric catalogue as data. Trigger edits take effect on the next extraction (re-extract a
 * period to apply them to reports already read); weight, normalisation and targets re-aggregate
 * every period at once.
 */
@Injectable()
export class MetricsService {
  constructor(
    private readonly db: DataSource,
    private readonly events: AnalyticsEvents,
  ) {}

  async list(): Promise<MetricDto[]> {
    const rows = await this.db.getRepository(MetricDefinitionEntity).find({ order: { sortOrder: 'ASC', key: 'ASC' } });
    return rows.map(toMetricDto);
  }

  async update(key: string, dto: UpdateMetricDto): Promise<MetricDto> {
    await this.db.transaction(async (m) => {
      const row = await m.getRepository(MetricDefinitionEntity).findOneBy({ key });
      if (!row) throw new NotFoundException(`指标「${key}」不存在`);
      const definition = { ...toDefinition(row), ...dto, key };
      await m.update(MetricDefinitionEntity, { key }, {
        name: definition.name,
        normalization: definition.normalization,
        weight: definition.weight,
        enabled: definition.enabled !== false,
        definition: definition as never,
        // From now on the shipped default no longer replaces it at start (Catalogue.sync).
        customized: true,
        updatedAt: new Date(),
      });
      await writeAudit(m, { action: 'metric.update', entity: 'metric', entityId: key, detail: { ...dto } as never });
    });
    await this.events.allPeriodsChanged('catalogue changed');
    return this.get(key);
  }

  async create(dto: CreateMetricDto): Promise<MetricDto> {
    await this.db.transaction(async (m) => {
      if (await m.getRepository(MetricDefinitionEntity).existsBy({ key: dto.key })) throw new ConflictException(`指标「${dto.key}」已存在`);
      const [row] = (await m.query('SELECT COALESCE(MAX(sort_order), 0) + 1 AS n FROM metric_definitions')) as { n: number }[];
      const definition = { normalization: 'per100' as const, weight: 1, enabled: true, ...dto };
      const now = new Date();
      await m.insert(MetricDefinitionEntity, {
        key: dto.key,
        name: dto.name,
        category: dto.category,
        normalization: definition.normalization,
        weight: definition.weight,
        enabled: definition.enabled,
        sortOrder: Number(row.n),
        customized: true,
        definition: definition as never,
        createdAt: now,
        updatedAt: now,
      });
      await writeAudit(m, { action: 'metric.create', entity: 'metric', entityId: dto.key, detail: { ...dto } as never });
    });
    await this.events.allPeriodsChanged('catalogue changed');
    return this.get(dto.key);
  }

  private async get(key: string): Promise<MetricDto> {
    return toMetricDto(await this.db.getRepository(MetricDefinitionEntity).findOneByOrFail({ key }));
  }
}
