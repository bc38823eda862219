import { Button, InputNumber, Popover, Select, Space } from 'antd';
import { useState, type MouseEvent } from 'react';
import type { Mention } from '../../../hooks/queries';
import { useI18n } from '../../../i18n/i18n';

export interface Review {
  state: 'confirmed' | 'corrected' | 'rejected';
  value?: number;
  key?: string;
}

/** Confirm, correct (the value, the metric or both) or reject one extracted figure. */
export function ReviewButtons({ mention, metricKeys, label, onReview }: { mention: Mention & { key: string }; metricKeys: readonly string[]; label(k: string): string; onReview(r: Review): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<number | null>(mention.value);
  const [key, setKey] = useState(mention.key);
  const stop = (e: MouseEvent) => e.stopPropagation();
  return (
    <Space size={4} orientation="vertical" onClick={stop}>
      <Button size="small" disabled={mention.state === 'confirmed'} onClick={() => onReview({ state: 'confirmed' })}>
        {t('确认', 'Confirm')}
      </Button>
      <Popover
        open={open}
        onOpenChange={setOpen}
        trigger="click"
        // Opens to the left of the buttons: at the table's right edge it was clipped and covered 确认.
        placement="leftTop"
        autoAdjustOverflow
        title={t('更正这个数字', 'Correct this figure')}
        content={
          <Space orientation="vertical" style={{ width: 240 }}>
            <Select
              value={key}
              onChange={setKey}
              showSearch
              optionFilterProp="label"
              style={{ width: '100%' }}
              // the figure's own metric stays pickable even when the catalogue no longer offers it
              options={[...new Set([mention.key, ...metricKeys])].map((k) => ({ value: k, label: label(k) }))}
              aria-label={t('指标', 'Metric')}
              data-testid="correct-metric"
            />
            <InputNumber min={0} value={value} onChange={setValue} style={{ width: '100%' }} aria-label={t('正确数值', 'Correct value')} data-testid="correct-value" />
            <Button
              type="primary"
              size="small"
              disabled={value === null || (value === mention.value && key === mention.key)}
              onClick={() => {
                setOpen(false);
                onReview({ state: 'corrected', ...(value !== mention.value && value !== null ? { value } : {}), ...(key !== mention.key ? { key } : {}) });
              }}
            >
              {t('保存更正', 'Save correction')}
            </Button>
          </Space>
        }
      >
        <Button size="small">{t('更正', 'Correct')}</Button>
      </Popover>
      <Button size="small" danger disabled={mention.state === 'rejected'} onClick={() => onReview({ state: 'rejected' })}>
        {t('驳回', 'Reject')}
      </Button>
    </Space>
  );
}
