// Cadences: standing rules of how often an activity is held — 每(一)周/月/季度/半年/年 followed in the
// same clause by a count of times and an activity (每月召开一次支委会, 政治理论学习每月一次), and
// 一月一研判 / 一季一检查 (once per period). None inside plans (a plan's cadence is a target).
import type { ExtractionResult } from './result';
import { chooseDefinition, triggerAcross } from './choose';
import { clauseEnd, clauseStart } from './clauses';
import { lowerBound, type Hit } from './matcher';
import { firstQuantityFrom, type Quantity } from './quantities';
import { evidence, type Reading } from './reading';
import { subjectKey } from './subject';
import { CADENCE_LEAD, CADENCE_UNITS, PERIODS, SHORT_PERIODS } from './vocabulary/cadences';

export interface Cadences {
  cadences: ExtractionResult['cadences'];
  /** the counts that are a cadence's times (每月一次): no metric */
  times: Set<Quantity>;
}

export function readCadences(r: Reading): Cadences {
  const { s, mask, compiled, hits, excludes, quantities } = r;
  const n = s.length;
  const times = new Set<Quantity>();
  const cadences: ExtractionResult['cadences'] = [];

  // ---- 每周/每月/每季度/每半年/每年 … N次 <activity>
  for (const i of r.scan.every) {
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
    times.add(q);
    const candidates = compiled.defs.map((_, k) => k).filter((k) => compiled.measureDefs.get(q.measure)?.includes(k));
    // "政治理论学习每月一次": the activity may also stand before 每, as the clause's subject
    const choice =
      chooseDefinition(compiled, hits, excludes, candidates, { start: periodEnd, end: q.start }, { start: q.end, end: cEnd }) ??
      chooseDefinition(compiled, hits, excludes, candidates, { start: cStart, end: i }, { start: i, end: i }) ??
      triggerAcross(compiled, s, candidates, q, periodEnd, cEnd);
    if (!choice) continue;
    const subject = subjectKey(r, choice.def, candidates, cStart, i);
    if (subject !== null) choice.def = subject;
    const h = choice.hit;
    const end = Math.max(q.end, h ? h.end : q.end);
    cadences.push({
      key: compiled.defs[choice.def].key,
      per: period[1],
      times: q.value,
      evidence: evidence(r, Math.min(Math.max(cStart, i - (s.startsWith(CADENCE_LEAD, i - CADENCE_LEAD.length) ? CADENCE_LEAD.length : 0)), h && h.start < i ? h.start : n), end),
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
    cadences.push({ key: compiled.defs[best.def].key, per: period[1], times: 1, evidence: evidence(r, i, best.end) });
    i = best.end - 1;
  }
  return { cadences: cadences.sort((a, b) => a.evidence.start - b.evidence.start), times };
}
