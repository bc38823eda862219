import { Alert, Card, Col, Row, Statistic, Typography } from 'antd';
import { levelOf, temperatureColor } from '../../dashboard/gap';
import { useGap } from '../../hooks/queries';
import { useI18n } from '../../i18n/i18n';
import { usePeriod } from '../../layout/period';
import { useSession } from '../../session/SessionContext';
import { UnitPeriodView } from '../unit/UnitPeriodView';

/** The secretary's home: this period's report for their own unit, and its temperature. */
export default function MyUnitPage() {
  const { user } = useSession();
  const { t } = useI18n();
  const { period } = usePeriod();
  const gap = useGap(period?.code);
  if (!user) return null;
  const me = gap.data?.units.find((u) => u.code === user.unitCode);
  const level = gap.data && me ? levelOf(gap.data, me) : undefined;
  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24}>
          <Card size="small" title={t('本单位温度', "My unit's temperature")}>
            {me ? (
              <Row gutter={16}>
                <Col span={12}>
                  <Statistic title={user.unitName} value={me.temperature ?? '—'} valueStyle={{ color: temperatureColor(me.temperature) }} data-testid="my-temperature" />
                </Col>
                <Col span={12}>
                  <Statistic title={t('同级单位中位数', 'Median of my level')} value={level?.medianTemperature ?? '—'} />
                </Col>
              </Row>
            ) : (
              <Typography.Text type="secondary">
                {gap.error && !gap.unavailable
                  ? gap.error.message
                  : t('温度在报告抽取并汇总后显示；如长时间未显示，请联系管理员。', 'The temperature appears once the report is extracted and aggregated.')}
              </Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      {period?.overdue === false && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t(`本期报告请于 ${period.dueOn} 前上传。`, `This period's report is due by ${period.dueOn}.`)} />
      )}
      <UnitPeriodView code={user.unitCode} />
    </>
  );
}
