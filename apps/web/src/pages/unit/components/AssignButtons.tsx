import { Button, Popover, Select, Space } from 'antd';
import { useState, type MouseEvent } from 'react';
import type { Mention } from '../../../hooks/queries';
import { useI18n } from '../../../i18n/i18n';
import type { Review } from './ReviewButtons';

/**
 * An unclassified (未归类) count: the secretary says which metric it is (then it counts, as a
 * correction) or dismisses it (then it is gone). Confirming is not offered: a count without a
 * metric has nothing to confirm.
 */
export function AssignButtons({ mention, metricKeys, label, onReview }: { mention: Mention; metricKeys: readonly string[]; label(k: string): string; onReview(r: Review): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState<string | null>(null);
  const stop = (e: MouseEvent) => e.stopPropagation();
  return (
    <Space size={4} orientation="vertical" onClick={stop}>
      <Popover
        open={open}
        onOpenChange={setOpen}
        trigger="click"
        title={t(`“${mention.value}${mention.unit}”属于哪项指标？`, `Which metric is “${mention.value}${mention.unit}”?`)}
        content={
          <Space orientation="vertical" style={{ width: 240 }}>
            <Select
              value={key}
              onChange={setKey}
              showSearch
              optionFilterProp="label"
              placeholder={t('选择指标', 'Pick a metric')}
              style={{ width: '100%' }}
              options={metricKeys.map((k) => ({ value: k, label: label(k) }))}
              aria-label={t('指标', 'Metric')}
              data-testid="assign-metric"
            />
            <Button
              type="primary"
              size="small"
              disabled={key === null}
              onClick={() => {
                setOpen(false);
                if (key !== null) onReview({ state: 'corrected', key });
              }}
            >
              {t('保存归类', 'Save')}
            </Button>
          </Space>
        }
      >
        <Button size="small" type="primary" ghost>
          {t('归类', 'Assign')}
        </Button>
      </Popover>
      <Button size="small" onClick={() => onReview({ state: 'rejected' })}>
        {t('忽略', 'Dismiss')}
      </Button>
    </Space>
  );
}
