import { PeriodAggregationEntity, ReextractRunEntity, SettingEntity, UnitPeriodMetricEntity, UnitPeriodStatsEntity } from './analytics.entities';
import { AssessmentPeriodRulesEntity, AssessmentRulesEntity, AssessmentScoreEntity } from './assessment.entities';
import { AuditLogEntity } from './audit-log.entity';
import { CadenceEntity } from './cadence.entity';
import { IntakeBatchEntity } from './intake-batch.entity';
import { MentionEntity } from './mention.entity';
import { MetricDefinitionEntity } from './metric-definition.entity';
import { NotificationChannelEntity, NotificationDeliveryEntity, NotificationEntity } from './notification.entities';
import { PeriodEntity } from './period.entity';
import { ReportItemEntity, type ReportItemKind } from './report-item.entity';
import { ReportTextEntity } from './report-text.entity';
import { ReportEntity } from './report.entity';
import { UnitEntity } from './unit.entity';
import { UserEntity } from './user.entity';
import { WallLinkEntity } from './wall-link.entity';

export { PeriodAggregationEntity, ReextractRunEntity, SettingEntity, UnitPeriodMetricEntity, UnitPeriodStatsEntity };
export { AuditLogEntity, CadenceEntity, MentionEntity, MetricDefinitionEntity, PeriodEntity, ReportEntity, ReportItemEntity, ReportTextEntity, UnitEntity, UserEntity };
export { AssessmentPeriodRulesEntity, AssessmentRulesEntity, AssessmentScoreEntity };
export { NotificationChannelEntity, NotificationDeliveryEntity, NotificationEntity, IntakeBatchEntity, WallLinkEntity };
export type { ReportItemKind };

export const ENTITIES = [UnitEntity, UserEntity, PeriodEntity, AuditLogEntity, MetricDefinitionEntity, ReportEntity, ReportTextEntity, MentionEntity, ReportItemEntity, CadenceEntity, UnitPeriodStatsEntity, UnitPeriodMetricEntity, PeriodAggregationEntity, SettingEntity, ReextractRunEntity, NotificationEntity, NotificationChannelEntity, NotificationDeliveryEntity, IntakeBatchEntity, AssessmentRulesEntity, AssessmentScoreEntity, AssessmentPeriodRulesEntity, WallLinkEntity];
