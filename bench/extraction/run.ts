// Extraction benchmark (figures, no pass/fail):
//   npx tsx --conditions=source bench/extraction/run.ts [reports=1000]
// 1,000 reports of 1,000–6,000 characters, made by cutting and recombining the shared corpus and the
// test fixtures (numbers varied so no two reports are equal), are extracted one by one; then the same
// texts are segmented with @node-rs/jieba `cut`. Prints reports/s, MB/s, p50/p99 per report, the
// extractor ÷ jieba throughput ratio and the time of a single 6,000-character report.
import { performance } from 'node:perf_hooks';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { extract, DEFAULT_CATALOGUE } from '@thermocline/extraction';
import { makeReports } from './reports';

const count = Number(process.argv[2] ?? 1000);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function main(): void {
  const reports = makeReports(count);
  const chars = reports.reduce((a, r) => a + r.length, 0);
  const bytes = reports.reduce((a, r) => a + Buffer.byteLength(r, 'utf8'), 0);
  const jieba = Jieba.withDict(dict);
  // warm-up: compile the catalogue, build the character map, let both JITs settle
  for (let i = 0; i < 500; i++) {
    extract(reports[i % reports.length], { definitions: DEFAULT_CATALOGUE });
    jieba.cut(reports[i % reports.length], false);
  }

  // Alternate rounds of both (the machine may be shared): the ratio is taken round by round and
  // the median round is reported, so a burst of foreign load does not favour either side.
  const ROUNDS = 5;
  const times: number[] = [];
  const extractRounds: number[] = [];
  const jiebaRounds: number[] = [];
  let mentions = 0;
  let words = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const t0 = performance.now();
    for (const r of reports) {
      const a = performance.now();
      const found = extract(r, { definitions: DEFAULT_CATALOGUE }).metrics.length;
      times.push(performance.now() - a);
      if (round === 0) mentions += found;
    }
    extractRounds.push(performance.now() - t0);
    const j0 = performance.now();
    for (const r of reports) {
      const cut = jieba.cut(r, false).length;
      if (round === 0) words += cut;
    }
    jiebaRounds.push(performance.now() - j0);
  }
  const ratios = extractRounds.map((e, k) => jiebaRounds[k] / e).sort((a, b) => a - b);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const extractMs = median(extractRounds);
  const jiebaMs = median(jiebaRounds);

  const six = reports.filter((r) => r.length >= 5800);
  const sixTimes: number[] = [];
  for (let k = 0; k < 5; k++) for (const r of six) {
    const a = performance.now();
    extract(r, { definitions: DEFAULT_CATALOGUE });
    sixTimes.push(performance.now() - a);
  }
  times.sort((a, b) => a - b);
  sixTimes.sort((a, b) => a - b);
  const fmt = (x: number, d = 1) => x.toFixed(d);
  console.log(`reports: ${reports.length}, ${chars} characters (${fmt(bytes / 1e6, 2)} MB UTF-8), mean ${Math.round(chars / reports.length)} chars`);
  console.log(`rounds: ${ROUNDS} alternating; figures are the median round`);
  console.log(`extract: ${fmt(extractMs, 0)} ms per round, ${fmt((reports.length / extractMs) * 1000, 0)} reports/s, ${fmt(bytes / 1e6 / (extractMs / 1000), 2)} MB/s, ${fmt((chars / extractMs) / 1000, 2)} M chars/s`);
  console.log(`extract per report: p50 ${fmt(percentile(times, 50), 3)} ms, p99 ${fmt(percentile(times, 99), 3)} ms, max ${fmt(times[times.length - 1], 3)} ms (${mentions} metrics per round; over all ${times.length} extractions)`);
  console.log(`6,000-character reports (${six.length} × 5): p50 ${fmt(percentile(sixTimes, 50), 3)} ms, p99 ${fmt(percentile(sixTimes, 99), 3)} ms`);
  console.log(`jieba cut: ${fmt(jiebaMs, 0)} ms per round, ${fmt((reports.length / jiebaMs) * 1000, 0)} reports/s, ${fmt(bytes / 1e6 / (jiebaMs / 1000), 2)} MB/s (${words} words)`);
  console.log(`extractor throughput ÷ jieba throughput: ${fmt(median(ratios), 2)} (median of rounds; range ${fmt(ratios[0], 2)}–${fmt(ratios[ratios.length - 1], 2)})`);
}

main();
