/**
 * `npm run chaos [-- --vendor vr --backing lifecycle --faults both|all|http --size 100 --task-ms 1000 --profile random --http-timeout-ms 2000
 *   --session-expiry-ms 60000 --kill-probability 0.05 --max-kills 10 --max-applies 8 --max-destroys 4 --seed 42
 *   --out bench/chaos.md --keep]` (or CHAOS_FAULTS, CHAOS_SIZE, CHAOS_TASK_MS, CHAOS_PROFILE, …).
 * `--faults both` (the default) runs the campaign with every fault, then with HTTP faults only, and writes both
 * reports into one file. Exits 1 when an invariant fails.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { backingList, option, positiveNumber } from '../bench/harness';
import { ensureBuilt } from '../bench/bench';
import { defaultChaosFile, renderCampaigns, runChaos, type ChaosOptions, type ChaosResult, type FaultProfile, type FaultSet } from './chaos';

const USAGE =
  'usage: npm run chaos -- [--vendor vr] [--backing lifecycle|provider|provider,lifecycle] [--faults both|all|http] [--size 100] [--task-ms 1000] [--profile random|forced] [--http-timeout-ms 2000] [--session-expiry-ms 60000] [--kill-probability 0.05] [--max-kills 10] [--max-applies 8] [--max-destroys 4] [--seed 42] [--out bench/chaos.md] [--keep]\n';

function faultSets(text: string): FaultSet[] {
  if (text === 'both') return ['all', 'http'];
  if (text === 'all' || text === 'http') return [text];
  throw new Error(`--faults must be both, all or http, got ${JSON.stringify(text)}`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help')) {
    process.stdout.write(USAGE);
    return;
  }
  ensureBuilt();
  const sets = faultSets(option(argv, 'faults', 'CHAOS_FAULTS', 'both'));
  const profile = option(argv, 'profile', 'CHAOS_PROFILE', 'random');
  if (profile !== 'random' && profile !== 'forced') throw new Error(`--profile must be random or forced, got ${JSON.stringify(profile)}`);
  const number = (name: string, env: string, fallback: string) => positiveNumber(option(argv, name, env, fallback), `--${name}`);
  const common: Omit<ChaosOptions, 'faults'> = {
    vendor: option(argv, 'vendor', 'CHAOS_VENDOR', 'vr'),
    size: number('size', 'CHAOS_SIZE', '100'),
    taskMs: number('task-ms', 'CHAOS_TASK_MS', '1000'),
    profile: profile as FaultProfile,
    httpTimeoutMs: number('http-timeout-ms', 'CHAOS_HTTP_TIMEOUT_MS', '2000'),
    sessionExpiryMs: number('session-expiry-ms', 'CHAOS_SESSION_EXPIRY_MS', '60000'),
    killProbability: number('kill-probability', 'CHAOS_KILL_PROBABILITY', '0.05'),
    maxKills: number('max-kills', 'CHAOS_MAX_KILLS', '10'),
    maxApplies: number('max-applies', 'CHAOS_MAX_APPLIES', '8'),
    maxDestroys: number('max-destroys', 'CHAOS_MAX_DESTROYS', '4'),
    seed: number('seed', 'CHAOS_SEED', '42'),
    keepWorkDir: argv.includes('--keep'),
    log: (line) => process.stderr.write(`${line}\n`),
  };
  const backings = backingList(option(argv, 'backing', 'CHAOS_BACKING', 'lifecycle'));
  const results: ChaosResult[] = [];
  for (const backing of backings) {
    for (const faults of sets) {
      process.stderr.write(`[chaos] fault set ${faults}, ${backing} backing\n`);
      results.push(await runChaos({ ...common, faults, backing }));
    }
  }
  const markdown = results.length === 1 ? results[0].markdown : renderCampaigns(results);
  const outFile = resolve(option(argv, 'out', 'CHAOS_OUT', defaultChaosFile()));
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, markdown);
  process.stdout.write(markdown);
  if (!results.every((result) => result.ok)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`chaos failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
