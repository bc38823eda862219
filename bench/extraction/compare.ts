// Head-to-head speed of this checkout's extractor against another checkout's, in one process, in
// alternating rounds over the same texts (the machine is shared: a burst of foreign load then hits
// both sides alike):
//   npx tsx --conditions=source bench/extraction/compare.ts /path/to/other/checkout [rounds=12] [reports=1000]
// Prints each side's median round and the ratio this ÷ other (below 1: this one is faster), in wall
// time and in the process's CPU time.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as mine from '@thermocline/extraction';
import { makeReports } from './reports';

type Extractor = Pick<typeof mine, 'extract' | 'DEFAULT_CATALOGUE'>;

async function main(): Promise<void> {
  const other = process.argv[2];
  if (!other) throw new Error('usage: compare.ts OTHER_CHECKOUT [rounds] [reports]');
  const rounds = Number(process.argv[3] ?? 12);
  const theirs = (await import(join(other, 'libs/extraction/src/index.ts'))) as Extractor;
  const reports = makeReports(Number(process.argv[4] ?? 1000));
  // CPU time of the process (user + system), less disturbed by other processes than wall time
  const cpu: [number[], number[]] = [[], []];
  const run = (x: Extractor) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const r of reports) x.extract(r, { definitions: x.DEFAULT_CATALOGUE });
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    cpu[x === mine ? 0 : 1].push((c.user + c.system) / 1000);
    return wall;
  };
  for (let i = 0; i < 2; i++) {
    // warm-up: compile the catalogue, build the character map, let the JIT settle
    run(mine);
    run(theirs);
  }
  cpu[0].length = cpu[1].length = 0;
  const a: number[] = [];
  const b: number[] = [];
  for (let k = 0; k < rounds; k++) {
    // who goes first alternates too
    if (k % 2 === 0) {
      a.push(run(mine));
      b.push(run(theirs));
    } else {
      b.push(run(theirs));
      a.push(run(mine));
    }
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const ratios = a.map((x, k) => x / b[k]).sort((x, y) => x - y);
  console.log(`this: ${median(a).toFixed(0)} ms per round, other: ${median(b).toFixed(0)} ms per round (${rounds} alternating rounds of ${reports.length} reports)`);
  console.log(`this ÷ other: ${median(ratios).toFixed(3)} (median of rounds; range ${ratios[0].toFixed(3)}–${ratios[ratios.length - 1].toFixed(3)})`);
  const cpuRatios = cpu[0].map((x, k) => x / cpu[1][k]).sort((x, y) => x - y);
  console.log(`CPU time: this ${median(cpu[0]).toFixed(0)} ms, other ${median(cpu[1]).toFixed(0)} ms per round; this ÷ other ${median(cpuRatios).toFixed(3)} (range ${cpuRatios[0].toFixed(3)}–${cpuRatios[cpuRatios.length - 1].toFixed(3)})`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
