/**
 * `npm run bench [-- --vendor vr --backing provider,lifecycle --sizes 10,100,500 --task-ms 2000 --baseline-max 10 --synth-size 1000 --review-resources 2000 --parallelism 10 --out bench/results.md --keep]`
 * (or BENCH_VENDOR, BENCH_BACKING, BENCH_SIZES, BENCH_TASK_MS, BENCH_BASELINE_MAX, BENCH_SYNTH_SIZE, BENCH_REVIEW_RESOURCES, BENCH_OUT).
 */
import { resolve } from 'node:path';
import { backingList, option, numberList, positiveNumber } from './harness';
import { defaultBenchFile, ensureBuilt, runBench } from './bench';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help')) {
    process.stdout.write('usage: npm run bench -- [--vendor vr] [--backing provider,lifecycle] [--sizes 10,100,500] [--task-ms 2000] [--baseline-max 10] [--synth-size 1000] [--review-resources 2000] [--parallelism 10] [--out bench/results.md] [--keep]\n');
    return;
  }
  ensureBuilt();
  const result = await runBench({
    vendor: option(argv, 'vendor', 'BENCH_VENDOR', 'vr'),
    backings: backingList(option(argv, 'backing', 'BENCH_BACKING', 'provider,lifecycle')),
    sizes: numberList(option(argv, 'sizes', 'BENCH_SIZES', '10,100,500'), '--sizes'),
    taskMs: positiveNumber(option(argv, 'task-ms', 'BENCH_TASK_MS', '2000'), '--task-ms'),
    baselineMax: positiveNumber(option(argv, 'baseline-max', 'BENCH_BASELINE_MAX', '10'), '--baseline-max'),
    synthSize: positiveNumber(option(argv, 'synth-size', 'BENCH_SYNTH_SIZE', '1000'), '--synth-size'),
    reviewResources: positiveNumber(option(argv, 'review-resources', 'BENCH_REVIEW_RESOURCES', '2000'), '--review-resources'),
    parallelism: positiveNumber(option(argv, 'parallelism', 'BENCH_PARALLELISM', '10'), '--parallelism'),
    outFile: resolve(option(argv, 'out', 'BENCH_OUT', defaultBenchFile())),
    keepWorkDirs: argv.includes('--keep'),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(result.markdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
