/**
 * The provider's registry-style documentation, laid out as tfplugindocs lays it out: docs/index.md (the provider
 * block), docs/resources/<type>.md and docs/data-sources/<name>.md (names without the `repliform_` prefix). Every
 * word comes from the schema the provider serves (GetProviderSchema, asked over gRPC of a provider served in this
 * process: what `terraform providers schema -json` shows), whose descriptions come from the kinds' zod schemas; the
 * HCL from examples/terraform/ (provider/provider.tf, resources/<type>/resource.tf and import.tf,
 * data-sources/<name>/data-source.tf); which types can be imported, and by what id, from the kinds' importers.
 *
 * `npm run docs` writes the files (and removes pages of types that are gone); test/docs/provider-docs.test.ts fails
 * when docs/ is not what this would write.
 *
 * Calls no endpoint (the provider it serves on 127.0.0.1 is only asked for its schema).
 */
import * as grpc from '@grpc/grpc-js';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { loadCatalogue } from '../src/provider/catalogue';
import { loadProtocol, serviceDefinition } from '../src/provider/protocol';
import { serveProvider } from '../src/provider/serve';
import { createProviderService } from '../src/provider/service';
import { PROVIDER_SOURCE, PROVIDER_TYPE } from '../src/resources/terraform-names';
import { projectRoot } from './deploy-kit';

/** One attribute as the docs show it; a nested block is shown as nested attributes. */
export interface DocAttribute {
  readonly name: string;
  readonly description: string;
  readonly required: boolean;
  readonly optional: boolean;
  readonly computed: boolean;
  readonly sensitive: boolean;
  readonly deprecated: boolean;
  /** The attribute's type (Terraform's JSON type notation); undefined for nested attributes. */
  readonly type?: unknown;
  readonly nested?: { readonly nesting: string; readonly attributes: readonly DocAttribute[] };
}

export interface DocBlock {
  readonly description: string;
  readonly attributes: readonly DocAttribute[];
}

export interface ProviderDocSchema {
  readonly provider: DocBlock;
  readonly resources: Readonly<Record<string, DocBlock>>;
  readonly dataSources: Readonly<Record<string, DocBlock>>;
}

// The parts of tfplugin6's GetProviderSchema.Response the docs read, as protobufjs decodes them (defaults filled in).
const bytes = z.union([z.instanceof(Uint8Array), z.array(z.number())]);

interface WireAttribute {
  name: string;
  type: Uint8Array | number[];
  nested_type: { nesting: string; attributes: WireAttribute[] } | null;
  description: string;
  required: boolean;
  optional: boolean;
  computed: boolean;
  sensitive: boolean;
  deprecated: boolean;
}

const wireAttribute: z.ZodType<WireAttribute> = z.lazy(() =>
  z.object({
    name: z.string(),
    type: bytes,
    nested_type: z.object({ nesting: z.string(), attributes: z.array(wireAttribute) }).nullable(),
    description: z.string(),
    required: z.boolean(),
    optional: z.boolean(),
    computed: z.boolean(),
    sensitive: z.boolean(),
    deprecated: z.boolean(),
  }),
);

interface WireBlock {
  description: string;
  attributes: WireAttribute[];
  block_types: { type_name: string; nesting: string; min_items: number; block: WireBlock | null }[];
}

const wireBlock: z.ZodType<WireBlock> = z.lazy(() =>
  z.object({
    description: z.string(),
    attributes: z.array(wireAttribute),
    block_types: z.array(z.object({ type_name: z.string(), nesting: z.string(), min_items: z.number(), block: wireBlock.nullable() })),
  }),
);

const wireSchema = z.object({ block: wireBlock.nullable() });

const wireResponse = z.object({
  provider: wireSchema.nullable(),
  resource_schemas: z.record(wireSchema),
  data_source_schemas: z.record(wireSchema),
  diagnostics: z.array(z.object({ summary: z.string(), detail: z.string() })),
});

function docAttributeOf(attribute: WireAttribute): DocAttribute {
  const type = attribute.type.length > 0 ? (JSON.parse(Buffer.from(attribute.type).toString('utf8')) as unknown) : undefined;
  return {
    name: attribute.name,
    description: attribute.description,
    required: attribute.required,
    optional: attribute.optional,
    computed: attribute.computed,
    sensitive: attribute.sensitive,
    deprecated: attribute.deprecated,
    ...(type === undefined ? {} : { type }),
    ...(attribute.nested_type ? { nested: { nesting: attribute.nested_type.nesting, attributes: attribute.nested_type.attributes.map(docAttributeOf) } } : {}),
  };
}

function docBlockOf(block: WireBlock | null): DocBlock {
  if (!block) return { description: '', attributes: [] };
  const nestedBlocks: DocAttribute[] = block.block_types.map((nested) => {
    const inner = docBlockOf(nested.block);
    return {
      name: nested.type_name,
      description: inner.description,
      required: nested.min_items > 0,
      optional: nested.min_items === 0,
      computed: false,
      sensitive: false,
      deprecated: false,
      nested: { nesting: nested.nesting, attributes: inner.attributes },
    };
  });
  return { description: block.description, attributes: [...block.attributes.map(docAttributeOf), ...nestedBlocks] };
}

function unaryCall(client: grpc.Client, method: grpc.MethodDefinition<object, object>, request: object): Promise<object> {
  return new Promise((resolve, reject) => {
    client.makeUnaryRequest(method.path, method.requestSerialize, method.responseDeserialize, request, (error, response) =>
      error || response === undefined ? reject(error ?? new Error(`${method.path}: no response`)) : resolve(response),
    );
  });
}

/** The schema the provider serves, asked of it over gRPC as Terraform asks (the provider served in this process). */
export async function servedSchema(): Promise<ProviderDocSchema> {
  const service = createProviderService({ env: { REPLIFORM_LOG: 'quiet', REPLIFORM_CACHE_DIR: 'off' } });
  const serving = await serveProvider(service.handlers, { env: {}, writeHandshake: () => undefined, log: () => undefined, onShutdown: () => undefined });
  const client = new grpc.Client(`127.0.0.1:${serving.port}`, grpc.credentials.createInsecure());
  try {
    const method = serviceDefinition(loadProtocol(), 'tfplugin6.Provider').GetProviderSchema;
    const response = wireResponse.parse(await unaryCall(client, method, {}));
    if (response.diagnostics.length > 0) throw new Error(`GetProviderSchema: ${response.diagnostics.map((d) => `${d.summary} ${d.detail}`).join('; ')}`);
    const blocks = (schemas: Record<string, { block: WireBlock | null }>): Record<string, DocBlock> =>
      Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, docBlockOf(schema.block)]));
    return { provider: docBlockOf(response.provider?.block ?? null), resources: blocks(response.resource_schemas), dataSources: blocks(response.data_source_schemas) };
  } finally {
    client.close();
    await serving.stop();
    await service.close();
  }
}

/** Resource type → what its import id may be (its kind's importer); types left out cannot be imported. */
export async function importIds(): Promise<Readonly<Record<string, string>>> {
  const catalogue = await loadCatalogue();
  return Object.fromEntries([...catalogue.resources.values()].flatMap((type) => (type.kind.importer ? [[type.name, type.kind.importer.accepts]] : [])));
}

/** The HCL examples: path under examples/terraform/ → text. */
export type Examples = ReadonlyMap<string, string>;

export const EXAMPLES_DIR = join('examples', 'terraform');

export function readExamples(root = projectRoot()): Examples {
  const base = join(root, EXAMPLES_DIR);
  const files = new Map<string, string>();
  const walk = (relative: string): void => {
    for (const entry of readdirSync(join(base, relative), { withFileTypes: true })) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.tf')) files.set(path, readFileSync(join(base, path), 'utf8'));
    }
  };
  if (existsSync(base)) walk('');
  return files;
}

// ---- Markdown ----

/** Terraform's JSON type notation as tfplugindocs names it: `List of String`, `Map of Number`, … */
function typeName(type: unknown): string {
  if (type === 'string') return 'String';
  if (type === 'number') return 'Number';
  if (type === 'bool') return 'Boolean';
  if (type === 'dynamic') return 'Dynamic';
  if (Array.isArray(type) && typeof type[0] === 'string') {
    const [kind, element] = type as [string, unknown];
    if (kind === 'list' || kind === 'set' || kind === 'map') return `${kind.charAt(0).toUpperCase()}${kind.slice(1)} of ${typeName(element)}`;
    if (kind === 'object') return 'Object';
  }
  throw new Error(`provider docs: a type the generator cannot name: ${JSON.stringify(type)}`);
}

const NESTINGS: Readonly<Record<string, string>> = { SINGLE: 'Attributes', LIST: 'Attributes List', SET: 'Attributes Set', MAP: 'Attributes Map', GROUP: 'Attributes' };

function kindOf(attribute: DocAttribute): string {
  const named = attribute.nested ? (NESTINGS[attribute.nested.nesting] ?? `Attributes ${attribute.nested.nesting}`) : typeName(attribute.type);
  return [named, attribute.sensitive ? 'Sensitive' : undefined, attribute.deprecated ? 'Deprecated' : undefined].filter((part) => part !== undefined).join(', ');
}

type Group = 'Required' | 'Optional' | 'Read-Only';
const GROUPS: readonly Group[] = ['Required', 'Optional', 'Read-Only'];

/** Where an attribute is listed; inside a read-only attribute everything is read-only. */
function groupOf(attribute: DocAttribute, readOnlyParent: boolean): Group {
  if (readOnlyParent || (attribute.computed && !attribute.optional && !attribute.required)) return 'Read-Only';
  return attribute.required ? 'Required' : 'Optional';
}

function anchorOf(path: readonly string[]): string {
  return `nestedatt--${path.join('--')}`;
}

/** One line of a list: name, kind, description, and the link to its nested schema. */
function attributeLine(attribute: DocAttribute, path: readonly string[]): string {
  const description = attribute.description.replace(/\s+/g, ' ').trim();
  const nested = attribute.nested ? ` (see [below for nested schema](#${anchorOf([...path, attribute.name])}))` : '';
  return `- \`${attribute.name}\` (${kindOf(attribute)})${description === '' ? '' : ` ${description}`}${nested}`;
}

interface Section {
  readonly path: readonly string[];
  readonly attributes: readonly DocAttribute[];
  readonly readOnly: boolean;
}

/** The attributes by group, each group under `heading(group)`. */
function groupedLines(section: Section, heading: (group: Group) => string): string[] {
  const lines: string[] = [];
  for (const group of GROUPS) {
    const members = section.attributes.filter((attribute) => groupOf(attribute, section.readOnly) === group);
    if (members.length === 0) continue;
    lines.push(heading(group), '', ...members.map((attribute) => attributeLine(attribute, section.path)), '');
  }
  return lines;
}

/** The nested schemas under a list of attributes, depth first in the order the attributes come. */
function nestedSections(section: Section): Section[] {
  return section.attributes.flatMap((attribute) => {
    if (!attribute.nested) return [];
    const nested: Section = { path: [...section.path, attribute.name], attributes: attribute.nested.attributes, readOnly: groupOf(attribute, section.readOnly) === 'Read-Only' };
    return [nested, ...nestedSections(nested)];
  });
}

function schemaLines(block: DocBlock): string[] {
  const top: Section = { path: [], attributes: block.attributes, readOnly: false };
  const lines = ['## Schema', '', ...groupedLines(top, (group) => `### ${group}`)];
  for (const nested of nestedSections(top)) {
    lines.push(`<a id="${anchorOf(nested.path)}"></a>`, `### Nested Schema for \`${nested.path.join('.')}\``, '', ...groupedLines(nested, (group) => `${group}:`));
  }
  return lines;
}

function frontMatter(title: string, description: string): string[] {
  const indented = description.split('\n').map((line) => `  ${line}`);
  return ['---', `page_title: "${title}"`, 'subcategory: ""', 'description: |-', ...indented, '---', ''];
}

const GENERATED = '<!-- Generated by scripts/provider-docs.ts from the provider\'s schema: edit the zod schemas or examples/terraform/, then run `npm run docs`. -->';

function hclBlock(text: string): string[] {
  return ['```terraform', text.trimEnd(), '```', ''];
}

function examplesSection(examples: readonly string[]): string[] {
  return examples.length === 0 ? [] : ['## Example Usage', '', ...examples.flatMap(hclBlock)];
}

function page(lines: readonly string[]): string {
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function required(examples: Examples, path: string, why: string): string {
  const text = examples.get(path);
  if (text === undefined) throw new Error(`provider docs: ${join(EXAMPLES_DIR, path)} is missing: ${why}`);
  return text;
}

/** The type's import example, or an import block for the object of its resource example. */
function importExample(type: string, examples: Examples, resourceExample: string): string {
  const given = examples.get(`resources/${type}/import.tf`);
  if (given !== undefined) return given;
  const name = new RegExp(`resource\\s+"${type}"\\s+"([^"]+)"`).exec(resourceExample)?.[1] ?? 'example';
  return `import {\n  to = ${type}.${name}\n  id = "…"\n}\n`;
}

function importLines(type: string, accepts: string, examples: Examples, resourceExample: string): string[] {
  return [
    '## Import',
    '',
    `Import is supported by ${accepts}, with an \`import\` block or \`terraform import ${type}.<name> <id>\`. The import reads the whole object with the ` +
      "provider's connection; give it a resource block that declares the object, and the first plan shows no change.",
    '',
    ...hclBlock(importExample(type, examples, resourceExample)),
  ];
}

function shortName(type: string): string {
  const prefix = `${PROVIDER_TYPE}_`;
  if (!type.startsWith(prefix)) throw new Error(`provider docs: ${type} does not start with ${prefix}`);
  return type.slice(prefix.length);
}

function resourcePage(type: string, block: DocBlock, examples: Examples, accepts: string | undefined): string {
  const example = required(examples, `resources/${type}/resource.tf`, `every resource type needs an example`);
  return page([
    ...frontMatter(`${type} Resource - ${PROVIDER_TYPE}`, block.description),
    GENERATED,
    '',
    `# ${type} (Resource)`,
    '',
    block.description,
    '',
    ...examplesSection([example]),
    ...schemaLines(block),
    ...(accepts === undefined ? [] : importLines(type, accepts, examples, example)),
  ]);
}

function dataSourcePage(name: string, block: DocBlock, examples: Examples): string {
  const example = examples.get(`data-sources/${name}/data-source.tf`);
  return page([
    ...frontMatter(`${name} Data Source - ${PROVIDER_TYPE}`, block.description),
    GENERATED,
    '',
    `# ${name} (Data Source)`,
    '',
    block.description,
    '',
    ...examplesSection(example === undefined ? [] : [example]),
    ...schemaLines(block),
  ]);
}

function indexPage(schema: ProviderDocSchema, examples: Examples): string {
  const link = (dir: string, names: readonly string[]): string[] => names.map((name) => `- [\`${name}\`](${dir}/${shortName(name)}.md)`);
  const dataSources = Object.keys(schema.dataSources);
  return page([
    ...frontMatter(`${PROVIDER_TYPE} Provider`, schema.provider.description),
    GENERATED,
    '',
    `# ${PROVIDER_TYPE} Provider`,
    '',
    schema.provider.description,
    '',
    `Source: \`${PROVIDER_SOURCE}\`.`,
    '',
    ...examplesSection([required(examples, 'provider/provider.tf', 'the provider page needs an example')]),
    ...schemaLines(schema.provider),
    '## Resources',
    '',
    ...link('resources', Object.keys(schema.resources)),
    '',
    ...(dataSources.length === 0 ? [] : ['## Data Sources', '', ...link('data-sources', dataSources), '']),
  ]);
}

/** Every page: its path under docs/ → its Markdown. */
export function renderDocs(schema: ProviderDocSchema, examples: Examples, imports: Readonly<Record<string, string>>): Map<string, string> {
  const pages = new Map<string, string>([['index.md', indexPage(schema, examples)]]);
  for (const [type, block] of Object.entries(schema.resources)) pages.set(`resources/${shortName(type)}.md`, resourcePage(type, block, examples, imports[type]));
  for (const [name, block] of Object.entries(schema.dataSources)) pages.set(`data-sources/${shortName(name)}.md`, dataSourcePage(name, block, examples));
  return pages;
}

/** The generated folders of docs/: every Markdown file in them is a page this script writes. */
export const GENERATED_DIRS = ['resources', 'data-sources'] as const;

/** The pages docs/ holds now (index.md and the generated folders' Markdown files), path → text. */
export function pagesOnDisk(docsDir: string): Map<string, string> {
  const pages = new Map<string, string>();
  if (existsSync(join(docsDir, 'index.md'))) pages.set('index.md', readFileSync(join(docsDir, 'index.md'), 'utf8'));
  for (const dir of GENERATED_DIRS) {
    if (!existsSync(join(docsDir, dir))) continue;
    for (const file of readdirSync(join(docsDir, dir)).filter((name) => name.endsWith('.md'))) pages.set(`${dir}/${file}`, readFileSync(join(docsDir, dir, file), 'utf8'));
  }
  return pages;
}

/** The pages as this script writes them now. */
export async function generateDocs(root = projectRoot()): Promise<Map<string, string>> {
  return renderDocs(await servedSchema(), readExamples(root), await importIds());
}

async function main(): Promise<void> {
  const docsDir = join(projectRoot(), 'docs');
  const pages = await generateDocs();
  for (const stale of [...pagesOnDisk(docsDir).keys()].filter((path) => !pages.has(path))) rmSync(join(docsDir, stale));
  for (const [path, text] of pages) {
    mkdirSync(dirname(join(docsDir, path)), { recursive: true });
    writeFileSync(join(docsDir, path), text);
  }
  process.stdout.write(`provider docs: ${pages.size} pages in ${docsDir}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
