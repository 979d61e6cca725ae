/**
 * Writes lost in transit in the SDRS fault campaign (found by `npm run chaos -- --vendor sdrs --faults http --size 10`,
 * bench/chaos.md): each case aims one fault at one request of a fleet of 2 with a 100 ms job and asserts one apply
 * and one destroy. Both failed until the pair handler re-read after a lost write (sendCreate/sendDelete in
 * src/resources/sdrs/replication-pair/handler.ts). Invariants only: no timing assertion.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FaultRule } from '../../src/simulator';
import { runChaos, type ChaosOptions } from '../../scripts/chaos/chaos';

let outDir: string;

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'repliform-sdrs-chaos-test-'));
});

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

const SMALL: ChaosOptions = {
  vendor: 'sdrs',
  size: 2,
  taskMs: 100,
  profile: 'forced',
  faults: 'http',
  httpTimeoutMs: 1500,
  sessionExpiryMs: 600_000,
  maxSessionExpirations: 0,
  killProbability: 0,
  maxKills: 0,
  maxApplies: 3,
  maxDestroys: 3,
  seed: 7,
};

async function stepsWith(rule: FaultRule, name: string): Promise<Array<[string, number]>> {
  const result = await runChaos({ ...SMALL, rules: [rule], outFile: join(outDir, `${name}.md`) });
  expect({ duplicates: result.duplicates, missing: result.missing, orphans: result.orphansAfterDestroy }).toEqual({ duplicates: [], missing: [], orphans: 0 });
  return result.steps.map((step) => [step.command, step.exitCode]);
}

test('SDRS: a pair create answered after the CLI\'s timeout (it landed) still converges in one apply', async () => {
  const slowCreate: FaultRule = { id: 'slow', service: 'sdrs', method: 'POST', path: '/v1/*/replications', count: 1, delayMs: 3000 };
  expect(await stepsWith(slowCreate, 'slow-create')).toEqual([
    ['apply #1', 0],
    ['destroy #1', 0],
  ]);
});

test('SDRS: a pair delete whose response is dropped (it landed) still converges in one destroy', async () => {
  const droppedDelete: FaultRule = { id: 'drop', service: 'sdrs', method: 'DELETE', path: '/v1/*/replications/*', count: 1, dropResponse: true };
  expect(await stepsWith(droppedDelete, 'dropped-delete')).toEqual([
    ['apply #1', 0],
    ['destroy #1', 0],
  ]);
});
