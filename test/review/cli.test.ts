/** `repliform review` as a command: formats, exit codes like `terraform plan -detailed-exitcode`, --fail-on. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runReviewCli, stackOf, type ReviewIo } from '../../src/review/cli';
import { renderMarkdown } from '../../src/review/render-markdown';
import { planPath, planText, reviewOf } from './helpers/fixtures';

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
  expect(risk.err.join('')).toMatch(/--fail-on accepts resync, data-loss, orphan, drift; got everything/);
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
    expect(json.summary.actions).toEqual({ create: 5, update: 0, replace: 0, delete: 0, forget: 0, 'no-change': 0 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  expect(stackOf('plans/web.json')).toEqual({ stack: 'web', file: 'plans/web.json' });
  expect(stackOf('cdktf.out/stacks/dr-b/plan.json')).toEqual({ stack: 'dr-b', file: 'cdktf.out/stacks/dr-b/plan.json' });
  expect(stackOf('dr-b=x.json')).toEqual({ stack: 'dr-b', file: 'x.json' });
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
  expect(captured.out.join('')).toBe(renderMarkdown(reviewOf('removal')));
});
