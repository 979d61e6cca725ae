/**
 * The GitHub Actions example (examples/github-actions/repliform-review.yml), parsed: who it runs for, what
 * it runs on, the exit codes its review step fails on (its shell run with a fake `repliform`), the comment
 * its script writes (run with a fake GitHub API), the pins of its actions, and the plan it triggers on.
 * The review's own plan takes no state lock (planSynthDir with a fake terraform recording its arguments).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runReviewCli } from '../../src/cli/review';
import { loadReviewCatalogue } from '../../src/resources/review-catalogue';
import { renderJson } from '../../src/review/render-json';
import { MAX_COMMENT_CHARS, renderMarkdown } from '../../src/review/render-markdown';
import { renderText } from '../../src/review/render-text';
import { reviewPlans } from '../../src/review/review';
import { planSynthDir } from '../../src/review/synth-plan';
import { planText } from './helpers/fixtures';

const GITHUB_LIMIT = 65_536;

const WORKFLOW_FILE = join(__dirname, '..', '..', 'examples', 'github-actions', 'repliform-review.yml');
const WORKFLOW_TEXT = readFileSync(WORKFLOW_FILE, 'utf8');

interface Step {
  readonly id?: string;
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, string>;
}

interface Job {
  readonly if: string;
  readonly 'runs-on': string;
  readonly steps: Step[];
}

interface Workflow {
  readonly on: { pull_request: { paths: string[] } };
  readonly permissions: Record<string, string>;
  readonly env: Record<string, string>;
  readonly jobs: { review: Job; skipped: Job };
}

const workflow = parse(WORKFLOW_TEXT) as Workflow;
const reviewSteps = workflow.jobs.review.steps;

function step(predicate: (candidate: Step) => boolean, what: string): Step {
  const found = reviewSteps.find(predicate);
  if (!found) throw new Error(`no ${what} step in ${WORKFLOW_FILE}`);
  return found;
}

// ---------------------------------------------------------------- expressions

type Context = Record<string, unknown>;

/** Evaluates the subset of GitHub's expression syntax the guards use: paths, 'strings', ==, !=, &&, ||, !(…). */
function evaluate(expression: string, context: Context): unknown {
  const tokens = expression.match(/'[^']*'|==|!=|&&|\|\||!|\(|\)|[A-Za-z_][\w.-]*/g) ?? [];
  let position = 0;
  const peek = (): string | undefined => tokens[position];
  const take = (): string => tokens[position++] ?? '';
  const primary = (): unknown => {
    const token = take();
    if (token === '!') return !primary();
    if (token === '(') {
      const value = or();
      take();
      return value;
    }
    if (token.startsWith("'")) return token.slice(1, -1);
    return token.split('.').reduce<unknown>((value, key) => (value as Context | undefined)?.[key], context);
  };
  const comparison = (): unknown => {
    const left = primary();
    if (peek() === '==') return take() && left === primary();
    if (peek() === '!=') return take() && left !== primary();
    return left;
  };
  const and = (): unknown => {
    let value = comparison();
    while (peek() === '&&') {
      take();
      const right = comparison();
      value = value && right;
    }
    return value;
  };
  const or = (): unknown => {
    let value = and();
    while (peek() === '||') {
      take();
      const right = and();
      value = value || right;
    }
    return value;
  };
  const result = or();
  if (position !== tokens.length) throw new Error(`cannot evaluate ${expression}`);
  return result;
}

function pullRequest(headRepo: string, author: string): Context {
  return { github: { repository: 'acme/dr', event: { pull_request: { head: { repo: { full_name: headRepo } }, user: { login: author } } } } };
}

describe('who the review runs for', () => {
  const runs = (context: Context) => [Boolean(evaluate(workflow.jobs.review.if, context)), Boolean(evaluate(workflow.jobs.skipped.if, context))];

  test('a branch of the repository is reviewed', () => {
    expect(runs(pullRequest('acme/dr', 'alice'))).toEqual([true, false]);
  });

  test('a fork (read-only token, no secrets) is skipped with a message, not failed on an API error', () => {
    expect(runs(pullRequest('mallory/dr', 'mallory'))).toEqual([false, true]);
  });

  test('Dependabot (no secrets) is skipped with a message, although its branch is in the repository', () => {
    expect(runs(pullRequest('acme/dr', 'dependabot[bot]'))).toEqual([false, true]);
  });

  test('the skip says why', () => {
    expect(workflow.jobs.skipped.steps[0].run).toContain('::notice::$msg');
    expect(workflow.jobs.skipped.steps[0].run).toContain('forks and from Dependabot get a read-only token and no secrets');
  });
});

describe('--live is an opt-in', () => {
  test('by default the job runs on a hosted runner without --live and without the VR credentials', () => {
    const off = { vars: { REPLIFORM_LIVE: '' } };
    expect(workflow.jobs.review['runs-on']).toBe(`\${{ vars.REPLIFORM_LIVE == 'true' && fromJSON('["self-hosted", "dr-network"]') || 'ubuntu-latest' }}`);
    expect(evaluate("vars.REPLIFORM_LIVE == 'true'", off)).toBe(false);
    const review = step((s) => s.id === 'review', 'review');
    for (const value of Object.entries(review.env ?? {}).filter(([name]) => name.startsWith('VR_')).map(([, v]) => v)) {
      expect(value).toMatch(/^\$\{\{ vars\.REPLIFORM_LIVE == 'true' && secrets\.VR_SITE_[AB]_(USER|PASSWORD) \|\| '' \}\}$/);
    }
    expect(workflow.env.REPLIFORM_LIVE).toBe("${{ vars.REPLIFORM_LIVE == 'true' }}");
  });
});

// ---------------------------------------------------------------- the review step's shell

interface StepRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly output: string;
  readonly args: string;
  /** What the step wrote to $GITHUB_STEP_SUMMARY. */
  readonly summary: string;
}

/** Runs the review step's script as GitHub does (bash -e -o pipefail) with a fake `npx repliform` exiting with `code`. */
function runReviewStep(code: number, live: boolean, fullText = 'repliform review: 1 managed object in 1 stack\n'): StepRun {
  const dir = mkdtempSync(join(tmpdir(), 'workflow-step-'));
  try {
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    const end = code === 134 ? 'kill -ABRT $$' : code === 137 ? 'kill -KILL $$' : `exit ${code}`;
    writeFileSync(
      join(bin, 'npx'),
      ['#!/bin/bash', 'echo "$*" > args.txt', `if [ ${code} -le 2 ]; then echo '### repliform review' > review.md; cp full.txt review.txt; fi`, `echo 'repliform review: boom ${code}' >&2`, end, ''].join('\n'),
    );
    chmodSync(join(bin, 'npx'), 0o755);
    const script = join(dir, 'step.sh');
    writeFileSync(script, step((s) => s.id === 'review', 'review').run ?? '');
    const output = join(dir, 'github-output');
    writeFileSync(output, '');
    const summary = join(dir, 'step-summary');
    writeFileSync(summary, '');
    writeFileSync(join(dir, 'full.txt'), fullText);
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd: dir,
      env: { PATH: `${bin}:${process.env.PATH ?? ''}`, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, REPLIFORM_LIVE: String(live), REPLIFORM_FAIL_ON: 'resync,data-loss,orphan,drift' },
      encoding: 'utf8',
    });
    const args = existsSync(join(dir, 'args.txt')) ? readFileSync(join(dir, 'args.txt'), 'utf8').trim() : '';
    return { status: result.status, stdout: result.stdout, output: readFileSync(output, 'utf8'), args, summary: readFileSync(summary, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the review step fails on anything but 0 (no changes) and 2 (changes)', () => {
  test.each([
    [0, 0, ''],
    [2, 0, ''],
    [1, 1, '::error::repliform review failed (a --fail-on risk or an error): repliform review: boom 1'],
    [134, 1, '::error::repliform review crashed (exit 134): repliform review: boom 134'],
    [137, 1, '::error::repliform review crashed (exit 137): repliform review: boom 137'],
  ])('repliform exits %i → the step exits %i', (code, status, annotation) => {
    const result = runReviewStep(code, false);
    expect(result.status).toBe(status);
    expect(result.output).toBe(`exit_code=${code}\n`);
    expect(result.stdout.trim()).toBe(annotation);
  });

  test('the review runs with the fail-on gate, and --live only when opted in', () => {
    expect(runReviewStep(0, false).args).toBe(
      '--no-install repliform review --synth-dir cdktf.out --format markdown --out review.md --also text=review.txt --also json=review.json --fail-on resync,data-loss,orphan,drift',
    );
    expect(runReviewStep(0, true).args).toBe(
      '--no-install repliform review --synth-dir cdktf.out --format markdown --out review.md --also text=review.txt --also json=review.json --fail-on resync,data-loss,orphan,drift --live',
    );
  });
});

describe('the full report: job summary and artifact', () => {
  test('the whole text report goes to the job summary, fenced (a ``` in it cannot close the fence), on success and on a --fail-on failure', () => {
    const text = 'repliform review: 2 managed objects\n  -/+ db```01 → vc-b\n';
    for (const code of [2, 1]) {
      expect(runReviewStep(code, false, text).summary).toBe(`### repliform review: the full report\n\n\`\`\`text\nrepliform review: 2 managed objects\n  -/+ db'''01 → vc-b\n\n\`\`\`\n`);
    }
    expect(runReviewStep(137, false, text).summary).toBe('');
  });

  test('a text report over 900 kB is cut in the summary (GitHub takes 1 MiB), saying where the whole one is', () => {
    const summary = runReviewStep(2, false, `${'x'.repeat(99)}\n`.repeat(10_000)).summary;
    expect(summary.length).toBeLessThan(1024 * 1024);
    expect(summary.length).toBeGreaterThan(900_000);
    expect(summary.endsWith('```\nCut at 900 kB: the artifact `repliform-review` holds the whole report.\n')).toBe(true);
  });

  test('the text, JSON, Markdown and error output are kept as the artifact repliform-review, after a failure too', () => {
    const upload = step((s) => (s.uses ?? '').startsWith('actions/upload-artifact@'), 'upload-artifact');
    expect(upload.if).toBe('${{ !cancelled() }}');
    expect(upload.with).toEqual({ name: 'repliform-review', path: 'review.txt\nreview.json\nreview.md\nreview.err\n', 'if-no-files-found': 'ignore' });
    expect(reviewSteps.indexOf(upload)).toBeGreaterThan(reviewSteps.indexOf(step((s) => s.id === 'review', 'review')));
  });

  test('--also writes the other formats of the same review: what the workflow publishes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'workflow-also-'));
    try {
      const plan = join(dir, 'plan.json');
      writeFileSync(plan, planText('datastore-change'));
      const out: string[] = [];
      const io = { stdout: (text: string) => void out.push(text), stderr: (text: string) => void out.push(text), env: {}, isTty: true, readStdin: () => '' };
      const file = (name: string): string => join(dir, name);
      const code = await runReviewCli(['--plan', `review=${plan}`, '--format', 'markdown', '--out', file('review.md'), '--also', `text=${file('review.txt')}`, '--also', `json=${file('review.json')}`], io);
      expect({ code, out }).toEqual({ code: 2, out: [] });
      const review = reviewPlans([{ stack: 'review', plan: planText('datastore-change'), source: plan }], await loadReviewCatalogue());
      expect(readFileSync(file('review.md'), 'utf8')).toBe(renderMarkdown(review));
      expect(readFileSync(file('review.txt'), 'utf8')).toBe(renderText(review, { color: false }));
      expect(readFileSync(file('review.json'), 'utf8')).toBe(renderJson(review));
      const bad: string[] = [];
      expect(await runReviewCli(['--plan', plan, '--also', 'html=x.html'], { ...io, stderr: (text: string) => void bad.push(text) })).toBe(1);
      expect(bad.join('')).toMatch(/^repliform review: --also takes FORMAT=FILE with FORMAT one of text, markdown, json, got "html=x.html"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('synthesis', () => {
  test('the app is synthesized with its own command, as the README sets it up (no cdktf-cli)', () => {
    const synth = step((s) => s.name === 'Synthesize', 'Synthesize');
    expect(synth.run).toBe('npx --no-install ts-node main.ts');
    expect(WORKFLOW_TEXT).not.toMatch(/^\s+run: .*cdktf synth/m);
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Use it in your own app'));
    const setup = section.slice(section.indexOf('```sh'), section.indexOf('```\n', section.indexOf('```sh') + 5));
    expect(setup).toContain('npm install --save-dev typescript@5.9 ts-node @types/node@20');
    expect(setup).not.toContain('cdktf-cli');
    expect(reviewSteps.indexOf(synth)).toBeGreaterThan(reviewSteps.findIndex((s) => s.run === 'npm ci'));
  });
});

// ---------------------------------------------------------------- the comment script

interface Comment {
  id: number;
  body: string;
  user: { login: string };
}

interface CommentRun {
  readonly comments: Comment[];
  readonly created: string[];
}

const SHA = '1111111111111111111111111111111111111111';
const OLD_SHA = '0000000000000000000000000000000000000000';
const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;

/** Runs the comment step's script against an in-memory pull request, with the files the review step left. */
async function runCommentScript(files: Record<string, string>, exitCode: string, existing: Comment[]): Promise<CommentRun> {
  const comments = existing.map((comment) => ({ ...comment }));
  const created: string[] = [];
  const listComments = (): undefined => undefined;
  const github = {
    paginate: async (method: unknown) => (method === listComments ? comments.map((comment) => ({ ...comment })) : []),
    rest: {
      issues: {
        listComments,
        updateComment: async ({ comment_id, body }: { comment_id: number; body: string }) => {
          const target = comments.find((comment) => comment.id === comment_id);
          if (target) target.body = body;
        },
        createComment: async ({ body }: { body: string }) => void created.push(body),
      },
    },
  };
  const context = { repo: { owner: 'acme', repo: 'dr' }, payload: { pull_request: { number: 7, head: { sha: SHA } } }, serverUrl: 'https://github.example', runId: 42 };
  const fs = { existsSync: (file: string) => file in files, readFileSync: (file: string) => files[file] };
  const fakeRequire = (name: string) => (name === 'node:fs' ? fs : undefined);
  const fakeProcess = { env: { REVIEW_EXIT_CODE: exitCode } };
  const script = String(step((s) => (s.uses ?? '').startsWith('actions/github-script@'), 'comment').with?.script);
  await new AsyncFunction('github', 'context', 'require', 'process', script)(github, context, fakeRequire, fakeProcess);
  return { comments, created };
}

const OLD_REPORT_BODY = [
  '<!-- repliform-review -->',
  `<!-- commit: ${OLD_SHA} -->`,
  `✅ Reviewed commit ${OLD_SHA}.`,
  '',
  '<!-- repliform-report -->',
  '### repliform review\n\nRisks: none',
  '<!-- /repliform-report -->',
].join('\n');

describe('the pull-request comment', () => {
  const botComment: Comment = { id: 1, body: OLD_REPORT_BODY, user: { login: 'github-actions[bot]' } };
  const impostor: Comment = { id: 2, body: '<!-- repliform-review -->\nlooks official', user: { login: 'mallory' } };

  test('a review updates the bot’s own comment, stamped with the commit it describes; a look-alike by someone else is left alone', async () => {
    const run = await runCommentScript({ 'review.md': '### repliform review\n\nRisks: 1 full resync', 'review.err': '' }, '2', [impostor, botComment]);
    expect(run.created).toEqual([]);
    expect(run.comments.find((c) => c.id === 2)?.body).toBe(impostor.body);
    expect(run.comments.find((c) => c.id === 1)?.body).toBe(
      [
        '<!-- repliform-review -->',
        `<!-- commit: ${SHA} -->`,
        `✅ Reviewed commit ${SHA} ([run](https://github.example/acme/dr/actions/runs/42), the full report in its job summary).`,
        '',
        '<!-- repliform-report -->',
        '### repliform review\n\nRisks: 1 full resync',
        '<!-- /repliform-report -->',
      ].join('\n'),
    );
  });

  test('a crash marks the previous report outdated and puts the error text in the comment', async () => {
    const run = await runCommentScript({ 'review.err': 'Error: terraform plan failed\nFATAL: out of memory' }, '134', [botComment]);
    const body = run.comments[0].body;
    expect(body.split('\n').slice(0, 4)).toEqual([
      '<!-- repliform-review -->',
      `<!-- commit: ${OLD_SHA} -->`,
      '> [!WARNING]',
      `> **The review of commit ${SHA} failed** (repliform review exited with 134; [run](https://github.example/acme/dr/actions/runs/42)). The report below describes commit ${OLD_SHA} and is **OUTDATED**.`,
    ]);
    expect(body).toContain('```text\nError: terraform plan failed\nFATAL: out of memory\n```');
    expect(body).toContain('<details><summary>Outdated report</summary>\n\n<!-- repliform-report -->\n### repliform review\n\nRisks: none\n<!-- /repliform-report -->\n\n</details>');
  });

  test('a second failure keeps the last good report once, still outdated', async () => {
    const first = await runCommentScript({}, '', [botComment]);
    const second = await runCommentScript({ 'review.err': 'boom' }, '137', first.comments);
    const body = second.comments[0].body;
    expect(body.match(/<!-- repliform-report -->/g)).toHaveLength(1);
    expect(body).toContain(`The report below describes commit ${OLD_SHA} and is **OUTDATED**.`);
    expect(first.comments[0].body).toContain('(the job failed before the review ran;');
  });

  test('a --fail-on risk posts the report with the reason, and a first failure creates a comment', async () => {
    const risky = await runCommentScript({ 'review.md': '### repliform review', 'review.err': 'repliform review: failing on orphan (--fail-on orphan)' }, '1', []);
    expect(risky.created[0]).toContain(`❌ The check failed: commit ${SHA}`);
    expect(risky.created[0]).toContain('```text\nrepliform review: failing on orphan (--fail-on orphan)\n```');
    const crashed = await runCommentScript({ 'review.err': 'Killed' }, '137', []);
    expect(crashed.created[0]).toContain('There is no report.');
  });

  test('a failing run stays under 65,536 characters: a full-size report with a long error, or an outdated one', async () => {
    const report = `### repliform review\n\n${'- a risky item\n'.repeat(4_000)}`.slice(0, MAX_COMMENT_CHARS);
    const longError = Array.from({ length: 40 }, (_, i) => `error ${i}: ${'e'.repeat(1_000)}`).join('\n');
    const failed = await runCommentScript({ 'review.md': report, 'review.err': longError }, '1', []);
    expect(failed.created[0].length).toBeLessThanOrEqual(GITHUB_LIMIT);
    expect(failed.created[0]).toContain(report.trim());
    const risks = `#### ⚠️ Risks\n\n${'- a risky item\n'.repeat(100)}`;
    const old = [OLD_REPORT_BODY.split('<!-- repliform-report -->')[0], '<!-- repliform-report -->', risks, '```mermaid', 'graph LR', '  a --> b\n'.repeat(7_000), '```', '<!-- /repliform-report -->'].join('\n');
    const crashed = await runCommentScript({ 'review.err': longError }, '134', [{ id: 1, body: old, user: { login: 'github-actions[bot]' } }]);
    const body = crashed.comments[0].body;
    expect(body.length).toBeLessThanOrEqual(GITHUB_LIMIT);
    expect(body).toContain(`<details><summary>Outdated report</summary>\n\n<!-- repliform-report -->\n${risks}`);
    expect(body.endsWith(`${risks.trimEnd()}\n<!-- /repliform-report -->\n\n</details>\n\n…cut here to fit a GitHub comment: the full report is in the job summary of the run that wrote it.`)).toBe(true);
    expect((body.match(/```/g) ?? []).length % 2).toBe(0);
  });
});

// ---------------------------------------------------------------- pins, versions, triggers

describe('supply chain and versions', () => {
  test('every action is pinned to a 40-hex commit with the release in a comment', () => {
    const usesLines = WORKFLOW_TEXT.split('\n').filter((line) => /^\s*-?\s*uses:/.test(line));
    expect(usesLines.length).toBe(reviewSteps.filter((s) => s.uses !== undefined).length);
    expect(usesLines.length).toBe(5);
    for (const line of usesLines) expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+(\.\d+)*$/);
    expect(usesLines.map((line) => /uses: ([\w.-]+\/[\w.-]+)@[0-9a-f]{40} # (v\d+)/.exec(line)?.slice(1).join(' '))).toEqual([
      'actions/checkout v5',
      'actions/setup-node v6',
      'hashicorp/setup-terraform v4',
      'actions/upload-artifact v7',
      'actions/github-script v8',
    ]);
  });

  test('Node is a maintained LTS (20 reached its end of life on 2026-04-30)', () => {
    const node = step((s) => (s.uses ?? '').startsWith('actions/setup-node@'), 'setup-node');
    expect([22, 24]).toContain(node.with?.['node-version']);
  });

  test('the token can read the code and write the comment, nothing more; checkout keeps no credentials', () => {
    expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(step((s) => (s.uses ?? '').startsWith('actions/checkout@'), 'checkout').with).toEqual({ 'persist-credentials': false });
  });

  test('every file that changes the plan triggers a review', () => {
    const paths = workflow.on.pull_request.paths;
    for (const pattern of ['**.ts', '**.js', '**.tf', '**.tf.json', '**/.terraform.lock.hcl', '**/cdktf.json', '**/package.json', '**/package-lock.json']) {
      expect(paths).toContain(pattern);
    }
  });

  test('the comment is posted after a failure too, but not when the run was cancelled', () => {
    expect(step((s) => (s.uses ?? '').startsWith('actions/github-script@'), 'comment').if).toBe('${{ !cancelled() }}');
  });
});

describe('the review plans without the state lock', () => {
  test('the provider is installed from node_modules after npm ci and before the review plans', () => {
    const names = reviewSteps.map((s) => s.run ?? s.uses ?? '');
    const install = names.indexOf('npx --no-install repliform provider install');
    expect(install).toBeGreaterThan(names.indexOf('npm ci'));
    expect(install).toBeLessThan(reviewSteps.indexOf(step((s) => s.id === 'review', 'review')));
  });

  test('planSynthDir passes -lock=false to terraform plan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'workflow-lock-'));
    try {
      mkdirSync(join(dir, 'stacks', 'dr'), { recursive: true });
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ stacks: { dr: { workingDirectory: 'stacks/dr' } } }));
      const fake = join(dir, 'terraform');
      writeFileSync(fake, `#!/bin/sh\necho "$*" >> "${join(dir, 'calls.txt')}"\nif [ "$1" = show ]; then echo '{"format_version":"1.2"}'; fi\n`);
      chmodSync(fake, 0o755);
      await planSynthDir(dir, { env: { PATH: process.env.PATH }, terraform: fake });
      const plan = readFileSync(join(dir, 'calls.txt'), 'utf8').split('\n').find((line) => line.startsWith('plan '));
      expect(plan).toMatch(/^plan -input=false -no-color -lock=false -out=\S+\.tfplan$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
