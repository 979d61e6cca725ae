/**
 * The gRPC services the provider serves, from the protocol's .proto files (specs/terraform-plugin-protocol/):
 * tfplugin6.Provider, go-plugin's GRPCController and GRPCStdio, and grpc.health.v1.Health.
 *
 * The provider package's bundle (scripts/provider-package.ts) carries them precompiled to JSON, so that it
 * reads no file and parses no .proto when Terraform starts it; run from dist/src or from the sources, they are
 * parsed from specs/.
 *
 * Calls no endpoint.
 */
import type { MethodDefinition, ServiceDefinition } from '@grpc/grpc-js';
import { isAbsolute, join } from 'node:path';
import type * as protobuf from 'protobufjs';
import { packageRoot } from '../package-info';

/** How the .proto files are parsed: field names as written (the generated types in src/provider/generated/ use them). */
export const PARSE_OPTIONS = { keepCase: true } as const;

/**
 * How messages become objects: the options the generated types were made with (longs as numbers, enums as names,
 * defaults filled in, oneof names set) — the same as @grpc/proto-loader's, which made them.
 */
export const CONVERSION_OPTIONS: protobuf.IConversionOptions = { longs: Number, enums: String, defaults: true, oneofs: true };

/** The protocol's files, relative to PROTO_DIR (which is also their include directory). */
export const PROTO_FILES = ['tfplugin6.8.proto', 'go-plugin/grpc_controller.proto', 'go-plugin/grpc_stdio.proto', 'grpc/health/v1/health.proto'] as const;

/** The directory of the protocol's files, relative to the package root. */
export const PROTO_DIR = join('specs', 'terraform-plugin-protocol');

let library: typeof protobuf | undefined;

/**
 * protobufjs, loaded on first use: serving needs only the method table, which the JSON holds, and loading the library
 * is ≈ 10 ms of a start. (A dynamic import() would make the serializers of the first call asynchronous.)
 */
function protobufjs(): typeof protobuf {
  library ??= require('protobufjs') as typeof protobuf;
  return library;
}

/** The parsed .proto files as protobufjs JSON (`Root.toJSON()`). */
export type ProtocolJson = protobuf.INamespace;

/**
 * Set by esbuild's `define` in the provider package's bundle (ProtocolJson as JSON text); not defined anywhere else.
 * Text, not an object literal: JSON.parse reads it several times faster than V8 evaluates the same literal.
 */
declare const REPLIFORM_EMBEDDED_PROTOCOL: string | undefined;

/** The bundle's embedded descriptors, or undefined outside the bundle. */
export function embeddedProtocol(): ProtocolJson | undefined {
  return typeof REPLIFORM_EMBEDDED_PROTOCOL === 'undefined' ? undefined : (JSON.parse(REPLIFORM_EMBEDDED_PROTOCOL) as ProtocolJson);
}

/** PROTO_FILES parsed from `dir` (their include directory), as the build embeds them. */
export function parseProtocol(dir: string): protobuf.Root {
  const root = new (protobufjs().Root)();
  root.resolvePath = (_origin, target) => (isAbsolute(target) ? target : join(dir, target));
  return root.loadSync(PROTO_FILES.map((file) => join(dir, file)), PARSE_OPTIONS);
}

/**
 * The protocol's descriptors: their JSON at once, the protobufjs root on first use. Building the root takes
 * longer than anything else in the protocol (≈ 12 ms of the bundle's start): the method table serving needs is in
 * the JSON, so the handshake need not wait for the root; the first call's messages build it.
 */
export interface Protocol {
  readonly json: ProtocolJson;
  root(): protobuf.Root;
}

/** The protocol: the bundle's embedded JSON, else the .proto files of specs/. */
export function loadProtocol(): Protocol {
  const embedded = embeddedProtocol();
  if (embedded === undefined) {
    const parsed = parseProtocol(join(packageRoot(), PROTO_DIR));
    return { json: parsed.toJSON(), root: () => parsed };
  }
  let root: protobuf.Root | undefined;
  return { json: embedded, root: () => (root ??= protobufjs().Root.fromJSON(embedded)) };
}

function isService(nested: protobuf.AnyNestedObject | undefined): nested is protobuf.IService {
  return nested !== undefined && 'methods' in nested;
}

/** A service's JSON by its full name (`tfplugin6.Provider`). */
function serviceJson(json: ProtocolJson, fullName: string): protobuf.IService {
  const names = fullName.split('.');
  let found: protobuf.AnyNestedObject | undefined = json;
  for (const name of names) found = found !== undefined && 'nested' in found ? found.nested?.[name] : undefined;
  if (!isService(found)) throw new Error(`the plugin protocol has no service ${fullName}`);
  return found;
}

/**
 * A service as grpc-js serves it: each method's path, streaming and (de)serializers, made straight from protobufjs.
 * (@grpc/proto-loader would also build every message's descriptor protos for gRPC reflection, which the provider
 * does not serve: a third of its start-up before the handshake.) Types resolve, and encoders are generated, on first use.
 */
export function serviceDefinition(protocol: Protocol, name: string): ServiceDefinition {
  return Object.fromEntries(Object.entries(serviceJson(protocol.json, name).methods).map(([method, json]) => [method, methodDefinition(protocol, name, method, json)]));
}

interface MessageTypes {
  readonly request: protobuf.Type;
  readonly response: protobuf.Type;
}

function messageTypesOf(protocol: Protocol, service: string, name: string): () => MessageTypes {
  let types: MessageTypes | undefined;
  return () => {
    if (types) return types;
    const method = protocol.root().lookupService(service).methods[name];
    method.resolve();
    const { resolvedRequestType: request, resolvedResponseType: response } = method;
    if (request === null || response === null) throw new Error(`${service}.${name}: its message types do not resolve`);
    types = { request, response };
    return types;
  };
}

function methodDefinition(protocol: Protocol, service: string, name: string, json: protobuf.IMethod): MethodDefinition<object, object> {
  const types = messageTypesOf(protocol, service, name);
  return {
    path: `/${service}/${name}`,
    requestStream: json.requestStream === true,
    responseStream: json.responseStream === true,
    requestSerialize: serializer(() => types().request),
    requestDeserialize: deserializer(() => types().request),
    responseSerialize: serializer(() => types().response),
    responseDeserialize: deserializer(() => types().response),
    originalName: name.charAt(0).toLowerCase() + name.slice(1),
  };
}

function serializer(typeOf: () => protobuf.Type): (value: object) => Buffer {
  return (value) => {
    if (Buffer.isBuffer(value)) return value;
    const type = typeOf();
    return Buffer.from(type.encode(type.fromObject(value)).finish());
  };
}

function deserializer(typeOf: () => protobuf.Type): (bytes: Buffer) => object {
  return (bytes) => {
    const type = typeOf();
    return type.toObject(type.decode(bytes), CONVERSION_OPTIONS);
  };
}
