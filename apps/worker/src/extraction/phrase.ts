// The wording of an unclassified count, normalised so the same phrasing in many reports groups
// into one row of the administrators' list (GET /api/metrics/unclassified): the words before the
// numeral in its clause, "N" for the number, and the measure word — "利用大喇叭播放政策提示180余次"
// and "播放政策提示 60 次" both read "播放政策提示N次" at the default width.

const NUMERAL = '(?:[0-9０-９][0-9０-９,，.．]*|[零〇一二两三四五六七八九十百千万]+)';
const APPROX_BEFORE = /(?:共计|总计|合计|累计|共|计|达到|达|约|近|超过|逾)+$/;
const CLAUSE_BREAK = /[，,。；;：:、！!？?（）()【】\n]/;
/** Characters of wording kept before the numeral: enough for the noun, short enough to group. */
export const PHRASE_WORDS = 8;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The phrase of a count `<numeral><unit>` standing last in `evidence` (its own clause ends it). */
export function unclassifiedPhrase(evidence: string, unit: string, words = PHRASE_WORDS): string {
  const text = evidence.replace(/\s+/g, '');
  const re = new RegExp(`${NUMERAL}(?:余|多|来|几)?${escape(unit.replace(/\s+/g, ''))}`, 'g');
  let at = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) at = m.index;
  const before = at < 0 ? text : text.slice(0, at);
  let clause = before;
  for (let i = before.length - 1; i >= 0; i--) {
    if (CLAUSE_BREAK.test(before[i])) {
      clause = before.slice(i + 1);
      break;
    }
  }
  const lead = clause.replace(APPROX_BEFORE, '').slice(-words);
  return `${lead}N${unit}`.slice(0, 64);
}
