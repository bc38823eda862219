// Head-to-head speed of this checkout's extractor against another checkout's and @node-rs/jieba, in one
// process, in rounds over the same texts whose order rotates (the machine is shared: a burst of foreign
// load then hits all three alike):
//   npx tsx --conditions=source bench/extraction/compare.ts /path/to/other/checkout [rounds=12] [reports=1000]
// Prints each side's median round in wall and in CPU time, this ÷ other (below 1: this one is faster)
// and each extractor's throughput ÷ jieba's, as bench/extraction/run.ts reports it.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import * as mine from '@thermocline/extraction';
import { makeReports } from './reports';

type Extractor = Pick<typeof mine, 'extract' | 'DEFAULT_CATALOGUE'>;

interface Side {
  name: string;
  run: () => void;
  wall: number[];
  cpu: number[];
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const fmt = (x: number) => x.toFixed(3);

async function main(): Promise<void> {
  const other = process.argv[2];
  if (!other) throw new Error('usage: compare.ts OTHER_CHECKOUT [rounds] [reports]');
  const rounds = Number(process.argv[3] ?? 12);
  const theirs = (await import(join(other, 'libs/extraction/src/index.ts'))) as Extractor;
  const reports = makeReports(Number(process.argv[4] ?? 1000));
  const jieba = Jieba.withDict(dict);
  const extractAll = (x: Extractor) => () => {
    for (const r of reports) x.extract(r, { definitions: x.DEFAULT_CATALOGUE });
  };
  const sides: Side[] = [
    { name: 'this', run: extractAll(mine), wall: [], cpu: [] },
    { name: 'other', run: extractAll(theirs), wall: [], cpu: [] },
    { name: 'jieba', run: () => reports.forEach((r) => jieba.cut(r, false)), wall: [], cpu: [] },
  ];
  // warm-up: compile the catalogue, build the character map, let the JITs settle
  for (let i = 0; i < 2; i++) for (const side of sides) side.run();
  for (let k = 0; k < rounds; k++) {
    for (let j = 0; j < sides.length; j++) {
      const side = sides[(k + j) % sides.length]; // who goes first rotates
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      side.run();
      side.wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      side.cpu.push((c.user + c.system) / 1000); // CPU time: less disturbed by other processes
    }
  }
  const [a, b, j] = sides;
  const ratios = (xs: number[], ys: number[]) => xs.map((x, k) => x / ys[k]).sort((p, q) => p - q);
  const line = (label: string, rs: number[]) => `${label} ${fmt(median(rs))} (range ${fmt(rs[0])}–${fmt(rs[rs.length - 1])})`;
  console.log(`${rounds} rotating rounds of ${reports.length} reports; medians of rounds`);
  for (const s of sides) console.log(`${s.name}: ${median(s.wall).toFixed(0)} ms wall, ${median(s.cpu).toFixed(0)} ms CPU per round`);
  console.log(line('this ÷ other, wall:', ratios(a.wall, b.wall)) + '; ' + line('CPU:', ratios(a.cpu, b.cpu)));
  console.log(line('throughput ÷ jieba, this:', ratios(j.wall, a.wall)) + '; ' + line('other:', ratios(j.wall, b.wall)));
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
