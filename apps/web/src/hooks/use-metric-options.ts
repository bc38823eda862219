import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n';
import { METRIC_KEYS, metricLabel } from '../metrics/labels';
import { useMetricCatalogue } from './queries';

/**
 * The metrics to choose from: the api's catalogue (enabled ones), else the default keys; with
 * `withTemperature`, the unit temperature first (the dashboard endpoints accept `temperature`).
 */
export function useMetricOptions(withTemperature = false): { key: string; name: string; category: string }[] {
  const { lang } = useI18n();
  const catalogue = useMetricCatalogue();
  return useMemo(() => {
    const temperature = withTemperature ? [{ key: 'temperature', name: lang === 'zh' ? '温度（综合）' : 'Temperature', category: '' }] : [];
    if (catalogue.data?.length) {
      const names = new Map(catalogue.data.map((m) => [m.key, m.name]));
      return [...temperature, ...catalogue.data.filter((m) => m.enabled).map((m) => ({ key: m.key, name: metricLabel(m.key, lang, names), category: m.category }))];
    }
    return [...temperature, ...METRIC_KEYS.map((k) => ({ key: k, name: metricLabel(k, lang), category: k.split('.')[0] }))];
  }, [catalogue.data, lang, withTemperature]);
}
