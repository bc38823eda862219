import { Alert } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { usePeriod } from '../../layout/period';
import { useSession } from '../../session/SessionContext';
import { UnitPeriodView } from '../unit/components/UnitPeriodView';

/** The secretary's home: this period's report for their own unit, its temperature beside its level's median. */
export default function MyUnitPage() {
  const { user } = useSession();
  const { t } = useI18n();
  const { period } = usePeriod();
  if (!user) return null;
  return (
    <>
      {period?.overdue === false && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t(`本期报告请于 ${period.dueOn} 前上传。`, `This period's report is due by ${period.dueOn}.`)} />
      )}
      {period?.overdue && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t(`本期截止日期 ${period.dueOn} 已过；仍可上传，但会记为逾期。`, `The due date ${period.dueOn} has passed; you can still upload, but it counts as late.`)} />
      )}
      <UnitPeriodView code={user.unitCode} />
    </>
  );
}
