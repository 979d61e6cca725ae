/**
 * End to end with Terraform and the native provider: Ctrl-C (SIGINT) during a `terraform apply` whose replication
 * is made but whose configure task still runs. The provider stores the replication (a warning, no error, so not
 * tainted); the next apply, with the cache directory wiped as on a fresh CI runner (no ownership records), changes
 * nothing: no `adopt: true` refusal, no second replication, no replacement.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { run, terraform, terraformBinary, type CommandResult } from '../../scripts/deploy-kit';
import { SIM_ENV } from '../helpers/context';
import { providerWorld, writeVrStack } from '../helpers/e2e';

/** Long enough that the configure task is still running when the SIGINT lands, however loaded the machine. */
const world = providerWorld('e2e-interrupted', () => ({ ...SIM_ENV }), { taskDelayMs: 120_000 });

/** `terraform apply`, sent SIGINT once `ready()` holds (checked every 50 ms); its output and exit code. */
function applyInterruptedWhen(ready: () => boolean, stackDir: string, env: NodeJS.ProcessEnv): Promise<CommandResult & { interrupted: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(terraformBinary(), ['apply', '-input=false', '-no-color', '-auto-approve'], { cwd: stackDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let interrupted = false;
    child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    const watch = setInterval(() => {
      if (interrupted || !ready()) return;
      interrupted = true;
      child.kill('SIGINT');
    }, 50);
    child.on('error', (error) => {
      clearInterval(watch);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(watch);
      resolve({ code: code ?? 1, stdout, stderr, interrupted });
    });
  });
}

test('Ctrl-C during the configure task keeps the replication in the state; a fresh machine applies with no change', async () => {
  const { sim, stackDir, env } = world;
  writeVrStack(stackDir, sim.url, [{ vm: 'web-01', rpoMinutes: 15 }]);
  await terraform(stackDir, ['init'], env);

  const applied = await applyInterruptedWhen(() => sim.state.replications.length > 0, stackDir, env);
  expect(applied.interrupted).toBe(true);
  const [replication] = sim.state.replications;
  expect(replication.info.configuration_state).toBe('IN_PROGRESS');
  expect(applied.stdout.replace(/\s*\n\s*/g, ' ')).toContain(
    `Warning: repliform_vr_replication ${replication.info.id}: the create was interrupted after the object was made; it is in the state`,
  );
  const stored = await run(terraformBinary(), ['state', 'show', '-no-color', 'repliform_vr_replication.web-01'], { cwd: stackDir, env });
  expect(stored.code).toBe(0);
  expect(stored.stdout).toMatch(new RegExp(`\\n\\s+id\\s+= "${replication.info.id}"\\n`));
  expect(stored.stdout).not.toContain('tainted');

  rmSync(String(env.REPLIFORM_CACHE_DIR), { recursive: true, force: true });
  const again = await terraform(stackDir, ['apply', '-auto-approve'], env);
  expect(again.stdout).toContain('No changes.');
  expect(sim.state.replications.map((r) => r.info.id)).toEqual([replication.info.id]);
  expect(sim.requests.filter((r) => r.method === 'POST' && r.operationId === 'configureReplication')).toHaveLength(1);
});
