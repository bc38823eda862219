import { Breadcrumb } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n';
import { UnitPeriodView } from './components/UnitPeriodView';

export default function UnitPage() {
  const { code } = useParams();
  const { t } = useI18n();
  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/dashboard">{t('看板', 'Dashboard')}</Link> }, { title: code }]} />
      {code && <UnitPeriodView key={code} code={code} />}
    </>
  );
}
