/**
 * The evidence report, exactly: a hand-written drill run (fake time) rendered as Markdown and JSON and compared with
 * the goldens in test/drill/golden (REPLIFORM_UPDATE_GOLDEN=1 rewrites them; read the diff). Also who/when/which
 * commit from the environment and git.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEvidence, renderJson } from '../../src/drill/evidence';
import { provenanceOf } from '../../src/drill/provenance';
import { renderMarkdown } from '../../src/drill/render-markdown';
import { RUN } from './report-fixture';

const GOLDEN = join(__dirname, 'golden');

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.REPLIFORM_UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const evidence = buildEvidence({
  run: RUN,
  provenance: { user: 'octocat', ci: { system: 'GitHub Actions', run: 'https://github.com/acme/dr/actions/runs/42' }, commit: { sha: '0123456789abcdef0123456789abcdef01234567', source: 'GITHUB_SHA', dirty: false } },
  stacks: ['cdktf.out/stacks/vcda-basic', 'cdktf.out/stacks/sdrs-basic'],
  rtoMinutes: 30,
});

test('the Markdown report: verdict, who/when/commit, one row per VM (RPO and RTO achieved or not), checks, the leftover loudly, VR not a recovery test', () => {
  golden('report.md', renderMarkdown(evidence));
});

test('the JSON report holds the same evidence, and the exit code a leftover makes (4)', () => {
  golden('report.json', renderJson(evidence));
  expect(evidence.exit_code).toBe(4);
  expect(evidence.vms.map((vm) => [vm.vm, vm.rpo.achieved, vm.rto?.achieved ?? null, vm.passed])).toEqual([
    ['vcd-web-01', true, true, true],
    ['ecs-web-01', null, false, false],
    ['db-01', true, null, true],
  ]);
});

test('who and which commit: the CI actor and GITHUB_SHA in GitHub Actions, else the user and git in the app that synthesized the stack', () => {
  const ci = provenanceOf({ GITHUB_ACTIONS: 'true', GITHUB_ACTOR: 'octocat', GITHUB_SHA: 'abc', GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/dr', GITHUB_RUN_ID: '42', USER: 'runner' }, 'app/cdktf.out/stacks/s', () => 'unused');
  expect(ci).toEqual({ user: 'octocat', ci: { system: 'GitHub Actions', run: 'https://github.com/acme/dr/actions/runs/42' }, commit: { sha: 'abc', source: 'GITHUB_SHA', dirty: false } });
  const calls: string[] = [];
  const local = provenanceOf({ USER: 'alice' }, '/repo/app/cdktf.out/stacks/s', (cwd, args) => {
    calls.push(`${cwd}: git ${args.join(' ')}`);
    return args[0] === 'rev-parse' ? 'f00d' : ' M main.ts';
  });
  expect(local).toEqual({ user: 'alice', ci: null, commit: { sha: 'f00d', source: 'git', dirty: true } });
  expect(calls).toEqual(['/repo/app: git rev-parse HEAD', '/repo/app: git status --porcelain -- .']);
});
