/**
 * One Terraform data source per entry of the data-source table (resources/data-sources.ts), and what Terraform asks
 * of it — validate, read — done through its read function. Its attributes are its arguments (the connection optional:
 * the provider configuration's block for the vendor stands in; a defaulted argument is filled in by the read) and its
 * result, computed, every attribute described (schema.ts maps both zod schemas).
 *
 * - Validate: bad input is an error on its attribute before any request. An argument whose value is unknown (it
 *   refers to what is not read yet) is not checked, nor a connection left to the provider's block (Terraform
 *   validates before it configures the provider): the read checks both.
 * - Read: the arguments as configured (defaults filled in) and the result; a failure is an error diagnostic (bad
 *   input on its attribute: nothing found, or several where one is wanted) and no state.
 *
 * Calls no endpoint itself (each data source's read does).
 */
import { z } from 'zod';
import { loadDataSources } from '../resources/data-sources';
import type { AnyDataSource } from '../resources/data-source';
import { PROVIDER_TYPE } from '../resources/terraform-names';
import { isRecord, objectValueOf, pick } from './convert';
import { issuesOnKnown, knownPartsOf, type KnownParts } from './known-parts';
import { CONNECTION, withProviderConnection } from './provider-connection';
import { connectionDiagnostics, diagnosticOfError, errorDiagnostic, issueDiagnostics, warningDiagnostic, type Diagnostic } from './diagnostics';
import type { ResourceRuntime } from './resource-type';
import { objectTypeOf, specModelOf, type AttributeModel, type FieldModel, type ObjectModel } from './schema';
import { containsUnknown, isObjectValue, type TfType, type TfValue } from './values';


export interface DataSourceReadResult {
  readonly state: TfValue;
  readonly diagnostics: readonly Diagnostic[];
}

export class DataSourceType {
  readonly name: string;
  readonly vendor: string;
  readonly description: string;
  readonly arguments: ObjectModel;
  readonly result: ObjectModel;
  readonly attributes: ObjectModel;
  readonly type: TfType;
  private runtime?: ResourceRuntime;

  constructor(private readonly source: AnyDataSource) {
    this.name = `${PROVIDER_TYPE}_${source.name}`;
    this.vendor = source.vendor;
    this.description = source.description;
    const args = specModelOf(source.arguments, this.name);
    this.arguments = CONNECTION in args ? { ...args, [CONNECTION]: { ...args[CONNECTION], optional: true } } : args;
    this.result = computedDeep(specModelOf(z.object(source.result.shape), this.name));
    const clash = Object.keys(this.result).filter((name) => name in this.arguments);
    if (clash.length > 0) throw new Error(`data source ${this.name}: ${clash.join(', ')} is both an argument and a result`);
    this.attributes = { ...this.arguments, ...this.result };
    this.type = objectTypeOf(this.attributes);
  }

  /** Called once the provider is configured. */
  bind(runtime: ResourceRuntime): this {
    this.runtime = runtime;
    return this;
  }

  /**
   * The configured arguments' known values as JSON (with where the unknown ones are), the provider's connection
   * block standing in for a connection left null.
   */
  private argumentsJson(config: { readonly [attribute: string]: TfValue }): { json: Record<string, unknown>; unknownPaths: KnownParts['unknownPaths'] } {
    const { json, unknownPaths } = knownPartsOf(pick(config, this.arguments));
    return { json: withProviderConnection(isRecord(json) ? json : {}, this.arguments, this.vendor, this.runtime), unknownPaths };
  }

  validate(config: TfValue): Diagnostic[] {
    if (!isObjectValue(config)) return [];
    const { json, unknownPaths } = this.argumentsJson(config);
    const tls = json[CONNECTION] !== undefined ? connectionDiagnostics(json[CONNECTION], [CONNECTION]) : [];
    if (tls.length > 0) return tls;
    const parsed = this.source.arguments.safeParse(json);
    if (parsed.success) return [];
    // Terraform validates before it configures the provider: a connection left to the provider's block waits for the read.
    const issues = issuesOnKnown(parsed.error.issues, unknownPaths).filter((issue) => !(issue.path[0] === CONNECTION && json[CONNECTION] === undefined));
    return issueDiagnostics(issues, json, `data source ${this.name}`);
  }

  async read(config: TfValue): Promise<DataSourceReadResult> {
    if (!isObjectValue(config)) return { state: null, diagnostics: [] };
    if (containsUnknown(config)) return { state: null, diagnostics: [errorDiagnostic(`${this.name}: its arguments are not known yet`)] };
    const { json } = this.argumentsJson(config);
    const refused = this.refusedArguments(json);
    if (refused.length > 0) return { state: null, diagnostics: refused };
    const warnings: string[] = [];
    try {
      if (!this.runtime) throw new Error(`${this.name} was read before the provider was configured`);
      const found = await this.source.read(json, this.runtime.context(warnings));
      const parsed = this.source.arguments.safeParse(json);
      const state = { ...this.argumentState(config, parsed.success && isRecord(parsed.data) ? parsed.data : json), ...objectValueOf(isRecord(found) ? found : {}, this.result) };
      return { state, diagnostics: warnings.map((w) => warningDiagnostic(w)) };
    } catch (error) {
      return { state: null, diagnostics: [...warnings.map((w) => warningDiagnostic(w)), diagnosticOfError(error, `read of ${this.name}`)] };
    }
  }

  /** What is wrong with the arguments at read time (a missing connection, TLS over http, a schema issue). */
  private refusedArguments(json: Record<string, unknown>): Diagnostic[] {
    if (CONNECTION in this.arguments && json[CONNECTION] === undefined && this.runtime?.connectionPending?.(this.vendor) === true) {
      return [errorDiagnostic(
        `connection: the provider's ${this.vendor} block is not known until apply, and ${this.name} is read at plan time`,
        `Its values come from other resources (e.g. endpoint = terraform_data.x.output). Give this data source a connection of its own, or apply what the provider block refers to first (terraform apply -target=…).`,
        [CONNECTION],
      )];
    }
    if (CONNECTION in this.arguments && json[CONNECTION] === undefined) {
      return [errorDiagnostic(
        `connection: not set, and the provider configuration has no ${this.vendor} block`,
        `Set connection on this ${this.name}, or add a \`${this.vendor} = { … }\` block to provider "repliform".`,
        [CONNECTION],
      )];
    }
    const tls = CONNECTION in this.arguments ? connectionDiagnostics(json[CONNECTION], [CONNECTION]) : [];
    if (tls.length > 0) return tls;
    const parsed = this.source.arguments.safeParse(json);
    return parsed.success ? [] : issueDiagnostics(parsed.error.issues, json, `data source ${this.name}`);
  }

  /** The arguments as the state holds them: defaults filled in; the connection as configured (null stays null). */
  private argumentState(config: { readonly [attribute: string]: TfValue }, parsed: Record<string, unknown>): { [attribute: string]: TfValue } {
    const state = objectValueOf(parsed, this.arguments);
    if (CONNECTION in this.arguments && (config[CONNECTION] ?? null) === null) state[CONNECTION] = null;
    return state;
  }
}

/** Every attribute computed, at any depth (a result is only ever read, never configured). */
function computedDeep(model: ObjectModel): ObjectModel {
  return Object.fromEntries(Object.entries(model).map(([name, attribute]) => [name, computedAttribute(attribute)]));
}

function computedAttribute(attribute: AttributeModel): AttributeModel {
  return { ...attribute, field: computedField(attribute.field), optional: false, defaulted: false, computed: true };
}

function computedField(field: FieldModel): FieldModel {
  if (field.kind === 'object') return { kind: 'object', attributes: computedDeep(field.attributes) };
  if (field.kind === 'list' || field.kind === 'map') return { kind: field.kind, element: computedField(field.element) };
  return field;
}

/** Every data source of the table, as Terraform data sources by name. */
export async function loadDataSourceTypes(): Promise<ReadonlyMap<string, DataSourceType>> {
  const types = (await loadDataSources()).map((source) => new DataSourceType(source));
  return new Map(types.map((type) => [type.name, type]));
}
