import { useCallback, useMemo } from 'react';
import { useI18n } from '../i18n/i18n';
import { METRIC_KEYS, metricLabel } from '../i18n/metrics';

// The metric names, for screens that name metrics without choosing (one chunk with this hook).
export { CATEGORY_LABELS, metricLabel } from '../i18n/metrics';
import { useMetricCatalogue } from './queries';

export interface MetricOption {
  key: string;
  name: string;
  category: string;
}

export interface MetricChoices {
  /** The metrics to choose from, in the catalogue's order. */
  options: MetricOption[];
  /** The name of any metric key (a disabled or unknown one too). */
  label(key: string): string;
}

/**
 * The metrics from the api's catalogue (GET /api/metrics): its enabled ones to choose from — an
 * administrator's new metric included — and names for every key; the default keys while the
 * catalogue is not at hand. With `withTemperature`, the unit temperature comes first (the
 * dashboard endpoints accept `temperature`).
 */
export function useMetrics(withTemperature = false): MetricChoices {
  const { lang } = useI18n();
  const catalogue = useMetricCatalogue();
  const names = useMemo(() => new Map((catalogue.data ?? []).map((m) => [m.key, m.name])), [catalogue.data]);
  const label = useCallback((key: string) => metricLabel(key, lang, names), [lang, names]);
  const options = useMemo(() => {
    const temperature = withTemperature ? [{ key: 'temperature', name: lang === 'zh' ? '温度（综合）' : 'Temperature', category: '' }] : [];
    if (catalogue.data?.length) return [...temperature, ...catalogue.data.filter((m) => m.enabled).map((m) => ({ key: m.key, name: label(m.key), category: m.category }))];
    return [...temperature, ...METRIC_KEYS.map((k) => ({ key: k, name: label(k), category: k.split('.')[0] }))];
  }, [catalogue.data, label, lang, withTemperature]);
  return useMemo(() => ({ options, label }), [options, label]);
}

/** The options of useMetrics. */
export function useMetricOptions(withTemperature = false): MetricOption[] {
  return useMetrics(withTemperature).options;
}
