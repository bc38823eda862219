import { Alert } from 'antd';
import { useReports } from '../../hooks/queries';
import { useI18n } from '../../i18n/i18n';
import { usePeriod } from '../../layout/period';
import { useSession } from '../../session/SessionContext';
import { UnitPeriodView } from '../unit/components/UnitPeriodView';

/** The secretary's home: this period's report for their own unit, its temperature beside its level's median. */
export default function MyUnitPage() {
  const { user } = useSession();
  const { t } = useI18n();
  const { period } = usePeriod();
  const reports = useReports({ unitCode: user?.unitCode, periodCode: period?.code, latest: true }, !!user && !!period?.overdue);
  if (!user) return null;
  // A unit's lateness is fixed by its first upload (see the api's reports service): say so.
  const first = reports.data?.length ? reports.data.reduce((a, b) => (a.version <= b.version ? a : b)) : undefined;
  const reportedOnTime = first !== undefined && !first.late;
  return (
    <>
      {period?.overdue === false && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t(`本期报告请于 ${period.dueOn} 前上传。`, `This period's report is due by ${period.dueOn}.`)} />
      )}
      {period?.overdue && reportedOnTime && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('本期已按时报送；现在上传将作为新版本，不影响按时记录。', 'Reported on time for this period; an upload now becomes a new version and does not change that.')} />
      )}
      {period?.overdue && !reportedOnTime && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t(`本期截止日期 ${period.dueOn} 已过；仍可上传，但会记为逾期报送。`, `The due date ${period.dueOn} has passed; you can still upload, but it counts as late.`)} />
      )}
      <UnitPeriodView code={user.unitCode} />
    </>
  );
}
