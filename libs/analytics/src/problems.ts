// 共性问题: the problems (存在问题) units of a period wrote, grouped by the words they share — character
// bigrams of each clause, after the filler every report uses (存在, 个别, 进一步, 较为…) is dropped.
// A problem item is often several problems in one sentence ("学习形式单一，青年党员参与积极性不高"), so
// clauses are grouped, and a unit counts once per group. No external service, no model.

export interface ProblemText {
  unitCode: string;
  unitName: string;
  reportId: number;
  text: string;
}

export interface ProblemCluster {
  /** The clause most like the others in the group (its filler dropped). */
  label: string;
  /** Distinct units. */
  count: number;
  units: ProblemText[];
}

const FILLER = /(存在的问题|存在问题|存在|主要是|主要表现在|表现在|[一二三四五六七八九十]是|个别|部分|一些|有的|还有|仍然|仍|还|较为|比较|相对|进一步|有待|需要|亟需|等方面|方面|的问题|问题)/g;

/** The words of a clause that say something. */
export function problemCore(clause: string): string {
  return clause
    .normalize('NFKC')
    .replace(/[\s\d０-９.%％、“”"'《》（）()\-—:：]/g, '')
    .replace(FILLER, '');
}

export function clauses(text: string): string[] {
  return text
    .split(/[，,；;。！!？?\n]/)
    .map(problemCore)
    .filter((c) => c.length >= 4);
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return (2 * both) / (a.size + b.size);
}

/** Largest groups first; a group is clauses whose bigram overlap with one of its members is at least `threshold`. */
export function clusterProblems(items: readonly ProblemText[], threshold = 0.5): ProblemCluster[] {
  const parts = items
    .flatMap((item) => clauses(item.text).map((core) => ({ item, core, grams: bigrams(core) })))
    .sort((a, b) => a.core.length - b.core.length || a.core.localeCompare(b.core) || a.item.unitCode.localeCompare(b.item.unitCode));
  const groups: (typeof parts)[] = [];
  for (const p of parts) {
    let best: (typeof parts) | null = null;
    let bestScore = threshold;
    for (const g of groups) {
      const s = Math.max(...g.map((m) => dice(m.grams, p.grams)));
      if (s >= bestScore) [best, bestScore] = [g, s];
    }
    if (best) best.push(p);
    else groups.push([p]);
  }
  const clusters = groups.map((g) => {
    const medoid = g
      .map((m) => ({ m, score: g.reduce((sum, o) => sum + dice(m.grams, o.grams), 0) }))
      .sort((a, b) => b.score - a.score || a.m.core.length - b.m.core.length)[0].m;
    const units = new Map<string, ProblemText>();
    for (const m of g) if (!units.has(m.item.unitCode)) units.set(m.item.unitCode, m.item);
    return { label: medoid.core, count: units.size, units: [...units.values()].sort((a, b) => a.unitCode.localeCompare(b.unitCode)) };
  });
  return clusters.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'zh-CN'));
}
