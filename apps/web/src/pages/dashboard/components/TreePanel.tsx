import { Breadcrumb, Button, Empty, Skeleton, Space } from 'antd';
import { useMemo, useState } from 'react';
import type { DashboardGap } from '../../../api/types';
import { ChartCard } from '../../../charts/ChartCard';
import { registerTree } from '../../../charts/extras';
import { temperatureTree, treeOption, type TreeInput } from '../options';
import type { ApiState } from '../../../hooks/use-api';
import { useUnitTree } from '../../../hooks/queries';
import { useI18n } from '../../../i18n/i18n';

registerTree();

function find(nodes: readonly TreeInput[], code: string, trail: TreeInput[] = []): TreeInput[] | null {
  for (const n of nodes) {
    if (n.code === code) return [...trail, n];
    const r = find(n.children, code, [...trail, n]);
    if (r) return r;
  }
  return null;
}

/** The org tree coloured by temperature; click a unit to drill into its subtree. */
export default function TreePanel({ gap, onOpen }: { gap: ApiState<DashboardGap>; onOpen(code: string): void }) {
  const { t } = useI18n();
  const tree = useUnitTree();
  const [rootCode, setRootCode] = useState<string | null>(null);
  const temps = useMemo(() => new Map((gap.data?.units ?? []).map((u) => [u.code, u.temperature])), [gap.data]);
  const roots = useMemo(() => tree.data ?? [], [tree.data]);
  const trail = useMemo(() => (rootCode ? find(roots, rootCode) : null) ?? (roots[0] ? [roots[0]] : []), [roots, rootCode]);
  const root = trail[trail.length - 1];
  const option = useMemo(() => (root ? treeOption(temperatureTree(root, temps)) : null), [root, temps]);
  if (tree.loading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (tree.error) return <Empty description={tree.error.message} />;
  if (!root || !option) return <Empty description={t('暂无组织架构', 'No units yet')} />;
  const count = (n: TreeInput): number => 1 + n.children.reduce((s, c) => s + count(c), 0);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Breadcrumb items={trail.map((n) => ({ title: <a onClick={() => setRootCode(n.code)}>{n.name}</a> }))} />
        <Button size="small" onClick={() => onOpen(root.code)}>
          {t('打开该单位', 'Open this unit')}
        </Button>
      </Space>
      <ChartCard
        title={gap.data ? t('组织树（颜色表示温度：红热蓝冷）', 'Org tree (colour = temperature: red hot, blue cold)') : t('组织树（温度数据暂不可用）', 'Org tree (no temperatures yet)')}
        imageName="组织树温度"
        option={option}
        height={Math.min(1600, Math.max(420, count(root) * 18))}
        testId="tree-chart"
        onClick={(e) => {
          const code = (e.data as { code?: string } | undefined)?.code;
          if (code && code !== root.code) setRootCode(code);
        }}
      />
    </Space>
  );
}
