/**
 * `repliform review`: the code-review report of a Terraform plan of replications.
 *
 *   repliform review --plan plan.json [--plan other=plan2.json] [--live] [--format text|markdown|json]
 *   repliform review --synth-dir cdktf.out [--terraform tofu] [--fail-on resync,data-loss,unprotect,orphan,drift,blocked,destroy]
 *
 * Exit codes, like `terraform plan -detailed-exitcode`: 0 no changes, 2 changes (of any resource), 1 error — or a risk
 * named by --fail-on. Loaded lazily by src/cli/main.ts. It loads every kind of the registry once (the review
 * catalogue, handlers included); --live alone builds clients and calls the handlers' reads.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { EXIT_CHANGES, EXIT_FAILED, EXIT_OK } from './exit-codes';
import { reviewCommand, type ReviewCommandValues } from './review-command';
import { parseCommand, usageError } from './usage';
import { reviewRiskCounts, RISK_CLASSES, type Review, type RiskClass } from '../review/model';
import type { PlanInput } from '../review/review';

const FORMATS = ['text', 'markdown', 'json'] as const;
type Format = (typeof FORMATS)[number];

function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

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
  /** More reports of the same review: each format and the file it goes to. */
  readonly also: ReadonlyArray<readonly [Format, string]>;
  readonly failOn: RiskClass[];
  readonly color: boolean;
}

/** Checks what commander parsed against the sets it must come from; a problem is a usage error (exit 1). */
function checkOptions(values: ReviewCommandValues, command: Command, io: ReviewIo): Options {
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) usageError(command, `--format must be one of ${FORMATS.join(', ')}, got ${JSON.stringify(values.format)}`);
  const failOn = (values.failOn ?? '').split(',').map((risk) => risk.trim()).filter((risk) => risk.length > 0);
  const unknown = failOn.filter((risk) => !(RISK_CLASSES as readonly string[]).includes(risk));
  if (unknown.length > 0) usageError(command, `--fail-on accepts ${RISK_CLASSES.join(', ')}; got ${unknown.join(', ')}`);
  const plans = values.plan ?? [];
  const synthDir = values.synthDir;
  if ((plans.length === 0) === (synthDir === undefined)) usageError(command, 'give either --plan FILE (repeatable) or --synth-dir DIR');
  const also = (values.also ?? []).map((argument): readonly [Format, string] => {
    const match = /^([a-z]+)=(.+)$/.exec(argument);
    const [, alsoFormat = '', file = ''] = match ?? [];
    if (!isFormat(alsoFormat)) usageError(command, `--also takes FORMAT=FILE with FORMAT one of ${FORMATS.join(', ')}, got ${JSON.stringify(argument)}`);
    return [alsoFormat, file];
  });
  const autoColor = io.isTty && io.env.NO_COLOR === undefined;
  return {
    plans,
    synthDir,
    terraform: values.terraform,
    live: values.live ?? false,
    format,
    out: values.out,
    also,
    failOn: failOn as RiskClass[],
    color: values.color ?? autoColor,
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
    const { planSynthDir } = await import('../review/synth-plan');
    // Only a --live review is given credentials (and reads live state through the provider's refresh).
    const plans = await planSynthDir(options.synthDir, { env: io.env, terraform: options.terraform, refresh: options.live });
    return plans.map((p) => ({ stack: p.stack, plan: p.text, source: p.source, removedWithHook: p.removedWithHook }));
  }
  return options.plans.map((argument) => {
    const { stack, file, guessed } = stackOf(argument);
    const plan = file === '-' ? io.readStdin() : readFileSync(file, 'utf8');
    return { stack, plan, source: file === '-' ? 'stdin' : file, stackFromFileName: guessed === true };
  });
}

async function render(review: Review, options: Options, format: Format = options.format): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('../review/render-json')).renderJson(review);
    case 'markdown':
      return (await import('../review/render-markdown')).renderMarkdown(review);
    default:
      return (await import('../review/render-text')).renderText(review, { color: options.color });
  }
}

function exitCode(review: Review, options: Options, io: ReviewIo): number {
  if (review.errors.length > 0) return EXIT_FAILED;
  const counts = reviewRiskCounts(review);
  const found = options.failOn.filter((risk) => counts[risk] > 0);
  if (found.length > 0) {
    io.stderr(`repliform review: failing on ${found.join(', ')} (--fail-on ${options.failOn.join(',')})\n`);
    return EXIT_FAILED;
  }
  // Like `terraform plan -detailed-exitcode`, every change of the plan counts, repliform's or not.
  return review.changes ? EXIT_CHANGES : EXIT_OK;
}

/** Runs `repliform review` with its arguments (after the word `review`); resolves to the exit code. */
export async function runReviewCli(args: readonly string[], io: ReviewIo = processIo): Promise<number> {
  let code: number = EXIT_OK;
  const command = reviewCommand(async (values, parsed) => {
    code = await runReviewCommand(values, parsed, io);
  }, io);
  return (await parseCommand(command, args)) ?? code;
}

/**
 * The action of `repliform review` once commander has parsed the options: a value outside its set is a usage
 * error (thrown by commander, exit 1); otherwise resolves to 0 no changes, 2 changes, 1 error or a --fail-on risk.
 */
export async function runReviewCommand(values: ReviewCommandValues, command: Command, io: ReviewIo = processIo): Promise<number> {
  const options = checkOptions(values, command, io);
  try {
    const [{ reviewPlans, addLive }, { loadReviewCatalogue }] = await Promise.all([import('../review/review'), import('../resources/review-catalogue')]);
    const catalogue = await loadReviewCatalogue();
    let review = reviewPlans(await loadPlans(options, io), catalogue);
    if (options.live) {
      const { createLiveReader } = await import('../review/drift');
      const reader = await createLiveReader(io.env, (message) => io.stderr(`warning: ${message}\n`), catalogue);
      try {
        review = await addLive(review, reader, catalogue);
      } finally {
        await reader.close?.();
      }
    }
    const report = await render(review, options);
    if (options.out !== undefined) writeFileSync(options.out, report);
    else io.stdout(report);
    // A file, never colour: --color is for a terminal.
    for (const [format, file] of options.also) writeFileSync(file, await render(review, { ...options, color: false }, format));
    return exitCode(review, options, io);
  } catch (error) {
    io.stderr(`repliform review: ${(error as Error).message}\n`);
    return EXIT_FAILED;
  }
}
