/**
 * The checks of each recovered VM: powered on, in the test network, and the user's --check-command run once per
 * VM with its name and address in the environment (exit 0 passes). VR recovers nothing, so its VMs have no checks.
 *
 * Calls no endpoint.
 */
import { spawn } from 'node:child_process';
import type { RecoveredVm } from './types';

export interface CheckResult {
  readonly name: string;
  readonly passed: boolean;
  readonly detail: string;
}

/** Runs the user's command for one VM; resolves its outcome, never rejects. */
export type CheckCommandRunner = (command: string, env: NodeJS.ProcessEnv, signal: AbortSignal | undefined) => Promise<{ readonly code: number | null; readonly output: string }>;

export const CHECK_ENV = {
  vm: 'REPLIFORM_DRILL_VM',
  address: 'REPLIFORM_DRILL_VM_ADDRESS',
  network: 'REPLIFORM_DRILL_NETWORK',
  vendor: 'REPLIFORM_DRILL_VENDOR',
} as const;

const OUTPUT_KEPT = 300;

/** `sh -c COMMAND`, killed when the drill is stopped; the last of its output is kept for the report. */
export const shellRunner: CheckCommandRunner = (command, env, signal) =>
  new Promise((resolve) => {
    const child = spawn('sh', ['-c', command], { env, stdio: ['ignore', 'pipe', 'pipe'], signal });
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-OUTPUT_KEPT * 4));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => resolve({ code: null, output: error.message }));
    child.on('close', (code) => resolve({ code, output }));
  });

function lastLine(output: string): string {
  const lines = output.trim().split('\n');
  const last = lines.at(-1) ?? '';
  return last.length > OUTPUT_KEPT ? `…${last.slice(-OUTPUT_KEPT)}` : last;
}

export function builtInChecks(vm: RecoveredVm): CheckResult[] {
  if (vm.poweredOn === null) return [];
  return [
    { name: 'powered on', passed: vm.poweredOn, detail: vm.poweredOn ? 'the recovered VM is powered on' : 'the recovered VM is not powered on' },
    {
      name: 'in the test network',
      passed: vm.inTestNetwork === true,
      detail: vm.inTestNetwork === true ? `connected to ${vm.network ?? '(unnamed)'}` : `not in the test network (network: ${vm.network ?? 'none'})`,
    },
  ];
}

export interface CommandCheckOptions {
  readonly command: string;
  readonly vendor: string;
  readonly env: NodeJS.ProcessEnv;
  readonly signal?: AbortSignal;
  readonly runner?: CheckCommandRunner;
}

export async function commandCheck(vm: RecoveredVm, options: CommandCheckOptions): Promise<CheckResult> {
  const name = 'check command';
  if (vm.address === null) return { name, passed: false, detail: 'not run: the recovered VM has no address in the test network' };
  const env = { ...options.env, [CHECK_ENV.vm]: vm.vm, [CHECK_ENV.address]: vm.address, [CHECK_ENV.network]: vm.network ?? '', [CHECK_ENV.vendor]: options.vendor };
  const { code, output } = await (options.runner ?? shellRunner)(options.command, env, options.signal);
  const tail = lastLine(output);
  const said = tail === '' ? '' : `: ${tail}`;
  if (code === 0) return { name, passed: true, detail: `exit 0${said}` };
  return { name, passed: false, detail: code === null ? `did not finish${said}` : `exit ${code}${said}` };
}
