/**
 * The managed objects of a synthesized stack, for the commands that take `--stack-dir` (`repliform vr sync|pause|
 * resume`, `repliform drill`): the specs in
 * cdk.tf.json, as the provider's resources (attributes plus the connection in Terraform's `_` block) or as the
 * lifecycle backing's identity resources (`terraform_data` whose input is the spec and whose kind is in
 * triggers_replace), the provider's timeouts read back as seconds. Selection by construct path (exact, with or without the stack's name in front) or by a
 * pattern (`*` matches any characters but `/`).
 *
 * Calls no endpoint.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from './errors';
import { resourceTypeOf } from './terraform-names';
import { withSpecTimeouts } from './timeout-durations';

/** One resource of a kind a command reads, with where it was declared. */
export interface StackResource {
  readonly kind: string;
  /** The construct path that owns it (its spec's owner, else its construct's path), e.g. vcda-basic/vcd-web-01. */
  readonly owner: string;
  /** The path of the construct that declares it, from the synthesized metadata; '' when absent. */
  readonly path: string;
  readonly input: unknown;
  readonly stackDir: string;
}

interface SynthesizedResource {
  readonly input?: unknown;
  readonly triggers_replace?: { readonly kind?: unknown };
  readonly '//'?: { readonly metadata?: { readonly path?: unknown } };
}

type Resources = Record<string, Record<string, SynthesizedResource>>;

export function readStack(stackDir: string): Resources {
  const file = join(stackDir, 'cdk.tf.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError('--stack-dir', `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)}); synthesize first (node main.js) and pass cdktf.out/stacks/<stack>`);
  }
  try {
    return (JSON.parse(text) as { resource?: Resources }).resource ?? {};
  } catch (error) {
    throw new InputError('--stack-dir', `${file} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Keys of a synthesized resource block that are Terraform's, not the spec's. */
const TERRAFORM_KEYS = new Set(['//', '_', 'depends_on', 'provider', 'lifecycle', 'count', 'for_each']);

function providerSpec(resource: SynthesizedResource): Record<string, unknown> {
  const entries = Object.entries(resource as Record<string, unknown>);
  const escaped = (resource as Record<string, unknown>)._;
  const own = Object.fromEntries(entries.filter(([key]) => !TERRAFORM_KEYS.has(key)));
  // The provider's resources write timeouts as durations ("60m"); the specs take seconds.
  return withSpecTimeouts(typeof escaped === 'object' && escaped !== null ? { ...own, ...escaped } : own);
}

/** The declaring construct's path: the resource's own path (`…/web-01/replication/Resource`) less its two last steps. */
function constructPathOf(resource: SynthesizedResource): string {
  const path = resource['//']?.metadata?.path;
  return typeof path === 'string' ? path.split('/').slice(0, -2).join('/') : '';
}

function ownerOf(resource: SynthesizedResource, input: unknown): string {
  const owner: unknown = typeof input === 'object' && input !== null && 'owner' in input ? input.owner : undefined;
  return typeof owner === 'string' && owner !== '' ? owner : constructPathOf(resource);
}

/**
 * The stack's resources of these kinds, from either backing. A stack of the null_resource backing has none to
 * read (its specs are Terraform expressions): an error ending with `otherwise` (what to do instead).
 */
export function resourcesOfKinds(stackDir: string, kinds: readonly string[], otherwise: string): StackResource[] {
  const resources = readStack(stackDir);
  const lifecycle = Object.values(resources.terraform_data ?? {})
    .filter((r) => typeof r.triggers_replace?.kind === 'string' && kinds.includes(r.triggers_replace.kind) && typeof r.input === 'object' && r.input !== null)
    .map((r) => ({ kind: String(r.triggers_replace?.kind), owner: ownerOf(r, r.input), path: constructPathOf(r), input: r.input, stackDir }));
  const provider = kinds.flatMap((kind) =>
    Object.values(resources[resourceTypeOf(kind)] ?? {}).map((r) => {
      const input = providerSpec(r);
      return { kind, owner: ownerOf(r, input), path: constructPathOf(r), input, stackDir };
    }),
  );
  if (lifecycle.length + provider.length === 0 && resources.null_resource !== undefined) {
    throw new InputError('--stack-dir', `${stackDir} uses the null_resource backing, whose specs are Terraform expressions: ${otherwise}`);
  }
  return [...lifecycle, ...provider];
}

/** The path within its stack: `vcda-basic/vcd-web-01` → `vcd-web-01`. */
function withinStack(path: string): string {
  return path.split('/').slice(1).join('/');
}

function patternOf(glob: string): RegExp {
  const escaped = glob.replace(/^\/+|\/+$/g, '').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*');
  return new RegExp(`^${escaped}$`);
}

/** Whether a construct path is selected: no selection takes all; --construct is exact, --select a pattern. */
export function isSelected(resource: Pick<StackResource, 'owner' | 'path'>, constructs: readonly string[], patterns: readonly string[]): boolean {
  if (constructs.length === 0 && patterns.length === 0) return true;
  const names = [resource.owner, resource.path].filter((path) => path !== '').flatMap((path) => [path, withinStack(path)]);
  const exact = constructs.some((c) => names.includes(c.replace(/^\/+|\/+$/g, '')));
  return exact || patterns.some((p) => names.some((name) => patternOf(p).test(name)));
}
