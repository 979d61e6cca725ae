/**
 * The README's complete example compiles, synthesizes what the README says it does, and names only what the
 * simulator's seeded inventory has (so a new user can deploy it as it is); the README's "Simulator inventory"
 * tables say what the seed holds.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_USERS } from '../../src/simulator';
import { seedState } from '../../src/simulator/vr/inventory-seed';
import type { SimVm, VrState } from '../../src/simulator/vr/types';

const root = join(__dirname, '..', '..');
const KB_PER_GB = 1024 * 1024;

interface IdentityInput {
  vm?: { name: string };
  pairing?: { remote_site: string | null };
  target?: { datastore: string; storage_policy: string | null };
  settings?: { rpo_minutes: number };
  seeds?: { mode: string };
  exclude_disks?: string[];
}

function readme(): string {
  return readFileSync(join(root, 'README.md'), 'utf8');
}

function readmeExample(): string {
  const block = /## A complete example[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme());
  if (!block) throw new Error('README.md has no TypeScript block under "A complete example"');
  return block[1];
}

/** The text of a README section, from its heading to the next heading of the same or a higher level (code blocks skipped). */
function readmeSection(heading: string): string {
  const lines = readme().split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`README.md has no section "${heading}"`);
  const level = heading.split(' ')[0].length;
  let inCode = false;
  let end = start + 1;
  for (; end < lines.length; end += 1) {
    if (lines[end].startsWith('```')) inCode = !inCode;
    const hashes = /^(#+) /.exec(lines[end])?.[1].length;
    if (!inCode && hashes !== undefined && hashes <= level) break;
  }
  return lines.slice(start + 1, end).join('\n');
}

/** Synthesizes the README example (with the VR_* variables unset) and returns its terraform_data inputs by name. */
function synthesizeExample(): Record<string, IdentityInput> {
  const outdir = mkdtempSync(join(tmpdir(), 'repliform-readme-'));
  const file = join(__dirname, `readme-example.generated.${process.pid}.ts`);
  const previous = process.env.CDKTF_OUTDIR;
  const previousContext = process.env.CDKTF_CONTEXT_JSON;
  try {
    writeFileSync(file, readmeExample().replace("from 'repliform'", "from '../../src'"));
    process.env.CDKTF_OUTDIR = outdir;
    // The inputs are read from the lifecycle backing (the provider backing writes the same spec as attributes).
    process.env.CDKTF_CONTEXT_JSON = JSON.stringify({ 'repliform:backing': 'terraform_data' });
    jest.isolateModules(() => {
      require(file);
    });
    const synthesized = JSON.parse(readFileSync(join(outdir, 'stacks', 'dr-site-b', 'cdk.tf.json'), 'utf8')) as {
      resource: { terraform_data: Record<string, { input: IdentityInput }> };
    };
    return Object.fromEntries(Object.entries(synthesized.resource.terraform_data).map(([name, resource]) => [name, resource.input]));
  } finally {
    process.env.CDKTF_OUTDIR = previous;
    if (previousContext === undefined) delete process.env.CDKTF_CONTEXT_JSON;
    else process.env.CDKTF_CONTEXT_JSON = previousContext;
    rmSync(file, { force: true });
    rmSync(outdir, { recursive: true, force: true });
  }
}

let inputs: Record<string, IdentityInput>;
let identities: IdentityInput[];
const seed: VrState = seedState();

beforeAll(() => {
  const saved = { endpoint: process.env.VR_ENDPOINT, ca: process.env.VR_CA_BUNDLE };
  delete process.env.VR_ENDPOINT;
  delete process.env.VR_CA_BUNDLE;
  try {
    inputs = synthesizeExample();
  } finally {
    if (saved.endpoint !== undefined) process.env.VR_ENDPOINT = saved.endpoint;
    if (saved.ca !== undefined) process.env.VR_CA_BUNDLE = saved.ca;
  }
  identities = Object.entries(inputs)
    .filter(([name]) => name.includes('_replication_'))
    .map(([, input]) => input);
});

function seededVm(name: string): SimVm {
  const vm = seed.vms.find((candidate) => candidate.vm.name === name);
  if (!vm) throw new Error(`the README names VM ${name}, which the simulator does not have`);
  return vm;
}

const remoteVcId = (): string => {
  const remote = seed.vcenters.find((vc) => vc.site === 'remote');
  if (!remote) throw new Error('the seed has no remote vCenter');
  return remote.id;
};

function dataDisks(vm: SimVm): NonNullable<SimVm['vm']['disks']> {
  return (vm.vm.disks ?? []).filter((disk) => !disk.is_vm_home);
}

test('the complete example in the README synthesizes a pairing and four replications', () => {
  expect(Object.keys(inputs)).toHaveLength(9);
  expect(identities.map((i) => i.vm?.name).sort()).toEqual(['app-01', 'file-01', 'web-01', 'web-02']);
  const file01 = identities.find((i) => i.vm?.name === 'file-01');
  expect(file01).toMatchObject({ settings: { rpo_minutes: 60 }, seeds: { mode: 'find' }, exclude_disks: ['Hard disk 2'] });
});

describe('every name in the README example exists in the simulator inventory', () => {
  test('the remote site is the remote vCenter of the seeded pairing', () => {
    const remoteSites = new Set(Object.values(inputs).flatMap((input) => (input?.pairing ? [input.pairing.remote_site] : [])));
    expect([...remoteSites]).toEqual([seed.pairings[0].remote_vc_server?.name]);
  });

  test('the VMs exist on the local site and can be replicated', () => {
    for (const identity of identities) {
      const vm = seededVm(identity.vm?.name ?? '');
      expect({ vm: vm.vm.name, status: vm.capability.vm_validation_status }).toEqual({ vm: vm.vm.name, status: 'OK' });
    }
  });

  test('each excluded disk is a data disk of its VM, and something is left to replicate', () => {
    for (const identity of identities) {
      const vm = seededVm(identity.vm?.name ?? '');
      const labels = dataDisks(vm).map((disk) => disk.label);
      for (const excluded of identity.exclude_disks ?? []) expect({ vm: vm.vm.name, excluded, known: labels.includes(excluded) }).toEqual({ vm: vm.vm.name, excluded, known: true });
      expect(labels.length).toBeGreaterThan((identity.exclude_disks ?? []).length);
    }
  });

  test('the target datastores and storage policies are on the remote site, and each policy suits its datastore', () => {
    const remote = remoteVcId();
    for (const identity of identities) {
      const datastore = identity.target?.datastore;
      const onRemote = seed.datastores.some((d) => d.vcId === remote && d.datastore.name === datastore);
      expect({ datastore, onRemote }).toEqual({ datastore, onRemote: true });
      const policyName = identity.target?.storage_policy;
      if (policyName === null || policyName === undefined) continue;
      const policy = seed.storagePolicies.find((p) => p.vcId === remote && p.policy.storage_policy_name === policyName);
      expect({ policyName, compliant: policy?.compliantDatastores.includes(datastore ?? '') }).toEqual({ policyName, compliant: true });
    }
  });

  test('a VM that asks for seeds has one on its target datastore', () => {
    for (const identity of identities.filter((i) => i.seeds?.mode === 'find')) {
      const datastoreId = seed.datastores.find((d) => d.datastore.name === identity.target?.datastore)?.datastore.id;
      const seeded = seed.seeds.some((s) => s.vmName === identity.vm?.name && s.datastoreId === datastoreId);
      expect({ vm: identity.vm?.name, seeded }).toEqual({ vm: identity.vm?.name, seeded: true });
    }
  });
});

describe('the README "Simulator inventory" tables say what the seed holds', () => {
  const section = (): string => readmeSection('### Simulator inventory');

  test('every vCenter, appliance, datastore, storage policy and replication server is named', () => {
    const names = [
      ...seed.vcenters.map((vc) => vc.name),
      seed.localVrms.name,
      ...seed.remoteVrms.map((vrms) => vrms.name),
      seed.pairings[0].pairing_id,
      ...seed.datastores.map((d) => d.datastore.name),
      ...seed.storagePolicies.map((p) => p.policy.storage_policy_name),
      ...seed.replicationServers.map((r) => r.server.name),
    ];
    const text = section();
    expect(names.filter((name) => !text.includes(`\`${name}\``))).toEqual([]);
  });

  test('each storage policy lists exactly its compatible datastores', () => {
    const text = section();
    for (const policy of seed.storagePolicies) {
      const listed = `\`${policy.policy.storage_policy_name}\` (${policy.compliantDatastores.map((d) => `\`${d}\``).join(', ')})`;
      expect({ policy: policy.policy.storage_policy_name, listed: text.includes(listed) }).toEqual({ policy: policy.policy.storage_policy_name, listed: true });
    }
  });

  test('the VM table covers every seeded VM with its data disks and sizes', () => {
    const rows = section()
      .split('\n')
      .filter((line) => /^\| `[a-z]+-\d+`/.test(line));
    const covered = new Set<string>();
    for (const row of rows) {
      const [, vmsCell, disksCell] = row.split('|').map((cell) => cell.trim());
      const listed = [...vmsCell.matchAll(/`([a-z]+-\d+)`/g)].map((m) => m[1]);
      const names = vmsCell.includes('…') ? seed.vms.map((vm) => vm.vm.name).filter((name) => name.split('-')[0] === listed[0].split('-')[0]) : listed;
      for (const name of names) {
        covered.add(name);
        const disks = dataDisks(seededVm(name)).map((disk) => `\`${disk.label}\` (${(disk.capacity ?? 0) / KB_PER_GB} GB`);
        expect({ name, disks: disks.filter((disk) => !disksCell.includes(disk)) }).toEqual({ name, disks: [] });
        expect({ name, count: (disksCell.match(/`Hard disk \d+`/g) ?? []).length }).toEqual({ name, count: disks.length });
      }
    }
    expect(seed.vms.map((vm) => vm.vm.name).filter((name) => !covered.has(name))).toEqual([]);
  });

  test('the simulator section gives the default credentials', () => {
    const text = readmeSection('## The simulator');
    for (const value of [DEFAULT_USERS.local.username, DEFAULT_USERS.local.password, DEFAULT_USERS.remote.password]) expect(text).toContain(`\`${value}\``);
  });
});
