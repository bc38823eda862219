// One period of one tree: per unit the totals, metric scores, the five components, temperature and
// flags; for the tree its levels and gap. The model and its rationale are in ../README.md. The steps
// live in their own files: references.ts (what figures are measured against), components.ts,
// copies.ts (near-duplicates), flags.ts. Per-unit tables are indexed by reporting row: the units
// that reported, in input order.

import { metricCatalogue } from './catalogue';
import { factsPerThousandChars, originality, roundComponents, scoreMetrics, specificity, temperatureOf, timeliness } from './components';
import { DEFAULT_ANALYTICS_CONFIG, validateAnalyticsConfig } from './config';
import { firstSubmitted, PeriodCopies } from './copies';
import { daysLate } from './deadline';
import { flagsFor, missingReportFlag, type FlagPeriod, type FlagSubject } from './flags';
import { round, summarizeLevels } from './levels';
import { levelSlots, memberCounts, peerReferences, reportedFigures } from './references';
import { factCount } from './totals';
import type { AggregateInput, AnalyticsConfig, AnalyticsReport, AnalyticsUnit, MetricScore, PeriodAggregate, TemperatureComponents, UnitAggregate } from './types';

function isNewer(a: AnalyticsReport, b: AnalyticsReport): boolean {
  if (a.version !== b.version) return a.version > b.version;
  return a.submittedAt.getTime() > b.submittedAt.getTime();
}

/** The latest report of each unit, by the unit's index in the input. */
function latestByUnit(reports: readonly AnalyticsReport[], unitIndex: Map<number, number>, size: number): (AnalyticsReport | undefined)[] {
  const out = new Array<AnalyticsReport | undefined>(size);
  for (const r of reports) {
    const i = unitIndex.get(r.unitId);
    if (i === undefined) continue; // a report of a unit outside the tree is ignored
    const cur = out[i];
    if (cur === undefined || isNewer(r, cur)) out[i] = r;
  }
  return out;
}

function validConfig(config: AnalyticsConfig | undefined): AnalyticsConfig {
  const c = config ?? DEFAULT_ANALYTICS_CONFIG;
  const problems = validateAnalyticsConfig(c);
  if (problems.length > 0) throw new RangeError(`分析配置无效：${problems.map((p) => p.message).join('；')}`);
  return c;
}

/** A reporting unit measured: everything its row holds, and what its flags are decided on. */
interface Measured extends FlagSubject {
  totals: Record<string, number>;
  scores: Record<string, MetricScore>;
  components: TemperatureComponents;
  maxSimilarity: number;
}

function unreportedRow(unit: AnalyticsUnit, pastDeadline: boolean, period: FlagPeriod): UnitAggregate {
  return pastDeadline
    ? { unitId: unit.id, reportId: null, status: 'missing', totals: {}, metrics: {}, components: null, temperature: 0, facts: null, flags: [missingReportFlag(period)] }
    : { unitId: unit.id, reportId: null, status: 'not_due', totals: {}, metrics: {}, components: null, temperature: null, facts: null, flags: [] };
}

function reportedRow(m: Measured, period: FlagPeriod): UnitAggregate {
  return {
    unitId: m.unit.id,
    reportId: m.report.reportId,
    status: 'reported',
    totals: m.totals,
    metrics: m.scores,
    components: roundComponents(m.components),
    temperature: m.temperature,
    facts: {
      factCount: m.factCount,
      charCount: m.report.charCount,
      per1000Chars: round(m.perThousandChars, 2),
      daysLate: m.daysLate,
      maxSimilarity: round(m.maxSimilarity, 3),
    },
    flags: flagsFor(m, period),
  };
}

/** Per unit: totals, metric scores, components, temperature and flags for one period. */
export function aggregatePeriod(input: AggregateInput): PeriodAggregate {
  const { weights, thresholds, scoring } = validConfig(input.config);
  const { units, period } = input;
  const pastDeadline = input.now.getTime() >= period.deadline.getTime();
  const previousPeriodCode = input.previousPeriodCode ?? null;
  const flagPeriod: FlagPeriod = {
    code: period.code,
    name: period.name,
    dueOn: period.dueOn,
    deadline: period.deadline.toISOString(),
    previousPeriodCode,
    previousPeriodName: input.previousPeriodName ?? null,
    thresholds,
  };

  const unitIndex = new Map<number, number>();
  units.forEach((u, i) => unitIndex.set(u.id, i));
  const latest = latestByUnit(input.reports, unitIndex, units.length);
  const previous = latestByUnit(input.previousReports ?? [], unitIndex, units.length);

  // Reporting rows.
  const unitOfRow: number[] = [];
  for (let i = 0; i < units.length; i++) if (latest[i] !== undefined) unitOfRow.push(i);
  const rowCount = unitOfRow.length;
  const reportAt = unitOfRow.map((i) => latest[i] as AnalyticsReport);
  const unitAt = unitOfRow.map((i) => units[i]);

  const catalogue = metricCatalogue(input.metrics);
  const membersOf = memberCounts(units);
  const figures = reportedFigures(catalogue, reportAt, Float64Array.from(unitAt, membersOf));
  const levels = levelSlots(units, unitAt);
  const references = peerReferences(catalogue, figures, levels, scoring);
  const copies = new PeriodCopies(reportAt, unitAt, period.code, thresholds.nearDuplicate, period.name);

  const measured = new Array<Measured>(rowCount);
  for (let row = 0; row < rowCount; row++) {
    const unit = unitAt[row];
    const report = reportAt[row];
    const metrics = scoreMetrics(catalogue, figures, references, levels, row);
    const facts = factCount(report.mentions);
    const perThousandChars = factsPerThousandChars(facts, report.charCount);
    const late = daysLate(new Date(firstSubmitted(report)), period.deadline);
    const { maxSimilarity, ownPrevious } = copies.resemblance(row, previous[unitOfRow[row]], previousPeriodCode ?? '上期', input.previousPeriodName);
    const components: TemperatureComponents = {
      breadth: metrics.breadth,
      intensity: metrics.intensity,
      specificity: specificity(perThousandChars, scoring),
      timeliness: timeliness(late, scoring),
      originality: originality(maxSimilarity, scoring),
    };
    measured[row] = {
      unit,
      report,
      totals: figures.totals[row],
      scores: metrics.scores,
      components,
      temperature: temperatureOf(components, weights),
      previousTemperature: input.previousTemperatures?.get(unit.id),
      daysLate: late,
      factCount: facts,
      perThousandChars,
      maxSimilarity,
      samePeriod: copies.samePeriod(row),
      ownPrevious,
      previousPlans: previous[unitOfRow[row]]?.plans,
      parent: null,
    };
  }
  // The chain's reference: a reporting unit is compared with its parent when the parent reported too.
  const rowOfUnit = new Map(unitOfRow.map((i, row) => [i, row]));
  for (let row = 0; row < rowCount; row++) {
    const parentId = unitAt[row].parentId;
    const parentRow = parentId === null ? undefined : rowOfUnit.get(unitIndex.get(parentId) ?? -1);
    if (parentRow !== undefined) measured[row].parent = { name: unitAt[parentRow].name, temperature: measured[parentRow].temperature };
  }

  // Flags once every unit is measured (see flags.ts).
  const out = new Array<UnitAggregate>(units.length);
  for (let i = 0; i < units.length; i++) if (latest[i] === undefined) out[i] = unreportedRow(units[i], pastDeadline, flagPeriod);
  for (let row = 0; row < rowCount; row++) out[unitOfRow[row]] = reportedRow(measured[row], flagPeriod);

  const roots = units.filter((u) => u.parentId === null);
  const summary =
    roots.length === 1
      ? summarizeLevels(
          units.map((u, i) => ({ unitId: u.id, path: u.path, level: u.level, temperature: out[i].temperature })),
          roots[0].id,
          { attenuationThreshold: thresholds.attenuation },
        )
      : null;

  return { periodCode: period.code, units: out, summary };
}
