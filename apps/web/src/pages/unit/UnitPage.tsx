import { Breadcrumb } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useUnit, useUnits } from '../../hooks/queries';
import { useI18n } from '../../i18n/i18n';
import { UnitPeriodView } from './components/UnitPeriodView';

/** A unit's page: the breadcrumb names the unit and the units above it (never their codes). */
export default function UnitPage() {
  const { code } = useParams();
  const { t } = useI18n();
  const unit = useUnit(code);
  const units = useUnits();
  const names = new Map((units.data ?? []).map((u) => [u.code, u.name]));
  const above = (unit.data?.pathCodes ?? []).slice(0, -1).filter((c) => names.has(c));
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        data-testid="unit-breadcrumb"
        items={[
          { title: <Link to="/dashboard">{t('看板', 'Dashboard')}</Link> },
          ...above.map((c) => ({ title: <Link to={`/units/${encodeURIComponent(c)}`}>{names.get(c)}</Link> })),
          { title: unit.data?.name ?? '…' },
        ]}
      />
      {code && <UnitPeriodView key={code} code={code} />}
    </>
  );
}
