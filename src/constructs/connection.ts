import type { IConstruct } from 'constructs';
import { isPlainHttp, type BaseConnection } from '../resources/connection';
import { Annotations } from './cdktf';
import type { Credentials } from './credentials';
import { describeValue, isAbsentOrNonEmptyString, isUnresolved, type ValidationRule } from './validation';

/** The connection props every vendor's site or pairing construct has. */
export interface BaseConnectionProps {
  readonly endpoint: string;
  readonly credentials: Credentials;
  readonly caBundleFile?: string;
  readonly insecure?: boolean;
}

/**
 * The shared fields of a connection block (no secrets: environment variable names only), and the warning annotation
 * when TLS verification is off.
 * @param caName how the message names the CA to trust instead, e.g. `the appliance CA`
 * @internal
 */
export function baseConnection(scope: IConstruct, props: BaseConnectionProps, caName: string): BaseConnection {
  warnIfInsecure(scope, props, caName);
  return {
    endpoint: props.endpoint,
    credentials: props.credentials.toSpec(),
    ca_bundle_file: props.caBundleFile ?? null,
    insecure: props.insecure ?? false,
  };
}

/**
 * The synth-time rules of `caBundleFile`: a file path, and never for a plain http:// endpoint (the CA would never be
 * used and the credentials would go in clear).
 * @internal
 */
export function caBundleRules<P extends { readonly endpoint: string; readonly caBundleFile?: string }>(): Array<ValidationRule<P>> {
  return [
    { field: 'caBundleFile', value: (p) => p.caBundleFile, condition: isAbsentOrNonEmptyString, message: 'must be a non-empty file path' },
    {
      field: 'caBundleFile',
      value: (p) => p.caBundleFile,
      condition: (v, p) => typeof v !== 'string' || v === '' || isUnresolved(p.endpoint) || !isPlainHttp(p.endpoint),
      message: 'must not be set for a plain http:// endpoint (the CA would never be used and the credentials would go in clear): use an https:// endpoint, or remove caBundleFile',
      got: (v, p) => `${describeValue(v)} with endpoint ${describeValue(p.endpoint)}`,
    },
  ];
}

/**
 * The warning annotation when TLS verification is off (every vendor's connection, whatever its credentials).
 * @internal
 */
export function warnIfInsecure(scope: IConstruct, props: { readonly endpoint: string; readonly insecure?: boolean }, caName: string): void {
  if (props.insecure === true) {
    Annotations.of(scope).addWarning(
      `[repliform:insecureTls] TLS certificate verification is disabled for ${props.endpoint}; prefer caBundleFile with ${caName}.`,
    );
  }
}
