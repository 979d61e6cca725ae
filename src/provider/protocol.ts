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
import * as protobuf from 'protobufjs';
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

/** The parsed .proto files as protobufjs JSON (`Root.toJSON()`). */
export type ProtocolJson = protobuf.INamespace;

/** Set by esbuild's `define` in the provider package's bundle; not defined anywhere else. */
declare const REPLIFORM_EMBEDDED_PROTOCOL: ProtocolJson | undefined;

/** The bundle's embedded descriptors, or undefined outside the bundle. */
export function embeddedProtocol(): ProtocolJson | undefined {
  return typeof REPLIFORM_EMBEDDED_PROTOCOL === 'undefined' ? undefined : REPLIFORM_EMBEDDED_PROTOCOL;
}

/** PROTO_FILES parsed from `dir` (their include directory), as the build embeds them. */
export function parseProtocol(dir: string): protobuf.Root {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => (isAbsolute(target) ? target : join(dir, target));
  return root.loadSync(PROTO_FILES.map((file) => join(dir, file)), PARSE_OPTIONS);
}

/** The protocol: the bundle's embedded JSON, else the .proto files of specs/. */
export function loadProtocol(): protobuf.Root {
  const embedded = embeddedProtocol();
  return embedded !== undefined ? protobuf.Root.fromJSON(embedded) : parseProtocol(join(packageRoot(), PROTO_DIR));
}

/**
 * A service as grpc-js serves it: each method's path, streaming and (de)serializers, made straight from protobufjs.
 * (@grpc/proto-loader would also build every message's descriptor protos for gRPC reflection, which the provider
 * does not serve: a third of its start-up before the handshake.) Encoders are generated on a type's first use.
 */
export function serviceDefinition(root: protobuf.Root, name: string): ServiceDefinition {
  const service = root.lookupService(name);
  return Object.fromEntries(
    service.methodsArray.map((method) => {
      method.resolve();
      return [method.name, methodDefinition(service, method)];
    }),
  );
}

function methodDefinition(service: protobuf.Service, method: protobuf.Method): MethodDefinition<object, object> {
  const request = method.resolvedRequestType;
  const response = method.resolvedResponseType;
  if (request === null || response === null) throw new Error(`${service.fullName}.${method.name}: its message types do not resolve`);
  return {
    path: `/${service.fullName.replace(/^\./, '')}/${method.name}`,
    requestStream: method.requestStream === true,
    responseStream: method.responseStream === true,
    requestSerialize: serializer(request),
    requestDeserialize: deserializer(request),
    responseSerialize: serializer(response),
    responseDeserialize: deserializer(response),
    originalName: method.name.charAt(0).toLowerCase() + method.name.slice(1),
  };
}

function serializer(type: protobuf.Type): (value: object) => Buffer {
  return (value) => (Buffer.isBuffer(value) ? value : Buffer.from(type.encode(type.fromObject(value)).finish()));
}

function deserializer(type: protobuf.Type): (bytes: Buffer) => object {
  return (bytes) => type.toObject(type.decode(bytes), CONVERSION_OPTIONS);
}
