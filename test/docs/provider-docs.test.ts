/**
 * docs/index.md, docs/resources/ and docs/data-sources/ are what scripts/provider-docs.ts writes from the provider's
 * schema and examples/terraform/ (`npm run docs`): a description or an example changed without them fails here.
 */
import { join } from 'node:path';
import { generateDocs, pagesOnDisk, readExamples, renderDocs, type ProviderDocSchema } from '../../scripts/provider-docs';

const root = join(__dirname, '..', '..');

test('docs/ holds exactly the pages the provider schema gives (run `npm run docs` after changing a schema or an example)', async () => {
  const generated = await generateDocs(root);
  const onDisk = pagesOnDisk(join(root, 'docs'));
  const problems = [
    ...[...generated].filter(([path, text]) => onDisk.get(path) !== text).map(([path]) => `docs/${path} is ${onDisk.has(path) ? 'stale' : 'missing'}: run \`npm run docs\``),
    ...[...onDisk.keys()].filter((path) => !generated.has(path)).map((path) => `docs/${path} documents nothing the provider serves: run \`npm run docs\``),
  ];
  expect(problems).toEqual([]);
});

test('a page has the description, an example, its schema by group, nested schemas with anchors, and an import section when importable', async () => {
  const pages = await generateDocs(root);
  const page = pages.get('resources/vr_replication.md') ?? '';
  expect(page).toContain('# repliform_vr_replication (Resource)\n\nOne VM replicated over a vSphere Replication pairing.');
  expect(page).toContain('## Example Usage\n\n```terraform\nresource "repliform_vr_replication" "web-01" {');
  expect(page).toContain('### Required\n\n- `pairing` (Attributes) Identity: a change replaces the object');
  expect(page).toContain('### Read-Only\n\n- `id` (String) The replication\'s id');
  expect(page).toContain('<a id="nestedatt--settings--point_in_time"></a>\n### Nested Schema for `settings.point_in_time`\n\nRequired:\n\n- `instances_per_day` (Number)');
  expect(page).toContain('## Import\n\nImport is supported by a replication id, or the name of its VM');
  expect(pages.get('resources/vcda_site.md')).not.toContain('## Import');
  expect(pages.get('index.md')).toContain('- `vr` (Attributes) The vr API for resources that set no connection of their own.');
});

test('a data source gets its page from the schema alone, so pages appear as data sources are added', () => {
  const block = { description: 'The VMs of a site.', attributes: [{ name: 'vms', description: 'The VMs.', required: false, optional: false, computed: true, sensitive: false, deprecated: false, type: ['list', 'string'] }] };
  const schema: ProviderDocSchema = { provider: { description: 'p', attributes: [] }, resources: {}, dataSources: { repliform_vr_vms: block } };
  const pages = renderDocs(schema, readExamples(root), {});
  expect(pages.get('data-sources/vr_vms.md')).toContain('# repliform_vr_vms (Data Source)\n\nThe VMs of a site.\n\n## Schema\n\n### Read-Only\n\n- `vms` (List of String) The VMs.\n');
  expect(pages.get('index.md')).toContain('## Data Sources\n\n- [`repliform_vr_vms`](data-sources/vr_vms.md)');
});
