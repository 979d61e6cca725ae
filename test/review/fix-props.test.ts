/**
 * Every construct prop a review fix names (`retainReplicaDisksOnDelete: true`, `adopt: true`, `retired: true`…) is a
 * prop of that kind's construct: its props interface is read with the TypeScript compiler (inherited props
 * included), and every fix text of every verdict and live finding of the kind is searched for `name: value` code spans.
 * A fix once told VCDA users to set `deleteReplicaOnDelete`, which no construct has.
 */
import { join } from 'node:path';
import * as ts from 'typescript';
import { CONSTRUCT_PROPS } from '../../src/resources/construct-props';
import { loadReviewCatalogue } from '../../src/resources/review-catalogue';
import type { DriftKind, JsonObject, LiveSubject, ReviewProfile, Transition } from '../../src/resources/review-profile';

const ROOT = join(__dirname, '..', '..');

/** The props of each construct (`VrReplication` → names of `VrReplicationProps`, inherited ones included). */
function constructProps(): Map<string, Set<string>> {
  const program = ts.createProgram([join(ROOT, 'src', 'constructs', 'index.ts')], { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS });
  const checker = program.getTypeChecker();
  const found = new Map<string, Set<string>>();
  for (const file of program.getSourceFiles()) {
    if (!file.fileName.includes('/src/constructs/')) continue;
    ts.forEachChild(file, (node) => {
      if (!ts.isInterfaceDeclaration(node) || !node.name.text.endsWith('Props')) return;
      const type = checker.getTypeAtLocation(node);
      found.set(node.name.text.slice(0, -'Props'.length), new Set(checker.getPropertiesOfType(type).map((symbol) => symbol.getName())));
    });
  }
  return found;
}

/** `name: …` and `name.inner: …` at the start of a code span: a prop set to a value. */
function propsNamed(text: string): string[] {
  return [...text.matchAll(/`([a-z][A-Za-z0-9]*)(?:\.[A-Za-z0-9]+)*: [^`]*`/g)].map((match) => match[1] ?? '');
}

const SPECS: JsonObject[] = [
  {},
  { on_delete: { retain_replica_disks: false, delete_replica: true, delete_target_volume: true, delete_target_server: true, delete_target_eip: true }, delete_on_destroy: true, adopt: true },
  { size_gb: 10 },
];

function transitions(): Transition[] {
  const replaced = { address: 'x.y', backing: 'provider' as const, reason: undefined };
  return SPECS.flatMap((before) =>
    SPECS.flatMap((after): Transition[] => [
      { event: 'create', after },
      { event: 'replace', before, after, changes: [], replaced },
      { event: 'retire', before, after },
      { event: 'delete', before, hook: 'runs' },
      { event: 'delete', before, hook: 'skipped' },
      { event: 'forget', before },
      { event: 'update', before, after: { ...after, size_gb: 5 }, settingsChanged: true },
    ]),
  );
}

const DRIFT_KINDS: DriftKind[] = ['missing', 'paused', 'error', 'rpo-violation', 'settings', 'status', 'exists', 'conflict', 'unreadable', 'unmanaged', 'foreign'];

function fixesOf(profile: ReviewProfile): string[] {
  const subject: LiveSubject = { name: 'x', source: 'a', target: 'b', deployed: {}, code: {}, expected: true, addresses: ['x.y'], settingsAddress: undefined };
  const verdicts = transitions().flatMap((transition) => (profile.verdict(transition).risks ?? []).map((risk) => risk.fix));
  const live = profile.live ? DRIFT_KINDS.map((kind) => profile.live?.fix(kind, subject) ?? '') : [];
  return [...verdicts, ...live];
}

test('every prop a fix text names is a prop of the construct of its kind', async () => {
  const catalogue = await loadReviewCatalogue();
  const props = constructProps();
  const named: string[] = [];
  const unknown: string[] = [];
  for (const [kind, entry] of catalogue) {
    if (!('fields' in entry)) continue;
    const construct = (CONSTRUCT_PROPS as Readonly<Record<string, { construct: string }>>)[kind]?.construct;
    if (construct === undefined) continue;
    const known = props.get(construct);
    expect({ kind, construct, found: known !== undefined }).toEqual({ kind, construct, found: true });
    for (const fix of fixesOf(entry.review)) {
      for (const prop of propsNamed(fix)) {
        named.push(`${kind}: ${prop}`);
        if (!known?.has(prop)) unknown.push(`${kind}: \`${prop}\` in "${fix}"`);
      }
    }
  }
  expect(unknown).toEqual([]);
  // The search finds what it is meant to: the props the fixes do name.
  expect(named).toEqual(expect.arrayContaining(['vr.replication: retainReplicaDisksOnDelete', 'vcda.replication: deleteReplicaOnDestroy', 'vr.pairing: deleteOnDestroy']));
});

test('the search catches a prop that does not exist', () => {
  expect(propsNamed('set `deleteReplicaOnDelete: false` (the default) and `seeds: VrSeeds.findOnTarget()`')).toEqual(['deleteReplicaOnDelete', 'seeds']);
});
