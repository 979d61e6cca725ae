/**
 * Every attribute the provider serves says what it is (GetProviderSchema over gRPC, as `terraform providers schema
 * -json` shows it): the provider block, every resource and data source, at every nesting level, with one source —
 * the zod schemas' `.describe()` texts. A description that only lists the allowed values and the default does not
 * count: it says what may be written, not what it means.
 */
import { servedSchema, type DocAttribute, type DocBlock, type ProviderDocSchema } from '../../scripts/provider-docs';

/** What schema.ts adds to every description by itself: the allowed values and the default. */
const GENERATED_ONLY = /^(Identity: [^.]*\.(?: \([^)]*\))?\s*|Setting: [^.]*\.\s*)?(One of: [^.]*\.\s*)?(Default: .*\.)?$/;

function undescribed(attributes: readonly DocAttribute[], path: string): string[] {
  return attributes.flatMap((attribute) => {
    const here = `${path}.${attribute.name}`;
    const own = GENERATED_ONLY.test(attribute.description.trim()) ? [`${here}: ${JSON.stringify(attribute.description)}`] : [];
    return [...own, ...undescribed(attribute.nested?.attributes ?? [], here)];
  });
}

function blocks(schema: ProviderDocSchema): [string, DocBlock][] {
  return [['provider', schema.provider], ...Object.entries(schema.resources), ...Object.entries(schema.dataSources).map(([name, block]): [string, DocBlock] => [`data.${name}`, block])];
}

let schema: ProviderDocSchema;

beforeAll(async () => {
  schema = await servedSchema();
});

test('every attribute of the provider block, every resource and every data source has a description of its own, at every level', () => {
  expect(Object.keys(schema.resources).length).toBeGreaterThanOrEqual(10);
  expect(blocks(schema).flatMap(([name, block]) => undescribed(block.attributes, name))).toEqual([]);
});

test('every resource, data source and the provider block says what it is, in words of its own', () => {
  const bare = blocks(schema).filter(([, block]) => block.description.trim() === '' || block.description.includes('served by the repliform handlers'));
  expect(bare.map(([name, block]) => `${name}: ${JSON.stringify(block.description)}`)).toEqual([]);
});

test("a resource's description says what create, update and delete do to the live object", () => {
  const silent = Object.entries(schema.resources).filter(([, block]) => !/\bcreate\b/i.test(block.description) || !/\bdelete\b/i.test(block.description));
  expect(silent.map(([name]) => name)).toEqual([]);
});

test('a computed attribute read from the live object is described by its kind\'s state schema', () => {
  const status = schema.resources.repliform_sdrs_replication_pair.attributes.find((a) => a.name === 'fault_level');
  expect(status).toMatchObject({ computed: true, description: '0 no fault, 2 the production volume cannot be read or written, 5 the replication link is down; null = not reported.' });
  const attachments = schema.resources.repliform_sdrs_protected_instance.attributes.find((a) => a.name === 'attachments');
  expect(attachments?.nested?.attributes.map((a) => [a.name, a.description])).toEqual([
    ['pair_id', "The attached replication pair's id."],
    ['device', 'The device name it is attached as, e.g. /dev/vdb.'],
  ]);
});
