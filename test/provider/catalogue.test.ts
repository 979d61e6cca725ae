/** The provider's schema is derived from the handler registry: every kind a resource type, every vendor a provider block. */
import { loadCatalogue } from '../../src/provider/catalogue';
import { attributesOf } from '../../src/provider/schema';
import { knownKinds } from '../../src/resources/registry';

test('every registry kind is served as repliform_<vendor>_<kind>', async () => {
  const catalogue = await loadCatalogue();
  expect([...catalogue.resources.keys()]).toEqual(knownKinds().map((kind) => `repliform_${kind.replace(/[.-]/g, '_')}`));
  expect([...catalogue.resources.keys()]).toContain('repliform_sdrs_protection_group');
});

test('the provider configuration has one optional connection block per vendor', async () => {
  const catalogue = await loadCatalogue();
  expect(Object.keys(catalogue.providerModel)).toEqual(['vr', 'vcda', 'sdrs']);
  const vr = attributesOf(catalogue.providerModel).find((a) => a.name === 'vr');
  expect(vr).toMatchObject({ optional: true, required: false, computed: false });
  expect(vr?.nested_type?.attributes?.map((a) => a.name)).toEqual(['endpoint', 'credentials', 'ca_bundle_file', 'insecure', 'remote_credentials', 'local_site']);
});

test('a union of references (an SDRS group by id or by natural key) becomes one object of optional attributes', async () => {
  const catalogue = await loadCatalogue();
  const pair = catalogue.resources.get('repliform_sdrs_replication_pair');
  const group = pair?.spec.group.field;
  expect(group?.kind === 'object' && Object.keys(group.attributes)).toEqual(['id', 'source_availability_zone', 'target_availability_zone', 'source_vpc_id', 'owner', 'name']);
  expect(group?.kind === 'object' && Object.values(group.attributes).every((a) => a.optional)).toBe(true);
});

test('attributes: required without default, optional+computed with a default, enums list their values', async () => {
  const catalogue = await loadCatalogue();
  const attributes = attributesOf(catalogue.resources.get('repliform_vr_replication')?.attributes ?? {});
  const target = attributes.find((a) => a.name === 'target');
  expect(target).toMatchObject({ required: true, optional: false, computed: false });
  const diskFormat = target?.nested_type?.attributes?.find((a) => a.name === 'disk_format');
  expect(diskFormat).toMatchObject({ optional: true, computed: true, description: 'The format of the replica disks. One of: SAME_AS_SOURCE, SAME_AS_PRIMARY, AS_DEFINED_IN_PROFILE, FLAT, THICK, NATIVE_THICK, THIN, RDM. Default: "SAME_AS_SOURCE".' });
  expect(attributes.find((a) => a.name === 'status')).toMatchObject({ computed: true, optional: false, required: false });
  expect(JSON.parse(String(attributes.find((a) => a.name === 'exclude_disks')?.type))).toEqual(['list', 'string']);
});

test('every attribute name is one Terraform accepts (lower-case letters, digits, underscores)', async () => {
  const catalogue = await loadCatalogue();
  const names: string[] = [];
  const walk = (attributes: ReturnType<typeof attributesOf>, prefix: string): void => {
    for (const attribute of attributes) {
      names.push(`${prefix}${attribute.name ?? ''}`);
      walk(attribute.nested_type?.attributes ?? [], `${prefix}${attribute.name ?? ''}.`);
    }
  };
  for (const [type, resource] of catalogue.resources) walk(attributesOf(resource.attributes), `${type}.`);
  walk(attributesOf(catalogue.providerModel), 'provider.');
  expect(names.filter((name) => !/^[a-z0-9_.]+$/.test(name))).toEqual([]);
});
