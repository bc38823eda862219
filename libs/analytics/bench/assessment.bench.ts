// Times scoreAssessment (年度考核 draft scores) on a provincial-size tree with the default 细则.
// Prints figures, no pass/fail.
//
//   npx tsx --conditions=source libs/analytics/bench/assessment.bench.ts [units=10000]
//
// ~95 % of units report, each with ~15 figures on catalogue keys (evidence sentences of ~20
// characters), 1–2 cadences, and the flags a period usually has (late 8 %, duplicate 3 %,
// template 2 %); 5 % of units have a manual score or override. This is the api's work on a
// cache miss after the rows are loaded; the JSON size is what a bureau-wide answer weighs.

import { DEFAULT_ASSESSMENT_RULES, scoreAssessment, type AssessmentUnitInput, type ManualScore } from '../src/index';

const N = Number(process.argv[2] ?? 10_000);

let seed = 4242;
const rnd = (): number => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const KEYS = [
  'org.ideology_meeting', 'org.committee_meeting', 'org.inspection', 'org.responsibility_letters', 'study.sessions', 'study.central_group',
  'study.party_lecture', 'study.training_sessions', 'propaganda.news', 'propaganda.external_submissions', 'propaganda.lectures',
  'propaganda.displays', 'online.commentators', 'online.incidents', 'civility.volunteer_activities', 'civility.cultural_events', 'civility.pairings',
];

const units: AssessmentUnitInput[] = [];
for (let i = 0; i < N; i++) {
  const reported = rnd() < 0.95;
  const reportId = reported ? i + 1 : null;
  const mentions: { key: string; value: number; subset: boolean; state: 'unreviewed'; reportId: number; text: string }[] = [];
  const totals: Record<string, number> = {};
  if (reported) {
    for (let k = 0; k < 15; k++) {
      const key = KEYS[Math.floor(rnd() * KEYS.length)];
      const value = 1 + Math.floor(rnd() * 12);
      mentions.push({ key, value, subset: false, state: 'unreviewed', reportId: i + 1, text: `今年以来共组织开展相关工作${value}次，取得良好成效` });
      totals[key] = (totals[key] ?? 0) + value;
    }
  }
  const flags: { code: string; reason: string; evidence?: { reportId: number } }[] = [];
  if (!reported) flags.push({ code: 'missing_report', reason: '截至 2027-01-10 未提交 2026 报告' });
  else {
    if (rnd() < 0.08) flags.push({ code: 'late_report', reason: '2026 报告逾期 3 天提交', evidence: { reportId: i + 1 } });
    if (rnd() < 0.03) flags.push({ code: 'near_duplicate', reason: '与「某单位」2026 报告相似度 93%', evidence: { reportId: i + 1 } });
    if (rnd() < 0.02) flags.push({ code: 'unfilled_template', reason: '报告中仍有 2 处模板占位符', evidence: { reportId: i + 1 } });
  }
  units.push({
    unitId: i + 1,
    code: `u${i}`,
    name: `第${i}党支部`,
    level: i === 0 ? 0 : i <= 20 ? 1 : i <= 420 ? 2 : 3,
    memberCount: 10 + Math.floor(rnd() * 150),
    status: reported ? 'reported' : 'missing',
    reportId,
    totals,
    mentions,
    flags,
    cadences: reported ? [{ key: 'org.committee_meeting', per: 'month', times: 1, reportId: i + 1, text: '每月召开一次支委会' }] : [],
  });
}
const manual = new Map<string, ManualScore>();
for (const u of units) if (rnd() < 0.05) manual.set(`${u.unitId}:org.body`, { score: 4, note: '有机构', by: 'leader' });

const input = { rules: DEFAULT_ASSESSMENT_RULES, periodMonths: 12, units, manual };
scoreAssessment(input); // warm-up
const runs = 5;
const times: number[] = [];
let json = '';
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  const result = scoreAssessment(input);
  times.push(performance.now() - t0);
  if (r === 0) json = JSON.stringify(result);
}
times.sort((a, b) => a - b);
const items = DEFAULT_ASSESSMENT_RULES.sections.reduce((s, x) => s + x.items.length, 0);
console.log(`scoreAssessment: ${N} units × ${items} items, median ${times[Math.floor(runs / 2)].toFixed(1)} ms (min ${times[0].toFixed(1)}, max ${times[runs - 1].toFixed(1)})`);
console.log(`answer JSON: ${(json.length / 1024 / 1024).toFixed(1)} MB (${Math.round(json.length / N)} bytes per unit)`);
console.log(`heap used: ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB`);
