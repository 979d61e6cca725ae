/**
 * examples/hcl-vr as its README runs it, with real Terraform and the simulator: a replication made outside Terraform
 * with the README's own `repliform lifecycle create` command, then `terraform plan -generate-config-out` and ONE
 * apply — data sources whose arguments come from a resource of the same apply, references between resources, an
 * import by VM name with generated configuration — then no change, a schema that describes every attribute, and a
 * destroy that leaves nothing behind but the replica disks.
 */
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, terraform, terraformBinary } from '../../scripts/deploy-kit';
import { SIM_ENV } from '../helpers/context';
import { providerWorld } from '../helpers/e2e';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'hcl-vr');
const CLI = join(__dirname, '..', '..', 'dist', 'src', 'cli', 'main.js');
const world = providerWorld('e2e-hcl-example', () => SIM_ENV);

/** The README's spec for the replication made outside Terraform, pointed at this simulator. */
function readmeSpec(endpoint: string): string {
  const readme = readFileSync(join(EXAMPLE, 'README.md'), 'utf8');
  const spec = /REPLIFORM_SPEC='([^']+)'/.exec(readme)?.[1];
  if (spec === undefined) throw new Error('examples/hcl-vr/README.md has no REPLIFORM_SPEC');
  return spec.replace('http://127.0.0.1:8443', endpoint);
}

interface SchemaJson {
  readonly provider_schemas: Record<string, {
    readonly provider: { readonly block: Block };
    readonly resource_schemas: Record<string, { readonly block: Block }>;
    readonly data_source_schemas: Record<string, { readonly block: Block }>;
  }>;
}
interface Block {
  readonly description?: string;
  readonly attributes?: Record<string, { readonly description?: string; readonly nested_type?: { readonly attributes: Block['attributes'] } }>;
}

/** Every attribute path under a block whose description is missing or empty. */
function undescribed(attributes: Block['attributes'], prefix: string): string[] {
  return Object.entries(attributes ?? {}).flatMap(([name, attribute]) => [
    ...((attribute.description ?? '') === '' ? [`${prefix}${name}`] : []),
    ...undescribed(attribute.nested_type?.attributes, `${prefix}${name}.`),
  ]);
}

test('the README walk: generated configuration for an import, data sources and references, applied in one go', async () => {
  const { sim, stackDir, env } = world;
  const outside = await run(process.execPath, [CLI, 'lifecycle', 'create', 'vr.replication'], { cwd: stackDir, env: { ...env, REPLIFORM_SPEC: readmeSpec(sim.url) } });
  expect(outside.code).toBe(0);
  const [appId] = sim.state.replications.filter((r) => r.info.name === 'app-01').map((r) => r.info.id);

  copyFileSync(join(EXAMPLE, 'main.tf'), join(stackDir, 'main.tf'));
  const tfEnv = { ...env, TF_VAR_vr_endpoint: sim.url };
  const tf = (args: readonly string[]) => run(terraformBinary(), [args[0], '-input=false', '-no-color', ...args.slice(1)], { cwd: stackDir, env: tfEnv });
  await terraform(stackDir, ['init'], tfEnv);

  const generated = await tf(['plan', '-generate-config-out=generated.tf']);
  expect({ code: generated.code, stderr: generated.stderr }).toEqual({ code: 0, stderr: '' });
  expect(existsSync(join(stackDir, 'generated.tf'))).toBe(true);
  const written = readFileSync(join(stackDir, 'generated.tf'), 'utf8');
  expect(written).toContain('resource "repliform_vr_replication" "app_01" {');
  expect(written).toMatch(/datastore\s+= "ds-b-silver"/);

  const applied = await tf(['apply', '-auto-approve']);
  expect({ code: applied.code, stderr: applied.stderr }).toEqual({ code: 0, stderr: '' });
  expect(applied.stdout).toContain('Apply complete! Resources: 1 imported, 3 added, 0 changed, 0 destroyed.');
  expect(sim.state.replications.map((r) => [r.info.name, r.info.rpo]).sort()).toEqual([['app-01', 30], ['db-01', 15], ['web-03', 15]]);
  expect(sim.state.replications.filter((r) => r.info.name === 'app-01').map((r) => r.info.id)).toEqual([appId]);

  const again = await tf(['plan', '-detailed-exitcode']);
  expect({ code: again.code, stderr: again.stderr }).toEqual({ code: 0, stderr: '' });

  const printed = await run(terraformBinary(), ['providers', 'schema', '-json'], { cwd: stackDir, env: tfEnv });
  const schema = JSON.parse(printed.stdout) as SchemaJson;
  const [provider] = Object.values(schema.provider_schemas);
  const blocks = [
    ['provider', provider.provider.block] as const,
    ...Object.entries(provider.resource_schemas).map(([name, s]) => [name, s.block] as const),
    ...Object.entries(provider.data_source_schemas).map(([name, s]) => [name, s.block] as const),
  ];
  expect(blocks.length).toBeGreaterThan(20);
  expect(blocks.flatMap(([name, block]) => [...((block.description ?? '') === '' ? [name] : []), ...undescribed(block.attributes, `${name}.`)])).toEqual([]);

  const destroyed = await tf(['destroy', '-auto-approve']);
  expect({ code: destroyed.code, stderr: destroyed.stderr }).toEqual({ code: 0, stderr: '' });
  expect(sim.state.replications).toEqual([]);
  expect(sim.state.removedReplications.map((r) => [r.name, r.retainReplicaDisks]).sort()).toEqual([["app-01", true], ["db-01", true], ["web-03", true]]);
});
