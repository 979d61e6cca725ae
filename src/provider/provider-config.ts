/**
 * The provider block, checked as resources are: each vendor's block against that vendor's connection schema, its
 * known values even when others are not known yet (`endpoint = var.endpoint` under `terraform validate`), with one
 * diagnostic per problem on its attribute; credentials given as values moved out (provider-secrets.ts). A block
 * holding unknown values is `pending`: resources plan without it and say so where they would need it.
 */
import type { Catalogue, VendorConnection } from './catalogue';
import { specJsonOf } from './convert';
import { connectionDiagnostics, errorDiagnostic, issueDiagnostics, type Diagnostic } from './diagnostics';
import { issuesOnKnown, knownPartsOf } from './known-parts';
import { extractSecrets, namesOfUnknownValues } from './provider-secrets';
import { containsUnknown, isObjectValue, type TfValue } from './values';

export interface ProviderConfig {
  /** Vendor → its connection block, parsed (credentials given as values now name the variables that hold them). */
  readonly connections: ReadonlyMap<string, unknown>;
  /** Variable name → credential value, for the provider's own environment. */
  readonly secrets: Readonly<Record<string, string>>;
  /** Vendors whose block holds values not known yet. */
  readonly pending: ReadonlySet<string>;
  readonly diagnostics: readonly Diagnostic[];
}

interface VendorBlock {
  readonly connection?: unknown;
  readonly secrets: Readonly<Record<string, string>>;
  readonly pending: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

export function checkProviderConfig(catalogue: Catalogue, config: TfValue): ProviderConfig {
  const connections = new Map<string, unknown>();
  const pending = new Set<string>();
  const secrets: Record<string, string> = {};
  const diagnostics: Diagnostic[] = [];
  for (const vendor of catalogue.connections) {
    const block = isObjectValue(config) ? (config[vendor.vendor] ?? null) : null;
    if (block === null) continue;
    const checked = checkVendorBlock(vendor, block);
    diagnostics.push(...checked.diagnostics);
    if (checked.pending) pending.add(vendor.vendor);
    if (checked.connection !== undefined) connections.set(vendor.vendor, checked.connection);
    Object.assign(secrets, checked.secrets);
  }
  return { connections, secrets, pending, diagnostics };
}

function checkVendorBlock(vendor: VendorConnection, block: TfValue): VendorBlock {
  const pending = containsUnknown(block);
  const known = pending ? knownPartsOf(block) : { json: specJsonOf(block), unknownPaths: [] };
  const { json } = known;
  const unknownPaths = [...known.unknownPaths, ...namesOfUnknownValues(block, vendor.secrets)];
  const extracted = extractSecrets(vendor.vendor, json, vendor.secrets);
  const what = `provider ${vendor.vendor} block`;
  const secretProblems = extracted.problems.map((problem) => {
    const path = [vendor.vendor, ...problem.path];
    return errorDiagnostic(`${path.join('.')}: ${problem.message}`, `Invalid ${what} configuration.`, path);
  });
  const parsed = vendor.schema.safeParse(extracted.block);
  const issues = parsed.success ? [] : issuesOnKnown(parsed.error.issues, unknownPaths);
  const schemaProblems = issueDiagnostics(issues.map((issue) => ({ ...issue, path: [vendor.vendor, ...issue.path] })), { [vendor.vendor]: extracted.block }, what);
  // A value refused is the first problem: the schema would only add that its variable name is missing.
  const diagnostics = secretProblems.length > 0 ? secretProblems : schemaProblems;
  if (diagnostics.length > 0 || pending || !parsed.success) return { secrets: {}, pending, diagnostics };
  const tls = connectionDiagnostics(parsed.data, [vendor.vendor]);
  return tls.length > 0 ? { secrets: {}, pending, diagnostics: tls } : { connection: parsed.data, secrets: extracted.values, pending, diagnostics: [] };
}
