// The extractor: stored plain text in, metrics (with evidence), cadences, problems, plans and
// placeholders out. One pass over the text for numerals and one for trigger words; everything else
// looks only at the clause around a numeral. No I/O.
import type { CadencePeriod, Evidence } from '@thermocline/contracts';
import { DEFAULT_CATALOGUE, DEFAULT_FORMULAS, type MetricDefinition } from './catalogue';
import { anyHitIn, anyIn, clauseEnd, clauseStart, isAsciiLetter, isCjk, isCloseParen, isOpenParen, matchAt, sentenceStart } from './clauses';
import { fingerprint, type Fingerprint } from './fingerprint';
import { compileDefinitions, findHits, Kind, lowerBound, type CompiledDefinitions, type Hit } from './matcher';
import { foldText } from './normalize';
import { isDigit } from './numbers';
import { firstQuantityFrom, readQuantities, type Quantity } from './quantities';
import { completeMask, scanCharacters, targetMarkers } from './scan';
import { analyseStructure, type Span } from './structure';
import {
  ACCEPTED,
  ADDED,
  AWARD_AFTER,
  AWARDS,
  CADENCE_LEAD,
  CADENCE_UNITS,
  CHANGE,
  COMPARISON,
  COMPARISON_WORD_AFTER,
  COMPARISON_WORD_BEFORE,
  COORDINATED,
  DISTRIBUTED_TOTAL,
  INCLUDES,
  NOT_VERBS,
  OPINION_AFTER,
  OWN_ACTIONS,
  PART_MARKERS,
  PEOPLE_CUES,
  PER_UNIT,
  PERIODS,
  PLACEHOLDER_UNITS,
  PROBLEM_FINDING,
  PROBLEM_NOUN,
  PROBLEM_NOUN_BEFORE,
  PROBLEM_UNITS,
  SENTENCE_END,
  SHORT_PERIODS,
  TIME_FRAME_AFTER,
  TIME_FRAME_UNITS,
  TOPIC,
  TOTAL_CUES,
  TOTAL_ONLY,
  UNIT_ALIASES,
} from './vocabulary';

export interface ExtractOptions {
  definitions?: MetricDefinition[];
  formulas?: string[];
}

export interface ExtractedMetric {
  key: string;
  value: number;
  approx: boolean;
  /** the measure word (次, 人次, 篇…), in Simplified form */
  unit: string;
  /** a 其中-subset of a mention with the same key: not added to the report's total */
  subset?: boolean;
  evidence: Evidence;
}

export interface ExtractionResult {
  metrics: ExtractedMetric[];
  cadences: { key: string; per: CadencePeriod; times: number; evidence: Evidence }[];
  problems: { text: string; evidence: Evidence }[];
  plans: { text: string; evidence: Evidence }[];
  placeholders: { evidence: Evidence }[];
  /** characters that are not whitespace */
  charCount: number;
  /** quantified mentions (metrics) per 1,000 characters */
  specificity: number;
  fingerprint: Fingerprint;
}

/** The verb right before a count, past a 了 (讲了2次 → 讲), or '' when it is no verb. */
function verbBefore(s: string, at: number): string {
  let k = at - 1;
  if (s[k] === ' ') k--;
  if (s[k] === '了') k--;
  const v = s[k] ?? '';
  return isCjk(v.charCodeAt(0)) && !NOT_VERBS.includes(v) ? v : '';
}

interface Choice {
  def: number;
  hit: Hit | null;
  side: 'left' | 'right' | 'sentence';
  score: number;
}

function chooseDefinition(
  c: CompiledDefinitions,
  hits: Hit[],
  excludes: Hit[],
  candidates: number[],
  left: Span,
  right: Span,
): Choice | null {
  const excluded = new Set<number>();
  for (let k = lowerBound(excludes, left.start); k < excludes.length && excludes[k].start < left.end; k++) {
    if (excludes[k].end <= left.end) excluded.add(excludes[k].def);
  }
  let best: Choice | null = null;
  const consider = (h: Hit, dist: number, side: 'left' | 'right') => {
    if (!candidates.includes(h.def) || excluded.has(h.def)) return;
    const tier = h.kind === Kind.Strong ? 3 : 1;
    const score = tier * 100 + (c.defs[h.def].priority ?? 0) - Math.min(dist, 60);
    if (!best || score > best.score || (score === best.score && h.def < best.def)) best = { def: h.def, hit: h, side, score };
  };
  for (let k = lowerBound(hits, left.start); k < hits.length && hits[k].start < left.end; k++) {
    const h = hits[k];
    if (h.end <= left.end) consider(h, left.end - h.end, 'left');
  }
  for (let k = lowerBound(hits, right.start); k < hits.length && hits[k].start < right.end; k++) {
    const h = hits[k];
    if (h.end <= right.end) consider(h, h.start - right.start + 3, 'right');
  }
  return best;
}

/**
 * "党组每半年专题研究一次意识形态工作": a count standing inside the word that names it. Joins the few
 * characters before the count (from `lo`) with those after it (to `hi`) and looks for a specific trigger
 * of a candidate that spans the join. Used only when nothing in reach names the count.
 */
function triggerAcross(c: CompiledDefinitions, s: string, candidates: number[], q: Quantity, lo: number, hi: number): Choice | null {
  const a = Math.max(lo, q.start - 12);
  const b = Math.min(hi, q.end + 12);
  if (a >= q.start || b <= q.end) return null;
  const joined = s.slice(a, q.start) + s.slice(q.end, b);
  const junction = q.start - a;
  let byFirst = strongByFirst.get(c);
  if (!byFirst) {
    byFirst = new Map();
    for (const [w, v] of c.words) {
      if (v.kind !== Kind.Strong || w.length < 3) continue;
      const list = byFirst.get(w[0]) ?? [];
      list.push([w, v.def]);
      byFirst.set(w[0], list);
    }
    strongByFirst.set(c, byFirst);
  }
  let best: Choice | null = null;
  for (let from = Math.max(0, junction - 11); from < junction; from++) {
    const list = byFirst.get(joined[from]);
    if (!list) continue;
    for (const [w, def] of list) {
      if (from + w.length <= junction || !candidates.includes(def) || !joined.startsWith(w, from)) continue;
      const score = 300 + (c.defs[def].priority ?? 0) + w.length;
      if (!best || score > best.score) {
        const hit: Hit = { start: a + from, end: q.end + (from + w.length - junction), def, kind: Kind.Strong };
        best = { def, hit, side: 'right', score };
      }
    }
  }
  return best;
}
const strongByFirst = new WeakMap<CompiledDefinitions, Map<string, [string, number][]>>();

export function extract(text: string, options: ExtractOptions = {}): ExtractionResult {
  const definitions = options.definitions ?? DEFAULT_CATALOGUE;
  const formulas = options.formulas ?? DEFAULT_FORMULAS;
  const compiled = compileDefinitions(definitions);
  const s = foldText(text);
  const n = s.length;
  const structure = analyseStructure(s);
  const scanned = scanCharacters(s);
  const mask = new Uint8Array(n);
  const found = findHits(s, compiled, formulas, mask);
  const { hits, activities } = found;
  // a business word that qualifies public opinion (税收舆情, 汛情舆论) names what the opinion is about:
  // 税收舆情风险研判 is an analysis of opinion, not of the business
  const excludes = found.excludes.filter((h) => !OPINION_AFTER.test(s.slice(h.end, h.end + 4)));
  completeMask(s, mask, scanned.quoteOpens, structure.planRanges);
  const quantities = readQuantities(s, mask, compiled.measures, scanned.numerals);
  const markers = targetMarkers(s, mask, scanned.targets);
  const ev = (a: number, b: number): Evidence => {
    while (a < b && /[\s，,。；;：:、]/.test(s[a])) a++;
    while (b > a && /[\s，,。；;：:、]/.test(s[b - 1])) b--;
    return { start: a, end: b, text: text.slice(a, b) };
  };

  const metrics: (ExtractedMetric & { at: number; def: number })[] = [];
  const cadenceTimes = new Set<Quantity>();
  const cadences: ExtractionResult['cadences'] = [];

  // ---- cadences: 每周/每月/每季度/每半年/每年 … N次 <activity>
  for (const i of scanned.every) {
    if (mask[i] & 6) continue;
    let p = i + 1;
    if (s[p] === '一') p++;
    const period = PERIODS.find(([w]) => s.startsWith(w, p));
    if (!period) continue;
    const periodEnd = p + period[0].length;
    const cEnd = clauseEnd(s, periodEnd);
    const cStart = clauseStart(s, i);
    let q: Quantity | undefined;
    for (let k = firstQuantityFrom(quantities, periodEnd); k < quantities.length && quantities[k].start < cEnd; k++) {
      const x = quantities[k];
      if (x.end <= cEnd && CADENCE_UNITS.has(x.measure)) {
        q = x;
        break;
      }
    }
    if (!q) continue;
    cadenceTimes.add(q);
    const candidates = compiled.defs.map((_, k) => k).filter((k) => compiled.measureDefs.get(q.measure)?.includes(k));
    // "政治理论学习每月一次": the activity may also stand before 每, as the clause's subject
    const choice =
      chooseDefinition(compiled, hits, excludes, candidates, { start: periodEnd, end: q.start }, { start: q.end, end: cEnd }) ??
      chooseDefinition(compiled, hits, excludes, candidates, { start: cStart, end: i }, { start: i, end: i }) ??
      triggerAcross(compiled, s, candidates, q, periodEnd, cEnd);
    if (!choice) continue;
    const h = choice.hit;
    const end = Math.max(q.end, h ? h.end : q.end);
    cadences.push({
      key: compiled.defs[choice.def].key,
      per: period[1],
      times: q.value,
      evidence: ev(Math.min(Math.max(cStart, i - (s.startsWith(CADENCE_LEAD, i - CADENCE_LEAD.length) ? CADENCE_LEAD.length : 0)), h && h.start < i ? h.start : n), end),
    });
  }

  // ---- 一月一研判, 一季一检查: once per period, the activity right after
  for (let i = 0; i + 3 < n; i++) {
    // quotes do not hide it: the rule is usually quoted (坚持“一月一研判”)
    if (s.charCodeAt(i) !== 0x4e00 /* 一 */ || mask[i] & 5) continue;
    const period = SHORT_PERIODS.find(([w]) => s.startsWith(w, i + 1));
    if (!period || s.charCodeAt(i + 1 + period[0].length) !== 0x4e00) continue;
    const at = i + 2 + period[0].length;
    let best: Hit | null = null;
    for (let k = lowerBound(hits, at); k < hits.length && hits[k].start === at; k++) {
      const h = hits[k];
      if (compiled.defs[h.def].measureWords.includes('次') && !compiled.defs[h.def].people && (!best || h.end - h.start > best.end - best.start)) best = h;
    }
    if (!best) continue;
    cadences.push({ key: compiled.defs[best.def].key, per: period[1], times: 1, evidence: ev(i, best.end) });
    i = best.end - 1;
  }

  // ---- metrics
  const boundaries = quantities;
  const quantityEnds = new Set<number>();
  for (const x of quantities) if (x.unit) quantityEnds.add(x.end);
  for (let qi = 0; qi < quantities.length; qi++) {
    const q = quantities[qi];
    if (!q.countable || !q.measure || q.value <= 0 || mask[q.numStart] & 4 || cadenceTimes.has(q)) continue;
    const exact = compiled.measureDefs.get(q.measure);
    const alias = UNIT_ALIASES[q.measure] ? compiled.measureDefs.get(UNIT_ALIASES[q.measure]) : undefined;
    const candidates = exact && alias ? [...new Set([...exact, ...alias])] : (exact ?? alias);
    if (!candidates) continue;
    const cStart = q.labelStart ?? clauseStart(s, q.start);
    const column = q.labelEnd !== undefined;
    const cEnd = column ? q.end : clauseEnd(s, q.end);
    const labelEnd = q.labelEnd ?? q.start;
    if (anyIn(markers, cStart, labelEnd)) continue;
    const clauseBefore = s.slice(cStart, labelEnd);
    if (CHANGE.test(clauseBefore)) continue;
    // "局属单位各明确1名网络信息员，共7名": a figure for each unit followed by the total is counted as the total
    if (!column && PER_UNIT.test(clauseBefore) && DISTRIBUTED_TOTAL.test(s.slice(cEnd + 1, cEnd + 14))) continue;
    if (PROBLEM_UNITS.has(q.measure) && PROBLEM_FINDING.test(clauseBefore)) {
      const nextStart = qi + 1 < quantities.length ? Math.min(quantities[qi + 1].start, cEnd) : cEnd;
      if (PROBLEM_NOUN_BEFORE.test(clauseBefore) || PROBLEM_NOUN.test(s.slice(q.end, Math.max(q.end, nextStart)))) continue;
    }
    let leftStart = cStart;
    const prev = qi > 0 ? boundaries[qi - 1] : null;
    const timeFrame = prev !== null && TIME_FRAME_UNITS.has(prev.unit) && TIME_FRAME_AFTER.test(s.slice(prev.end, prev.end + 2));
    if (!column && !timeFrame && prev && prev.end > leftStart && prev.end <= q.start) leftStart = prev.end;
    let qizhong = -1,
      partEnd = -1;
    let closed = false; // a parenthesis closed before the count: the count is not inside it
    for (let k = q.start - 1; k >= cStart; k--) {
      if (isCloseParen(s[k])) closed = true;
      if (!closed && isOpenParen(s[k]) && quantityEnds.has(k)) {
        const w = matchAt(s, k + 1, PART_MARKERS);
        if (w) {
          qizhong = k;
          partEnd = k + 1 + w.length;
          break;
        }
      }
      if (k + 1 < q.start && s.charCodeAt(k) === 0x5176 /* 其 */ && s.charCodeAt(k + 1) === 0x4e2d /* 中 */) {
        qizhong = k;
        partEnd = k + 2;
        break;
      }
    }
    const inSubset = qizhong >= 0;
    if (inSubset && partEnd > leftStart) leftStart = partEnd;
    let rightEnd = cEnd;
    const next = qi + 1 < boundaries.length ? boundaries[qi + 1] : null;
    if (next && next.start < rightEnd && next.start >= q.end) rightEnd = next.start;
    for (let k = q.end; k + 1 < rightEnd; k++) {
      if ((s.charCodeAt(k) === 0x5176 && s.charCodeAt(k + 1) === 0x4e2d) || (k === q.end && isOpenParen(s[k]) && matchAt(s, k + 1, PART_MARKERS))) {
        rightEnd = k;
        break;
      }
    }
    // "宣传墙1面、电子显示屏1块": words after a 、 that lead to the next count are that count's, not this one's
    let rightSearch = rightEnd;
    if (next && rightEnd === next.start && next.countable) {
      for (let k = q.end; k < rightEnd - 1; k++) {
        if (s.charCodeAt(k) === 0x3001 /* 、 */) {
          rightSearch = k;
          break;
        }
      }
    }
    // 支委会（含专题研究意识形态工作）12次: what the thing includes does not name it
    let leftEnd = labelEnd;
    if (isCloseParen(s[q.start - 1])) {
      for (let k = q.start - 2; k >= leftStart; k--) {
        if (isCloseParen(s[k])) break;
        if (isOpenParen(s[k])) {
          if (matchAt(s, k + 1, INCLUDES)) leftEnd = k;
          break;
        }
      }
    }
    // awards won are not activities held (在市级比赛中获奖12项)
    const leftText = s.slice(leftStart, q.start);
    if (AWARDS.some((w) => leftText.includes(w)) || s.startsWith(AWARD_AFTER, q.end)) continue;
    let choice = chooseDefinition(compiled, hits, excludes, candidates, { start: leftStart, end: leftEnd }, { start: q.end, end: rightSearch });
    // "开展志愿服务活动，共计12场": a clause that is only a total refers to the clause before it
    if (!choice && leftStart === cStart && cStart > 0 && TOTAL_ONLY.test(s.slice(cStart, q.start)) && !SENTENCE_END.test(s[cStart - 1])) {
      let pStart = clauseStart(s, cStart - 1);
      if (prev && prev.end > pStart && prev.end < cStart) pStart = prev.end;
      if (anyIn(markers, pStart, cStart)) continue;
      choice = chooseDefinition(compiled, hits, excludes, candidates, { start: pStart, end: cStart - 1 }, { start: q.end, end: rightEnd });
      if (choice && choice.side === 'left') leftStart = pStart;
      // "签了责任书，又跟3个班组长各签了一份，一共签了4份": the total of figures given per unit (各…一份)
      // names what the clause before those names
      if (!choice && prev && prev.end < cStart && prev.unit === q.unit) {
        const prevClause = clauseStart(s, prev.start);
        if (prevClause > 0 && PER_UNIT.test(s.slice(prevClause, prev.start)) && !SENTENCE_END.test(s[prevClause - 1])) {
          let ppStart = clauseStart(s, prevClause - 1);
          const before = firstQuantityFrom(quantities, ppStart);
          for (let k = before; k < quantities.length && quantities[k].end < prevClause; k++) ppStart = Math.max(ppStart, quantities[k].end);
          if (!anyIn(markers, ppStart, prevClause)) {
            choice = chooseDefinition(compiled, hits, excludes, candidates, { start: ppStart, end: prevClause - 1 }, { start: q.end, end: q.end });
            if (choice) leftStart = ppStart;
          }
        }
      }
    }
    // "党课这一块，我给大家讲了2次课": a short topic clause just before names what its comment counts
    if (!choice && !column && leftStart === cStart && cStart > 0 && !SENTENCE_END.test(s[cStart - 1])) {
      const pStart = clauseStart(s, cStart - 1);
      const topic = TOPIC.exec(s.slice(pStart, cStart - 1));
      // (the 一块 of 这一块 is no count before it)
      if (topic && !(prev && prev.end > pStart && prev.end < cStart && !(topic[1].startsWith('这一') && prev.start >= pStart + topic.index + topic[0].indexOf(topic[1])))) {
        const c2 = chooseDefinition(compiled, hits, excludes, candidates, { start: pStart, end: cStart - 1 }, { start: q.end, end: q.end });
        if (c2 && c2.hit && c2.hit.kind === Kind.Strong) {
          choice = c2;
          leftStart = pStart;
        }
      }
    }
    // "讲了2次课，又请领导来讲了1次": an added count of the same verb and measure word that names nothing
    // is the same thing as the count before it in the sentence
    if (!choice && !column && leftStart === cStart && ADDED.test(s.slice(cStart, q.start))) {
      const last = metrics.length ? metrics[metrics.length - 1] : undefined;
      const verb = verbBefore(s, q.start);
      if (last && last.at >= sentenceStart(s, q.start) && last.unit === q.unit && verb && verb === verbBefore(s, last.at)) {
        choice = { def: last.def, hit: null, side: 'left', score: 0 };
      }
    }
    // "1名护士长、2名青年医师担任信息员", "与两家企业、三所学校结对共建": coordinated counts share the words
    // after the last of them
    if (!choice) {
      let k = qi;
      for (let hop = 0; hop < 4 && !choice; hop++) {
        const cur = quantities[k],
          nx = k + 1 < quantities.length ? quantities[k + 1] : null;
        const curEnd = k === qi ? rightEnd : cur.end;
        if (!nx || !nx.countable || nx.start >= cEnd || (k === qi && curEnd !== nx.start)) break;
        // the phrase between is a bare noun: no word of any metric, no action of its own
        const gap = s.slice(cur.end, nx.start);
        if (!COORDINATED.test(gap) || anyHitIn(hits, cur.end, nx.start) || OWN_ACTIONS.some((w) => gap.includes(w)) || PEOPLE_CUES.some((w) => gap.includes(w))) break;
        let r = clauseEnd(s, nx.end);
        const after = k + 2 < quantities.length ? quantities[k + 2] : null;
        if (after && after.start < r) r = after.start;
        const c2 = chooseDefinition(compiled, hits, excludes, candidates, { start: q.start, end: q.start }, { start: nx.end, end: r });
        if (c2) choice = { ...c2, score: c2.score - (nx.end - q.end) };
        k++;
      }
    }
    // "专题研究2次意识形态工作": the count splits the word that names it
    if (!choice && !column) choice = triggerAcross(compiled, s, candidates, q, leftStart, rightEnd);
    // a bare 一 counts only right next to what it counts (讲党课一次, 开展一次培训)
    if (choice && q.chinese && q.value === 1 && s.slice(q.numStart, q.numEnd) === '一') {
      const h = choice.hit;
      const near = h && (choice.side === 'left' ? q.start - h.end <= 8 : h.start - q.end <= 1);
      if (!near) choice = null;
      // "一段短视频比发一篇长文章管用": the standard of a comparison is no event
      const cmp = COMPARISON.exec(clauseBefore);
      if (cmp && !COMPARISON_WORD_AFTER.test(cmp[1]) && !COMPARISON_WORD_BEFORE.test(clauseBefore.slice(0, cmp.index))) choice = null;
    }
    // people counts whose activity is named earlier in the sentence
    if (!choice) {
      const peopleDefs = candidates.filter((k) => compiled.defs[k].people);
      const clause = s.slice(cStart, cEnd);
      const own = s.slice(leftStart, q.start);
      const ownAction = OWN_ACTIONS.some((w) => own.includes(w));
      const cue = PEOPLE_CUES.some((w) => clause.includes(w) && !(ownAction && TOTAL_CUES.includes(w)));
      if (peopleDefs.length && (cue || (q.measure === '人次' && !ownAction))) {
        const sStart = sentenceStart(s, q.start);
        let found: Hit | null = null;
        for (let k = lowerBound(activities, sStart); k < activities.length && activities[k].end <= leftStart; k++) {
          if (peopleDefs.includes(activities[k].def)) found = activities[k];
        }
        if (found) choice = { def: found.def, hit: found, side: 'sentence', score: 0 };
      }
    }
    // a 其中 subset without a word of its own is the same thing as its whole
    let whole: (typeof metrics)[number] | undefined;
    if (inSubset) {
      const sStart = sentenceStart(s, qizhong);
      for (let k = metrics.length - 1; k >= 0; k--) {
        if (metrics[k].at < sStart) break;
        if (metrics[k].at < qizhong) {
          whole = metrics[k];
          break;
        }
      }
      if (!choice && whole && candidates.includes(whole.def)) choice = { def: whole.def, hit: null, side: 'left', score: 0 };
      // a part named by a more general word of the same category belongs to its more specific whole
      // (中心组学习11次，其中专题研讨4次 → 4 中心组 sessions)
      if (choice && whole && whole.def !== choice.def && candidates.includes(whole.def)) {
        const w = compiled.defs[whole.def],
          p = compiled.defs[choice.def];
        if (w.category === p.category && (w.priority ?? 0) > (p.priority ?? 0)) choice = { ...choice, def: whole.def };
        // a part named only by a generic word (其中原创稿件…, 含转载…) is the same kind of thing as its whole
        else if (choice.hit && choice.hit.kind === Kind.Weak) choice = { ...choice, def: whole.def };
      }
    }
    if (!choice) continue;
    const def = compiled.defs[choice.def];
    const h = choice.hit;
    let a: number;
    if (choice.side === 'left' && h) a = h.start - leftStart <= 12 ? leftStart : h.start;
    else a = q.start - leftStart <= 12 ? leftStart : q.start;
    const b = choice.side === 'right' && h ? h.end : q.end;
    const m: ExtractedMetric & { at: number; def: number } = {
      key: def.key,
      value: q.value,
      approx: q.approx,
      unit: q.unit,
      evidence: ev(a, b),
      at: q.start,
      def: choice.def,
    };
    if (inSubset && whole && whole.key === def.key) m.subset = true;
    // "报送信息62条，被采用27条": the accepted pieces are part of the submitted ones, as after 其中
    else if (!inSubset && ACCEPTED.test(s.slice(cStart, q.start))) {
      const sStart = sentenceStart(s, cStart);
      const before = metrics.length ? metrics[metrics.length - 1] : undefined;
      if (before && before.at >= sStart && before.key === def.key) m.subset = true;
    }
    metrics.push(m);
  }

  // ---- placeholders: x次, xx余人次, XX篇, ×次, *次 (not 20XX年, ××党支部)
  const placeholders: ExtractionResult['placeholders'] = [];
  const isMark = (c: number) => c === 0x78 || c === 0x58 || c === 0xd7 || c === 0x2a; // x X × *
  let after = -1;
  for (const at of scanned.marks) {
    if (at < after) continue;
    let j = at;
    while (j < n && isMark(s.charCodeAt(j))) j++;
    after = j;
    const before = s.charCodeAt(at - 1);
    const run = j - at;
    if (isAsciiLetter(before) || isDigit(before) || run > 4 || mask[at] & 2) continue;
    let k = j;
    if (s[k] === '余' || s[k] === '多') k++;
    const u = matchAt(s, k, PLACEHOLDER_UNITS);
    if (!u) continue;
    placeholders.push({ evidence: ev(Math.max(clauseStart(s, at), at - 24), k + u.length) });
  }

  const charCount = scanned.charCount;
  const toItem = (it: { start: number; end: number }) => {
    const e = ev(it.start, it.end);
    return { text: e.text, evidence: e };
  };
  return {
    metrics: metrics.map(({ at: _at, def: _def, ...m }) => m),
    cadences: cadences.sort((a, b) => a.evidence.start - b.evidence.start),
    problems: structure.problems.map(toItem),
    plans: structure.plans.map(toItem),
    placeholders,
    charCount,
    specificity: charCount ? Math.round((metrics.length / charCount) * 1000 * 1000) / 1000 : 0,
    fingerprint: fingerprint(text),
  };
}
