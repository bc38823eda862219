import { Card, Grid, List, Space, Table } from 'antd';
import { memo, useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { GapUnit } from '../../../api/types';
import { FlagTag, TemperatureTag } from '../../../components/tags';
import { useI18n } from '../../../i18n/i18n';
import { HelpTip } from '../../../components/HelpTip';

/** Units with flags and their reasons (memoised: it re-renders only when the gap does). */
export const FlaggedUnits = memo(function FlaggedUnits({ flagged, loading, hasData, unitLink }: { flagged: GapUnit[]; loading: boolean; hasData: boolean; unitLink(code: string): string }) {
  const { t } = useI18n();
  const columns = useMemo(
    () => [
      { title: t('单位', 'Unit'), dataIndex: 'name', render: (n: string, u: GapUnit) => <Link to={unitLink(u.code)}>{n}</Link> },
      {
        title: <>{t('温度', 'Temp.')}<HelpTip topic="temperature" /></>,
        dataIndex: 'temperature',
        width: 70,
        sorter: (a: GapUnit, b: GapUnit) => (a.temperature ?? -1) - (b.temperature ?? -1),
        render: (v: number | null) => <TemperatureTag value={v} />,
      },
      {
        title: t('预警与原因', 'Flags and reasons'),
        dataIndex: 'flags',
        render: (flags: GapUnit['flags']) => (
          <div className="tc-flags">
            {flags.map((f) => (
              <span key={f.code}>
                <FlagTag code={f.code} />
                <span className="tc-flag-reason">{f.reason}</span>
              </span>
            ))}
          </div>
        ),
      },
    ],
    [t, unitLink],
  );
  // Phones: one card per unit (a table squeezed to 375 px wrapped names two characters a line).
  const phone = Grid.useBreakpoint().sm === false;
  if (phone)
    return (
      <Card size="small" title={t(`预警单位（${flagged.length}）`, `Flagged units (${flagged.length})`)}>
        <List<GapUnit>
          data-testid="flagged-units"
          loading={loading}
          dataSource={flagged}
          pagination={flagged.length > 10 ? { pageSize: 10, size: 'small' } : false}
          locale={{ emptyText: hasData ? t('没有预警', 'No flags') : t('暂无数据', 'No data yet') }}
          renderItem={(u) => (
            <List.Item data-testid="flagged-unit-card">
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <Space>
                  <Link to={unitLink(u.code)}>{u.name}</Link>
                  <TemperatureTag value={u.temperature} />
                </Space>
                {u.flags.map((f) => (
                  <div key={f.code}>
                    <FlagTag code={f.code} />
                    <span className="tc-flag-reason">{f.reason}</span>
                  </div>
                ))}
              </Space>
            </List.Item>
          )}
        />
      </Card>
    );
  return (
    <Card size="small" title={t(`预警单位（${flagged.length}）`, `Flagged units (${flagged.length})`)}>
      <Table<GapUnit>
        size="small"
        rowKey="code"
        data-testid="flagged-units"
        loading={loading}
        dataSource={flagged}
        pagination={flagged.length > 10 ? { pageSize: 10 } : false}
        locale={{ emptyText: hasData ? t('没有预警', 'No flags') : t('暂无数据', 'No data yet') }}
        // no horizontal scroll: the reasons wrap (a scrolling table measures its columns with a forced layout)
        columns={columns}
      />
    </Card>
  );
});
