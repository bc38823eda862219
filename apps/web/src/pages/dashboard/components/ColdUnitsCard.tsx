import { Card, Empty, Skeleton, Table } from 'antd';
import { Link } from 'react-router-dom';
import type { GapUnit } from '../../../api/types';
import { TemperatureTag } from '../../../components/tags';
import { useI18n } from '../../../i18n/i18n';
import { useLevelNamer } from '../../../hooks/use-level-namer';
import { HelpTip } from '../../../components/HelpTip';

/** The cold units, coldest first, each linked to its page. */
export function ColdUnitsCard({ cold, loading, hasData, offset, unitLink }: { cold: GapUnit[]; loading: boolean; hasData: boolean; offset: number; unitLink(code: string): string }) {
  const { lang, t } = useI18n();
  const levelName = useLevelNamer();
  return (
    <Card size="small" title={t(`偏冷单位（${cold.length}）`, `Cold units (${cold.length})`)} data-testid="cold-units">
      {loading ? (
        <Skeleton active />
      ) : cold.length ? (
        <Table<GapUnit>
          size="small"
          rowKey="code"
          pagination={cold.length > 8 ? { pageSize: 8, size: 'small' } : false}
          dataSource={cold}
          columns={[
            { title: t('单位', 'Unit'), dataIndex: 'name', render: (n: string, u) => <Link to={unitLink(u.code)}>{n}</Link> },
            { title: t('层级', 'Level'), dataIndex: 'level', width: 90, render: (l: number) => levelName(l + offset, lang) },
            { title: <>{t('温度', 'Temp.')}<HelpTip topic="temperature" /></>, dataIndex: 'temperature', width: 70, render: (v: number | null) => <TemperatureTag value={v} /> },
          ]}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={hasData ? t('没有偏冷单位', 'No cold units') : t('暂无数据', 'No data yet')} />
      )}
    </Card>
  );
}
