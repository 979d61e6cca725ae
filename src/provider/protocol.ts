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
import { fromJSON, loadSync, type PackageDefinition } from '@grpc/proto-loader';
import { join } from 'node:path';
import { packageRoot } from '../package-info';

/** The options the generated types were made with (src/provider/generated/): keep them the same. */
export const PROTO_OPTIONS = { keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true } as const;

/** The protocol's files, relative to PROTO_DIR (which is also their include directory). */
export const PROTO_FILES = ['tfplugin6.8.proto', 'go-plugin/grpc_controller.proto', 'go-plugin/grpc_stdio.proto', 'grpc/health/v1/health.proto'] as const;

/** The directory of the protocol's files, relative to the package root. */
export const PROTO_DIR = join('specs', 'terraform-plugin-protocol');

/** The parsed .proto files as protobufjs JSON (`Root.toJSON()`). */
export type ProtocolJson = Parameters<typeof fromJSON>[0];

/** Set by esbuild's `define` in the provider package's bundle; not defined anywhere else. */
declare const REPLIFORM_EMBEDDED_PROTOCOL: ProtocolJson | undefined;

/** The bundle's embedded descriptors, or undefined outside the bundle. */
export function embeddedProtocol(): ProtocolJson | undefined {
  return typeof REPLIFORM_EMBEDDED_PROTOCOL === 'undefined' ? undefined : REPLIFORM_EMBEDDED_PROTOCOL;
}

/** The services and messages of PROTO_FILES, keyed by full name (`tfplugin6.Provider`). */
export function loadProtocol(): PackageDefinition {
  const embedded = embeddedProtocol();
  if (embedded !== undefined) return fromJSON(embedded, PROTO_OPTIONS);
  const dir = join(packageRoot(), PROTO_DIR);
  return loadSync(
    PROTO_FILES.map((file) => join(dir, file)),
    { ...PROTO_OPTIONS, includeDirs: [dir] },
  );
}
