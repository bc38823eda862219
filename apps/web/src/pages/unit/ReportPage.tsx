import { Alert, Breadcrumb, Skeleton } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useReport } from '../../hooks/queries';
import { useI18n } from '../../i18n/i18n';
import { ReportView } from './components/ReportView';
import { useSession } from '../../session/SessionContext';

/** One report version by id (earlier versions are opened from here). */
export default function ReportPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { user } = useSession();
  const report = useReport(id ? Number(id) : undefined);
  if (report.error) return <Alert type="error" showIcon title={report.unavailable ? t('找不到该报告，或不在您的管理范围内。', 'Report not found or outside your scope.') : report.error.message} />;
  if (!report.data) return <Skeleton active />;
  const r = report.data;
  const canReview = !!user && (user.role === 'admin' || (user.role === 'secretary' && user.unitCode === r.unitCode));
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to={`/units/${encodeURIComponent(r.unitCode)}?period=${encodeURIComponent(r.periodCode)}`}>{r.unitName}</Link> }, { title: `${r.periodCode} · v${r.version}` }]}
      />
      <ReportView report={r} canReview={canReview} />
    </>
  );
}
