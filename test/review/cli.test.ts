/** `repliform review` as a command: formats, exit codes like `terraform plan -detailed-exitcode`, --fail-on. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runReviewCli, stackOf, type ReviewIo } from '../../src/cli/review';
import { loadReviewCatalogue } from '../../src/resources/review-catalogue';
import type { ReviewCatalogue } from '../../src/resources/review-profile';
import { renderMarkdown } from '../../src/review/render-markdown';
import { planPath, planText, reviewOf } from './helpers/fixtures';

let catalogue: ReviewCatalogue;
beforeAll(async () => {
  catalogue = await loadReviewCatalogue();
});

interface Captured extends ReviewIo {
  readonly out: string[];
  readonly err: string[];
}

function io(stdin = '', isTty = false): Captured {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {}, isTty, readStdin: () => stdin };
}

test('exit 0 when nothing changes, 2 when something does', async () => {
  expect(await runReviewCli(['--plan', planPath('no-change')], io())).toBe(0);
  expect(await runReviewCli(['--plan', planPath('rpo-change')], io())).toBe(2);
});

test('--fail-on exits 1 on a chosen risk only, and says which', async () => {
  const orphan = io();
  expect(await runReviewCli(['--plan', planPath('removal'), '--fail-on', 'resync,orphan'], orphan)).toBe(1);
  expect(orphan.err.join('')).toBe('repliform review: failing on orphan (--fail-on resync,orphan)\n');
  expect(await runReviewCli(['--plan', planPath('rpo-change'), '--fail-on', 'resync,data-loss,orphan'], io())).toBe(2);
  expect(await runReviewCli(['--plan', planPath('datastore-change'), '--fail-on', 'resync'], io())).toBe(1);
});

test('usage errors and unreadable plans exit 1 with a message', async () => {
  const bad = io();
  expect(await runReviewCli(['--plan', planPath('create'), '--format', 'html'], bad)).toBe(1);
  expect(bad.err.join('')).toMatch(/^repliform review: --format must be one of text, markdown, json, got "html"\n\nUsage:/);
  const both = io();
  expect(await runReviewCli([], both)).toBe(1);
  expect(both.err.join('')).toMatch(/^repliform review: give either --plan FILE \(repeatable\) or --synth-dir DIR/);
  const risk = io();
  expect(await runReviewCli(['--plan', planPath('create'), '--fail-on', 'everything'], risk)).toBe(1);
  expect(risk.err.join('')).toMatch(/--fail-on accepts resync, data-loss, unprotect, orphan, drift, blocked, destroy; got everything/);
  const missing = io();
  expect(await runReviewCli(['--plan', '/nonexistent/plan.json'], missing)).toBe(1);
  expect(missing.err.join('')).toMatch(/^repliform review: ENOENT/);
  const notPlan = io('{"values": {}}');
  expect(await runReviewCli(['--plan', '-'], notPlan)).toBe(1);
  expect(notPlan.err.join('')).toBe('repliform review: stdin: not the JSON of a plan (expected `terraform show -json tfplan` output with a format_version)\n');
});

test('reads a plan from stdin, names stacks, and writes JSON to --out', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'review-cli-'));
  try {
    const out = join(dir, 'review.json');
    const captured = io(planText('create'));
    expect(await runReviewCli(['--plan', 'site-b=-', '--format', 'json', '--out', out], captured)).toBe(2);
    expect(captured.out).toEqual([]);
    const json = JSON.parse(readFileSync(out, 'utf8')) as { schema_version: number; stacks: string[]; summary: { actions: Record<string, number> } };
    expect(json.schema_version).toBe(1);
    expect(json.summary.actions).toEqual({ create: 4, update: 0, replace: 0, delete: 0, forget: 0, 'no-change': 1 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  expect(stackOf('plans/web.json')).toEqual({ stack: 'web', file: 'plans/web.json', guessed: true });
  expect(stackOf('cdktf.out/stacks/dr-b/plan.json')).toEqual({ stack: 'dr-b', file: 'cdktf.out/stacks/dr-b/plan.json', guessed: true });
  expect(stackOf('dr-b=x.json')).toEqual({ stack: 'dr-b', file: 'x.json' });
  expect(stackOf('plan.json', '/work/cdktf.out/stacks/dr-c')).toEqual({ stack: 'dr-c', file: 'plan.json', guessed: true });
});

test('colour follows the terminal unless NO_COLOR or --no-color', async () => {
  const tty = io('', true);
  await runReviewCli(['--plan', planPath('datastore-change')], tty);
  expect(tty.out.join('')).toContain('\u001b[31m-/+\u001b[0m');
  const plain = io('', true);
  await runReviewCli(['--plan', planPath('datastore-change'), '--no-color'], plain);
  expect(plain.out.join('')).not.toContain('\u001b[');
});

test('markdown goes to stdout for a pull-request comment', async () => {
  const captured = io();
  await runReviewCli(['--plan', `review=${planPath('removal')}`, '--format', 'markdown'], captured);
  expect(captured.out.join('')).toBe(renderMarkdown(reviewOf('removal', catalogue)));
});

test('--plan plan.json is named after the owner its constructs recorded, not after the file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'review-cli-'));
  try {
    const plan = JSON.parse(planText('rpo-change')) as { resource_changes: Array<{ change: { after: { input?: Record<string, unknown> } | null } }> };
    for (const change of plan.resource_changes) {
      const input = change.change.after?.input;
      if (input && 'vm' in input) input.owner = 'dr-site-b/replications';
    }
    const file = join(dir, 'plan.json');
    writeFileSync(file, JSON.stringify(plan));
    const captured = io();
    await runReviewCli(['--plan', file, '--format', 'json'], captured);
    expect((JSON.parse(captured.out.join('')) as { stacks: string[] }).stacks).toEqual(['dr-site-b']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a credential variable missing under --live is an error (exit 1), never the "changes" exit code 2', async () => {
  const captured = io();
  const code = await runReviewCli(['--plan', planPath('no-change'), '--live', '--format', 'json'], captured);
  expect(code).toBe(1);
  const report = JSON.parse(captured.out.join('')) as { errors: string[] };
  expect(report.errors[0]).toMatch(/^no-change\/vr\.pairing\/vc-b\.example\.local: cannot read the live object: connection\.credentials\.username_env: /);
});
