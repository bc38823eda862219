// One period of one tree: totals, metric scores, the five components, temperature and flags per
// unit. The model and its rationale are in ../README.md; the numbers here follow it exactly.

import { DEFAULT_ANALYTICS_CONFIG, validateAnalyticsConfig } from './config';
import { daysLate } from './deadline';
import { binSimilarity, findNearDuplicates, parseInto } from './duplicates';
import { median, round, summarizeLevels } from './levels';
import { reasons } from './reasons';
import { factCount, totalsFor } from './totals';
import type {
  AggregateInput,
  AnalyticsReport,
  AnalyticsUnit,
  DuplicateMatch,
  MetricScore,
  PeriodAggregate,
  TemperatureComponents,
  UnitAggregate,
  UnitFlag,
} from './types';

/** Members assumed when a whole level has no member count (per-100 values then equal raw counts). */
const FALLBACK_MEMBERS = 100;
/** How many further same-period matches a near_duplicate flag lists. */
const ALSO_SIMILAR = 5;

function isNewer(a: AnalyticsReport, b: AnalyticsReport): boolean {
  if (a.version !== b.version) return a.version > b.version;
  return a.submittedAt.getTime() > b.submittedAt.getTime();
}

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

function firstSubmitted(r: AnalyticsReport): number {
  return (r.firstSubmittedAt ?? r.submittedAt).getTime();
}

/** Per unit: totals, metric scores, components, temperature and flags for one period. */
export function aggregatePeriod(input: AggregateInput): PeriodAggregate {
  const config = input.config ?? DEFAULT_ANALYTICS_CONFIG;
  const problems = validateAnalyticsConfig(config);
  if (problems.length > 0) throw new RangeError(`分析配置无效：${problems.map((p) => p.message).join('；')}`);
  const { weights, thresholds, scoring } = config;
  const { units, period } = input;
  const periodCode = period.code;
  const previousPeriodCode = input.previousPeriodCode ?? null;
  const deadline = period.deadline.getTime();
  const deadlineIso = period.deadline.toISOString();
  const pastDeadline = input.now.getTime() >= deadline;

  const unitIndex = new Map<number, number>();
  units.forEach((u, i) => unitIndex.set(u.id, i));
  const reportOf = latestByUnit(input.reports, unitIndex, units.length);
  const previousOf = latestByUnit(input.previousReports ?? [], unitIndex, units.length);

  // Catalogue: first definition of a key wins; categories in order of first appearance.
  const metrics = input.metrics.filter((m, i, all) => all.findIndex((x) => x.key === m.key) === i);
  const M = metrics.length;
  const categoryIds = new Map<string, number>();
  const categoryOf = metrics.map((m) => {
    let c = categoryIds.get(m.category);
    if (c === undefined) categoryIds.set(m.category, (c = categoryIds.size));
    return c;
  });
  const categoryCount = categoryIds.size;

  // Member counts: unknown (≤ 0) borrows the median of the level's known counts.
  const knownMembers = new Map<number, number[]>();
  for (const u of units) {
    if (u.memberCount > 0) {
      const list = knownMembers.get(u.level);
      if (list) list.push(u.memberCount);
      else knownMembers.set(u.level, [u.memberCount]);
    }
  }
  const levelMembers = new Map<number, number>();
  for (const [level, list] of knownMembers) levelMembers.set(level, median(list) as number);
  const membersOf = (u: AnalyticsUnit): number =>
    u.memberCount > 0 ? u.memberCount : (levelMembers.get(u.level) ?? FALLBACK_MEMBERS);

  // Reporting units, their totals and normalised values (one column per metric).
  const rep: number[] = [];
  for (let i = 0; i < units.length; i++) if (reportOf[i] !== undefined) rep.push(i);
  const R = rep.length;
  const keyIndex = new Map<string, number>();
  metrics.forEach((m, k) => keyIndex.set(m.key, k));
  const totals: Record<string, number>[] = new Array<Record<string, number>>(R);
  const totalAt = new Float64Array(R * M); // row r, column k: the counted total of metric k
  const norm = metrics.map(() => new Float64Array(R));
  for (let r = 0; r < R; r++) {
    const t = totalsFor((reportOf[rep[r]] as AnalyticsReport).mentions);
    totals[r] = t;
    const per100 = membersOf(units[rep[r]]) / 100;
    for (const key in t) {
      const k = keyIndex.get(key);
      if (k === undefined) continue; // not in the catalogue: totalled, never scored
      const v = t[key];
      totalAt[r * M + k] = v;
      norm[k][r] = metrics[k].normalization === 'per100' ? v / per100 : v;
    }
  }

  // Levels are small integers; references live in one table, row = metric, column = level slot
  // (NaN = no reference: the metric is left out of intensity at that level).
  const slotOf = new Map<number, number>();
  for (const u of units) if (!slotOf.has(u.level)) slotOf.set(u.level, slotOf.size);
  const L = slotOf.size;
  const slot = rep.map((i) => slotOf.get(units[i].level) as number);
  const peersAt = new Int32Array(L);
  for (let r = 0; r < R; r++) peersAt[slot[r]]++;
  const reference = new Float64Array(M * L).fill(NaN);
  for (let k = 0; k < M; k++) {
    const target = metrics[k].target;
    if (target !== undefined && target !== null && Number.isFinite(target) && target > 0) {
      reference.fill(target, k * L, k * L + L);
      continue;
    }
    const positives: number[][] = Array.from({ length: L }, () => []);
    const all: number[] = [];
    const column = norm[k];
    for (let r = 0; r < R; r++) {
      const v = column[r];
      if (!(v > 0)) continue;
      all.push(v);
      positives[slot[r]].push(v);
    }
    const tree = median(all);
    for (let l = 0; l < L; l++) {
      const m = peersAt[l] >= scoring.minPeers ? median(positives[l]) : tree;
      if (m !== null) reference[k * L + l] = m * scoring.peerMultiple;
    }
  }

  // Near-duplicates among this period's reports, by LSH candidates.
  const dup = findNearDuplicates(
    rep.map((i) => (reportOf[i] as AnalyticsReport).fingerprint),
    thresholds.nearDuplicate,
  );
  const scratch = new Uint32Array(64);
  const sortedGroups = new Map<number, number[]>();
  const membersByTime = (g: number): number[] => {
    let s = sortedGroups.get(g);
    if (!s) {
      s = [...dup.groups[g]].sort((a, b) => {
        const ra = reportOf[rep[a]] as AnalyticsReport;
        const rb = reportOf[rep[b]] as AnalyticsReport;
        return firstSubmitted(ra) - firstSubmitted(rb) || ra.reportId - rb.reportId;
      });
      sortedGroups.set(g, s);
    }
    return s;
  };
  const matchOf = (r: number, similarity: number, code = periodCode, report = reportOf[rep[r]] as AnalyticsReport): DuplicateMatch => {
    const u = units[rep[r]];
    return { reportId: report.reportId, unitId: u.id, unitCode: u.code, unitName: u.name, periodCode: code, similarity: round(similarity, 3) };
  };

  const weightTotal = weights.breadth + weights.intensity + weights.specificity + weights.timeliness + weights.originality;
  const out: UnitAggregate[] = new Array<UnitAggregate>(units.length);

  for (let i = 0; i < units.length; i++) {
    if (reportOf[i] !== undefined) continue;
    const unit = units[i];
    if (!pastDeadline) {
      out[i] = { unitId: unit.id, reportId: null, status: 'not_due', totals: {}, metrics: {}, components: null, temperature: null, facts: null, flags: [] };
    } else {
      out[i] = {
        unitId: unit.id,
        reportId: null,
        status: 'missing',
        totals: {},
        metrics: {},
        components: null,
        temperature: 0,
        facts: null,
        flags: [
          { code: 'missing_report', reason: reasons.missing(periodCode, period.dueOn), evidence: { periodCode, deadline: deadlineIso } },
        ],
      };
    }
  }

  for (let r = 0; r < R; r++) {
    const i = rep[r];
    const unit = units[i];
    const report = reportOf[i] as AnalyticsReport;

    // Metric scores and intensity.
    const scores: Record<string, MetricScore> = {};
    const active = new Uint8Array(categoryCount);
    let weighted = 0;
    let weightIn = 0;
    for (let k = 0; k < M; k++) {
      const metric = metrics[k];
      const total = totalAt[r * M + k];
      if (total > 0) active[categoryOf[k]] = 1;
      const normalized = norm[k][r];
      const ref = reference[k * L + slot[r]];
      const inIntensity = ref === ref && metric.weight > 0; // ref is not NaN
      const score = inIntensity ? Math.min(1, normalized / ref) : null;
      if (score !== null) {
        weighted += metric.weight * score;
        weightIn += metric.weight;
      }
      scores[metric.key] = {
        total,
        normalized: round(normalized, 4),
        reference: ref === ref ? round(ref, 4) : null,
        score: score === null ? null : round(score, 4),
      };
    }
    let categoriesActive = 0;
    for (let c = 0; c < categoryCount; c++) categoriesActive += active[c];

    const facts = factCount(report.mentions);
    const per1000 = report.charCount > 0 ? facts / (report.charCount / 1000) : 0;
    const late = daysLate(new Date(firstSubmitted(report)), period.deadline);

    // Originality: highest similarity to the period's other reports and to the own previous report.
    const g = dup.groupOf[r];
    let maxSimilarity = g >= 0 ? dup.best[g] : 0;
    let ownPrevious: DuplicateMatch | null = null;
    const prev = previousOf[i];
    if (g >= 0 && prev !== undefined && prev.fingerprint !== null) {
      if (parseInto(prev.fingerprint, scratch, 0)) {
        const s = binSimilarity(dup.bins, scratch, g, 0);
        if (s > maxSimilarity) maxSimilarity = s;
        if (s >= thresholds.nearDuplicate) ownPrevious = matchOf(r, s, previousPeriodCode ?? '上期', prev);
      }
    }
    const floor = scoring.originalityFloor;
    const excess = Math.min(1, Math.max(0, (maxSimilarity - floor) / (1 - floor)));

    const components: TemperatureComponents = {
      breadth: categoryCount > 0 ? categoriesActive / categoryCount : 0,
      intensity: weightIn > 0 ? weighted / weightIn : 0,
      specificity: Math.min(1, per1000 / scoring.specificityFull),
      timeliness: Math.max(0, 1 - late / scoring.lateDaysToZero),
      originality: 1 - excess,
    };
    const temperature = round(
      (100 *
        (weights.breadth * components.breadth +
          weights.intensity * components.intensity +
          weights.specificity * components.specificity +
          weights.timeliness * components.timeliness +
          weights.originality * components.originality)) /
        weightTotal,
      1,
    );

    // Flags, in the documented order.
    const flags: UnitFlag[] = [];
    const reportId = report.reportId;
    if (late > 0) {
      flags.push({
        code: 'late_report',
        reason: reasons.late(periodCode, late, period.dueOn),
        evidence: { reportId, submittedAt: new Date(firstSubmitted(report)).toISOString(), deadline: deadlineIso, daysLate: late },
      });
    }
    if (temperature < thresholds.cold) {
      flags.push({ code: 'cold', reason: reasons.cold(temperature, thresholds.cold), evidence: { reportId, temperature, threshold: thresholds.cold } });
    }
    const previousTemperature = input.previousTemperatures?.get(unit.id);
    if (previousTemperature !== undefined && Number.isFinite(previousTemperature)) {
      const drop = round(previousTemperature - temperature, 1);
      if (drop > thresholds.declineDrop) {
        flags.push({
          code: 'declining',
          reason: reasons.declining(temperature, previousTemperature, previousPeriodCode, drop, thresholds.declineDrop),
          evidence: { reportId, temperature, previousTemperature, previousPeriodCode, drop, threshold: thresholds.declineDrop },
        });
      }
    }
    if (g >= 0) {
      const listed: DuplicateMatch[] = [];
      let matchCount = 0;
      if (dup.groups[g].length > 1 && dup.best[g] === 1) {
        matchCount += dup.groups[g].length - 1;
        for (const o of membersByTime(g)) {
          if (listed.length > ALSO_SIMILAR) break;
          if (o !== r) listed.push(matchOf(o, 1));
        }
      }
      for (const m of dup.matches[g]) {
        matchCount += dup.groups[m.group].length;
        for (const o of membersByTime(m.group)) {
          if (listed.length > ALSO_SIMILAR) break;
          listed.push(matchOf(o, m.similarity));
        }
      }
      if (matchCount > 0) {
        flags.push({
          code: 'near_duplicate',
          reason: reasons.sameperiod(listed[0], matchCount, dup.truncated[g] === 1, thresholds.nearDuplicate),
          evidence: {
            reportId,
            samePeriod: true,
            other: listed[0],
            alsoSimilar: listed.slice(1),
            matchCount,
            matchCountIsMinimum: dup.truncated[g] === 1,
            threshold: thresholds.nearDuplicate,
          },
        });
      }
    }
    if (ownPrevious !== null) {
      flags.push({
        code: 'near_duplicate',
        reason: reasons.ownPrevious(ownPrevious, thresholds.nearDuplicate),
        evidence: { reportId, samePeriod: false, other: ownPrevious, alsoSimilar: [], matchCount: 1, matchCountIsMinimum: false, threshold: thresholds.nearDuplicate },
      });
    }
    if (report.placeholderCount > 0) {
      flags.push({ code: 'unfilled_template', reason: reasons.unfilled(report.placeholderCount), evidence: { reportId, placeholderCount: report.placeholderCount } });
    }
    const per1000Rounded = round(per1000, 2);
    if (per1000 < thresholds.lowSpecificity) {
      flags.push({
        code: 'low_specificity',
        reason: reasons.lowSpecificity(per1000Rounded, facts, report.charCount, thresholds.lowSpecificity),
        evidence: { reportId, factCount: facts, charCount: report.charCount, per1000Chars: per1000Rounded, threshold: thresholds.lowSpecificity },
      });
    }

    out[i] = {
      unitId: unit.id,
      reportId,
      status: 'reported',
      totals: totals[r],
      metrics: scores,
      components: {
        breadth: round(components.breadth, 4),
        intensity: round(components.intensity, 4),
        specificity: round(components.specificity, 4),
        timeliness: round(components.timeliness, 4),
        originality: round(components.originality, 4),
      },
      temperature,
      facts: { factCount: facts, charCount: report.charCount, per1000Chars: per1000Rounded, daysLate: late, maxSimilarity: round(maxSimilarity, 3) },
      flags,
    };
  }

  const roots = units.filter((u) => u.parentId === null);
  const summary =
    roots.length === 1
      ? summarizeLevels(
          units.map((u, i) => ({ unitId: u.id, path: u.path, level: u.level, temperature: out[i].temperature })),
          roots[0].id,
          { attenuationThreshold: thresholds.attenuation },
        )
      : null;

  return { periodCode, units: out, summary };
}
