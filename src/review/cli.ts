/**
 * `repliform review`: the code-review report of a Terraform plan of replications.
 *
 *   repliform review --plan plan.json [--plan other=plan2.json] [--live] [--format text|markdown|json]
 *   repliform review --synth-dir cdktf.out [--terraform tofu] [--fail-on resync,data-loss,orphan,drift]
 *
 * Exit codes, like `terraform plan -detailed-exitcode`: 0 no changes, 2 changes, 1 error — or a risk
 * named by --fail-on. Loaded lazily by src/cli/main.ts; --live loads the handlers only when asked.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EXIT_CHANGES, EXIT_FAILED, EXIT_OK } from '../cli/exit-codes';
import { changedItems, RISK_CLASSES, type Review, type RiskClass } from './model';
import type { PlanInput } from './review';

export const REVIEW_USAGE = `Usage: repliform review (--plan FILE... | --synth-dir DIR) [options]

Reviews a Terraform plan of repliform replications and pairings: what is created, reconfigured in place,
replaced (a full resync), deleted (replica disks kept or not) or orphaned, and, with --live, what drifted.

  --plan [STACK=]FILE   JSON of a saved plan (terraform show -json tfplan); repeatable, "-" reads stdin
  --synth-dir DIR       plan every stack of a cdktf.out directory with terraform (or tofu) on PATH
  --terraform BIN       the binary --synth-dir runs (default: REPLIFORM_TERRAFORM, terraform, tofu)
  --live                also read the live objects, report drift and the replications on the app's
                        pairings that no construct declares (credentials from the environment)
  --format FORMAT       text (default), markdown or json
  --out FILE            write the report to FILE instead of stdout
  --fail-on RISKS       exit 1 when any of these risks is found: resync,data-loss,orphan,drift
                        (in CI: --live --fail-on drift catches paused or hand-changed replications,
                        which terraform plan cannot see)
  --color / --no-color  colour the text report (default: on a terminal, unless NO_COLOR is set)
  -h, --help            this help

Exit codes: 0 no changes, 2 changes, 1 error or a --fail-on risk.
`;

const FORMATS = ['text', 'markdown', 'json'] as const;
type Format = (typeof FORMATS)[number];

export interface ReviewIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly isTty: boolean;
  readonly readStdin: () => string;
}

const processIo: ReviewIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  env: process.env,
  isTty: process.stdout.isTTY === true,
  readStdin: () => readFileSync(0, 'utf8'),
};

interface Options {
  readonly plans: string[];
  readonly synthDir: string | undefined;
  readonly terraform: string | undefined;
  readonly live: boolean;
  readonly format: Format;
  readonly out: string | undefined;
  readonly failOn: RiskClass[];
  readonly color: boolean;
  readonly help: boolean;
}

class UsageError extends Error {}

function parseOptions(args: readonly string[], io: ReviewIo): Options {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        plan: { type: 'string', multiple: true },
        'synth-dir': { type: 'string' },
        terraform: { type: 'string' },
        live: { type: 'boolean' },
        format: { type: 'string' },
        out: { type: 'string' },
        'fail-on': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got ${JSON.stringify(values.format)}`);
  const failOn = (values['fail-on'] ?? '').split(',').map((risk) => risk.trim()).filter((risk) => risk.length > 0);
  const unknown = failOn.filter((risk) => !(RISK_CLASSES as readonly string[]).includes(risk));
  if (unknown.length > 0) throw new UsageError(`--fail-on accepts ${RISK_CLASSES.join(', ')}; got ${unknown.join(', ')}`);
  const plans = values.plan ?? [];
  const synthDir = values['synth-dir'];
  if (!values.help && (plans.length === 0) === (synthDir === undefined)) throw new UsageError('give either --plan FILE (repeatable) or --synth-dir DIR');
  const autoColor = io.isTty && io.env.NO_COLOR === undefined;
  return {
    plans,
    synthDir,
    terraform: values.terraform,
    live: values.live ?? false,
    format,
    out: values.out,
    failOn: failOn as RiskClass[],
    color: values['no-color'] ? false : (values.color ?? autoColor),
    help: values.help ?? false,
  };
}

/**
 * `web=plans/web.json` → stack `web`. Otherwise a guess that the plan's own owner fields override: the
 * file's name, or for plan.json/tfplan.json its directory's (`cwd` resolves a bare `plan.json`).
 */
export function stackOf(argument: string, cwd = process.cwd()): { stack: string; file: string; guessed?: true } {
  const match = /^([A-Za-z0-9_.-]+)=(.+)$/.exec(argument);
  if (match) return { stack: match[1], file: match[2] };
  if (argument === '-') return { stack: 'stdin', file: '-', guessed: true };
  const name = basename(argument, extname(argument));
  const generic = ['plan', 'tfplan', 'plan.tfplan'].includes(name);
  return { stack: generic ? basename(resolve(cwd, dirname(argument))) || name : name, file: argument, guessed: true };
}

async function loadPlans(options: Options, io: ReviewIo): Promise<PlanInput[]> {
  if (options.synthDir !== undefined) {
    const { planSynthDir } = await import('./synth-plan');
    const plans = await planSynthDir(options.synthDir, { env: io.env, terraform: options.terraform });
    return plans.map((p) => ({ stack: p.stack, plan: p.text, source: p.source, removedWithHook: p.removedWithHook }));
  }
  return options.plans.map((argument) => {
    const { stack, file, guessed } = stackOf(argument);
    const plan = file === '-' ? io.readStdin() : readFileSync(file, 'utf8');
    return { stack, plan, source: file === '-' ? 'stdin' : file, stackFromFileName: guessed === true };
  });
}

async function render(review: Review, options: Options): Promise<string> {
  switch (options.format) {
    case 'json':
      return (await import('./render-json')).renderJson(review);
    case 'markdown':
      return (await import('./render-markdown')).renderMarkdown(review);
    default:
      return (await import('./render-text')).renderText(review, { color: options.color });
  }
}

function exitCode(review: Review, options: Options, io: ReviewIo): number {
  if (review.errors.length > 0) return EXIT_FAILED;
  const found = options.failOn.filter((risk) => review.items.some((item) => item.risks.some((r) => r.class === risk)));
  if (found.length > 0) {
    io.stderr(`repliform review: failing on ${found.join(', ')} (--fail-on ${options.failOn.join(',')})\n`);
    return EXIT_FAILED;
  }
  return changedItems(review).length > 0 ? EXIT_CHANGES : EXIT_OK;
}

/** Runs `repliform review` with its arguments (after the word `review`); resolves to the exit code. */
export async function runReviewCli(args: readonly string[], io: ReviewIo = processIo): Promise<number> {
  let options: Options;
  try {
    options = parseOptions(args, io);
  } catch (error) {
    io.stderr(`repliform review: ${(error as Error).message}\n\n${REVIEW_USAGE}`);
    return EXIT_FAILED;
  }
  if (options.help) {
    io.stdout(REVIEW_USAGE);
    return EXIT_OK;
  }
  try {
    const { reviewPlans, addLive } = await import('./review');
    let review = reviewPlans(await loadPlans(options, io));
    if (options.live) {
      const { createLiveReader } = await import('./drift');
      const reader = await createLiveReader(io.env, (message) => io.stderr(`warning: ${message}\n`));
      try {
        review = await addLive(review, reader);
      } finally {
        await reader.close?.();
      }
    }
    const report = await render(review, options);
    if (options.out !== undefined) writeFileSync(options.out, report);
    else io.stdout(report);
    return exitCode(review, options, io);
  } catch (error) {
    io.stderr(`repliform review: ${(error as Error).message}\n`);
    return EXIT_FAILED;
  }
}
