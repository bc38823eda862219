// The extractor: stored plain text in, metrics (with evidence), cadences, problems, plans and
// placeholders out. One pass over the text for numerals and one for trigger words; everything else
// looks only at the clause around a numeral. No I/O.
import type { Evidence } from '@thermocline/contracts';
import { readCadences } from './cadences';
import { DEFAULT_CATALOGUE, DEFAULT_FORMULAS, type MetricDefinition } from './catalogue';
import { chooseDefinition, triggerAcross } from './choose';
import { anyHitIn, anyIn, clauseEnd, clauseStart, isCjk, isCloseParen, isOpenParen, matchAt, sentenceStart } from './clauses';
import { fingerprint } from './fingerprint';
import { Kind, lowerBound, type Hit } from './matcher';
import { readPlaceholders } from './placeholders';
import { firstQuantityFrom } from './quantities';
import { evidence, readText } from './reading';
import type { ExtractedMetric, ExtractionResult } from './result';
import {
  ACCEPTED,
  ADDED,
  AWARD_AFTER,
  AWARDS,
  CHANGE,
  COMPARISON,
  COMPARISON_WORD_AFTER,
  COMPARISON_WORD_BEFORE,
  COORDINATED,
  DISTRIBUTED_TOTAL,
  INCLUDES,
  NOT_VERBS,
  OWN_ACTIONS,
  PART_MARKERS,
  PEOPLE_CUES,
  PER_UNIT,
  PROBLEM_FINDING,
  PROBLEM_NOUN,
  PROBLEM_NOUN_BEFORE,
  PROBLEM_UNITS,
  SENTENCE_END,
  TIME_FRAME_AFTER,
  TIME_FRAME_UNITS,
  TOPIC,
  TOTAL_CUES,
  TOTAL_ONLY,
  UNIT_ALIASES,
} from './vocabulary';

export type { ExtractedMetric, ExtractionResult } from './result';

export interface ExtractOptions {
  definitions?: MetricDefinition[];
  formulas?: string[];
}

/** The verb right before a count, past a 了 (讲了2次 → 讲), or '' when it is no verb. */
function verbBefore(s: string, at: number): string {
  let k = at - 1;
  if (s[k] === ' ') k--;
  if (s[k] === '了') k--;
  const v = s[k] ?? '';
  return isCjk(v.charCodeAt(0)) && !NOT_VERBS.includes(v) ? v : '';
}

export function extract(text: string, options: ExtractOptions = {}): ExtractionResult {
  const r = readText(text, options.definitions ?? DEFAULT_CATALOGUE, options.formulas ?? DEFAULT_FORMULAS);
  const { s, mask, compiled, hits, excludes, activities, quantities, markers, structure } = r;
  const scanned = r.scan;
  const ev = (a: number, b: number): Evidence => evidence(r, a, b);
  const metrics: (ExtractedMetric & { at: number; def: number })[] = [];
  const { cadences, times: cadenceTimes } = readCadences(r);

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

  const placeholders = readPlaceholders(r);

  const charCount = scanned.charCount;
  const toItem = (it: { start: number; end: number }) => {
    const e = ev(it.start, it.end);
    return { text: e.text, evidence: e };
  };
  return {
    metrics: metrics.map(({ at: _at, def: _def, ...m }) => m),
    cadences,
    problems: structure.problems.map(toItem),
    plans: structure.plans.map(toItem),
    placeholders,
    charCount,
    specificity: charCount ? Math.round((metrics.length / charCount) * 1000 * 1000) / 1000 : 0,
    fingerprint: fingerprint(text),
  };
}
