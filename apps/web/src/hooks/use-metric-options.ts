import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n';
import { METRIC_KEYS, metricLabel } from '../metrics/labels';
import { useMetricCatalogue } from './queries';

/** The metrics to choose from: the api's catalogue when it is published, else the default keys. */
export function useMetricOptions(): { key: string; name: string; category: string }[] {
  const { lang } = useI18n();
  const catalogue = useMetricCatalogue();
  return useMemo(() => {
    if (catalogue.data?.length) {
      const names = new Map(catalogue.data.map((m) => [m.key, m.name]));
      return catalogue.data.map((m) => ({ key: m.key, name: metricLabel(m.key, lang, names), category: m.category }));
    }
    return METRIC_KEYS.map((k) => ({ key: k, name: metricLabel(k, lang), category: k.split('.')[0] }));
  }, [catalogue.data, lang]);
}
