// The figures behind a unit's five temperature components (#16.1), so a secretary can see why the
// unit is cold and what would change it: the weights in force, the report's facts (count,
// characters, days late, similarity), which metric categories have any activity, and each
// metric's score against its level (lowest first).
import type { BreakdownDto, FactsDto, MetricScoreDto } from './dto/dashboard.dto';
import type { DashboardQueries } from './dashboard.queries';

export async function breakdownFor(queries: DashboardQueries, periodId: number, unitId: number, factsJson: string | null): Promise<BreakdownDto> {
  const [config, metrics, scores] = await Promise.all([queries.analyticsConfig(), queries.enabledMetrics(), queries.metricScores(periodId, [unitId])]);
  const byKey = new Map(scores.map((s) => [s.metric_key, s]));
  const rows: MetricScoreDto[] = metrics.map((m) => {
    const s = byKey.get(m.key);
    return { key: m.key, name: m.name, category: m.category, total: s ? Number(s.total) : 0, score: s?.score === null || s?.score === undefined ? null : Number(s.score) };
  });
  const categories = [...new Set(metrics.map((m) => m.category))].map((category) => ({ category, active: rows.some((r) => r.category === category && r.total > 0) }));
  const w = config.weights;
  const sum = w.breadth + w.intensity + w.specificity + w.timeliness + w.originality;
  const share = (x: number) => (sum > 0 ? Math.round((x / sum) * 10_000) / 10_000 : 0);
  return {
    weights: { breadth: share(w.breadth), intensity: share(w.intensity), specificity: share(w.specificity), timeliness: share(w.timeliness), originality: share(w.originality) },
    facts: factsJson ? (JSON.parse(factsJson) as FactsDto) : null,
    scoring: { specificityFull: config.scoring.specificityFull, lateDaysToZero: config.scoring.lateDaysToZero, originalityFloor: config.scoring.originalityFloor },
    categories,
    metrics: rows.sort((a, b) => (a.score ?? 2) - (b.score ?? 2) || a.key.localeCompare(b.key)),
  };
}
