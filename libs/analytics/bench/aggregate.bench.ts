// Times aggregatePeriod and summarizeLevels on a provincial-size tree. Prints figures, no pass/fail.
//
//   npx tsx --conditions=source libs/analytics/bench/aggregate.bench.ts [units=10000]
//
// Tree: 1 bureau, 20 level-1 committees, 400 level-2 general branches, the rest level-3 branches.
// 23 catalogue metrics in 5 categories; ~95 % of units report (the rest are missing), ~15 mentions
// each; texts drawn from a shared pool of sentences (party-work prose shares a lot of boilerplate,
// so LSH buckets are realistic), 3 % copy another unit's report, 5 % reuse their own previous one.

import { fingerprint, similarity } from '@thermocline/extraction';

import {
  aggregatePeriod,
  deadlineFor,
  summarizeLevels,
  type AnalyticsMention,
  type AnalyticsMetric,
  type AnalyticsReport,
  type AnalyticsUnit,
} from '../src/index';

const N = Number(process.argv[2] ?? 10_000);

let seed = 12345;
const rnd = (): number => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

const KEYS: [string, string][] = [
  ['org.ideology_meeting', 'org'], ['org.committee_meeting', 'org'], ['org.member_meeting', 'org'],
  ['org.inspection', 'org'], ['org.responsibility_letters', 'org'], ['study.sessions', 'study'],
  ['study.central_group', 'study'], ['study.party_lecture', 'study'], ['study.theme_day', 'study'],
  ['study.training_sessions', 'study'], ['study.training_attendance', 'study'], ['propaganda.news', 'propaganda'],
  ['propaganda.external_submissions', 'propaganda'], ['propaganda.new_media_posts', 'propaganda'],
  ['propaganda.displays', 'propaganda'], ['propaganda.lectures', 'propaganda'], ['propaganda.lecture_audience', 'propaganda'],
  ['online.commentators', 'online'], ['online.incidents', 'online'], ['civility.volunteer_activities', 'civility'],
  ['civility.volunteer_attendance', 'civility'], ['civility.pairings', 'civility'], ['civility.cultural_events', 'civility'],
];
const metrics: AnalyticsMetric[] = KEYS.map(([key, category], i) => ({
  key,
  category,
  normalization: /attendance|audience/.test(key) ? 'per100' : 'per_unit',
  weight: i % 4 === 0 ? 2 : 1,
}));

// Units.
const units: AnalyticsUnit[] = [{ id: 1, code: 'u1', name: '局党组', parentId: null, level: 0, path: '/1/', memberCount: 300 }];
const add = (parent: AnalyticsUnit, level: number): AnalyticsUnit => {
  const id = units.length + 1;
  const u = { id, code: `u${id}`, name: `第${id}党组织`, parentId: parent.id, level, path: `${parent.path}${id}/`, memberCount: level === 3 ? 3 + Math.floor(rnd() * 40) : 20 + Math.floor(rnd() * 200) };
  units.push(u);
  return u;
};
const l1 = Array.from({ length: 20 }, () => add(units[0], 1));
const l2 = Array.from({ length: 400 }, (_, i) => add(l1[i % 20], 2));
while (units.length < N) add(l2[units.length % 400], 3);

// Texts and reports.
const SENTENCES = Array.from({ length: 600 }, (_, i) => {
  const verbs = ['认真组织', '扎实开展', '深入推进', '持续加强', '严格落实', '广泛宣传'];
  const things = ['意识形态工作责任制', '理论学习中心组学习', '主题党日活动', '网络舆情研判', '志愿服务活动', '宣传阵地管理', '党员教育培训'];
  return `${pick(verbs)}${pick(things)}，第${i}项举措${pick(['取得实效', '稳步推进', '成效明显', '形成常态'])}。`;
});
const textOf = (): string => Array.from({ length: 30 }, () => pick(SENTENCES)).join('') + `编号${Math.floor(rnd() * 1e9)}`;
const mentionsOf = (): AnalyticsMention[] =>
  Array.from({ length: 5 + Math.floor(rnd() * 20) }, () => ({
    key: pick(KEYS)[0],
    value: 1 + Math.floor(rnd() * 30),
    subset: rnd() < 0.05,
    state: pick(['unreviewed', 'unreviewed', 'confirmed', 'corrected', 'rejected'] as const),
    origin: rnd() < 0.05 ? 'manual' : 'auto',
  }));

const dueOn = deadlineFor('2026-07-10');
const t0 = performance.now();
const previousText = new Map<number, string>();
const previousReports: AnalyticsReport[] = [];
const reports: AnalyticsReport[] = [];
const texts: string[] = [];
let nextId = 1;
for (const u of units) {
  const text = textOf();
  previousText.set(u.id, text);
  previousReports.push({ reportId: nextId++, unitId: u.id, version: 1, submittedAt: new Date('2026-01-05T10:00:00Z'), charCount: text.length, placeholderCount: 0, fingerprint: fingerprint(text), mentions: mentionsOf() });
}
for (const u of units) {
  if (rnd() < 0.05) continue; // missing
  const r = rnd();
  const text = r < 0.03 && texts.length > 0 ? pick(texts).slice(20) + u.name : r < 0.08 ? (previousText.get(u.id) as string) : textOf();
  texts.push(text);
  const late = rnd() < 0.1;
  reports.push({
    reportId: nextId++,
    unitId: u.id,
    version: 1 + Math.floor(rnd() * 2),
    submittedAt: new Date(dueOn.getTime() + (late ? 1 : -1) * Math.floor(rnd() * 20 * 86_400_000)),
    charCount: text.length,
    placeholderCount: rnd() < 0.02 ? 3 : 0,
    fingerprint: fingerprint(text),
    mentions: mentionsOf(),
  });
}
const previousTemperatures = new Map(units.map((u) => [u.id, Math.round(rnd() * 1000) / 10]));
const setupMs = performance.now() - t0;

const input = {
  units,
  metrics,
  reports,
  previousReports,
  previousTemperatures,
  period: { code: '2026-H1', deadline: dueOn, dueOn: '2026-07-10' },
  previousPeriodCode: '2025-H2',
  now: new Date('2026-08-01T00:00:00Z'),
};

const time = <T>(runs: number, f: () => T): { ms: number[]; last: T } => {
  const ms: number[] = [];
  let last!: T;
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    last = f();
    ms.push(performance.now() - s);
  }
  return { ms, last };
};
const fmt = (ms: number[]): string => {
  const s = [...ms].sort((a, b) => a - b);
  return `median ${s[s.length >> 1].toFixed(1)} ms, min ${s[0].toFixed(1)} ms, max ${s[s.length - 1].toFixed(1)} ms (${ms.length} runs)`;
};

time(2, () => aggregatePeriod(input)); // warm-up
const agg = time(7, () => aggregatePeriod(input));
const stored = units.map((u, i) => ({ unitId: u.id, path: u.path, level: u.level, temperature: agg.last.units[i].temperature }));
time(20, () => summarizeLevels(stored, 1));
const whole = time(50, () => summarizeLevels(stored, 1));
const sub = time(50, () => summarizeLevels(stored, l1[0].id));

const flagCounts: Record<string, number> = {};
for (const r of agg.last.units) for (const f of r.flags) flagCounts[f.code] = (flagCounts[f.code] ?? 0) + 1;

console.log(`node ${process.version}; ${units.length} units on 4 levels, ${metrics.length} metrics, ${reports.length} reports (+${previousReports.length} previous); setup ${(setupMs / 1000).toFixed(1)} s`);
let simSum = 0;
for (let i = 0; i < 1000; i++) simSum += similarity(pick(reports).fingerprint as string, pick(reports).fingerprint as string);
console.log(`mean similarity of random report pairs: ${(simSum / 1000).toFixed(2)} (boilerplate-heavy: real unrelated reports are below 0.2)`);
console.log(`aggregatePeriod:          ${fmt(agg.ms)}`);
console.log(`summarizeLevels (bureau): ${fmt(whole.ms)}`);
console.log(`summarizeLevels (L1 sub): ${fmt(sub.ms)}`);
console.log(`gap: ${JSON.stringify({ ...agg.last.summary, levels: agg.last.summary?.levels.map((l) => `${l.level}:${l.medianTemperature}/${l.attenuation}`) })}`);
console.log(`flags: ${JSON.stringify(flagCounts)}`);
