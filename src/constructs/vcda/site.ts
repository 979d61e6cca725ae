import { Construct } from 'constructs';
import { VCDA_DEFAULT_API_VERSION, VCDA_LOGIN_TYPES, type VcdaConnectionSpec, type VcdaLoginType as VcdaLoginTypeName } from '../../resources/vcda/connection';
import type { VcdaSiteSpecInput } from '../../resources/vcda/site/schema';
import { Backing, resolveBacking } from '../backing';
import { baseConnection, caBundleRules } from '../connection';
import { Credentials, credentialsRules } from '../credentials';
import { ManagedResource } from '../managed-resource';
import { isHttpUrl, isNonEmptyString, terraformSafeRules, validateProps, type ValidationRule } from '../validation';

/** The lifecycle kind synthesized by {@link VcdaSite}. */
export const VCDA_SITE_KIND = 'vcda.site';

/**
 * How the CLI logs in (`POST /sessions` body type): `VcdaLoginType.VCD_CREDENTIALS` (a Cloud Director user such
 * as `vcda-admin@org1`), `LOCAL_USER` (the appliance's root) or `SSO_CREDENTIALS` (a vCenter SSO user).
 */
export const VcdaLoginType = Object.freeze({
  VCD_CREDENTIALS: 'vcdCredentials',
  LOCAL_USER: 'localUser',
  SSO_CREDENTIALS: 'ssoCredentials',
} as const satisfies Record<string, VcdaLoginTypeName>);
/** One of the `POST /sessions` body types in {@link VcdaLoginType}. */
export type VcdaLoginType = VcdaLoginTypeName;

const LOGIN_TYPES: readonly string[] = VCDA_LOGIN_TYPES;

/** Props of {@link VcdaSite}. */
export interface VcdaSiteProps {
  /** Base URL of the Cloud Director Availability API of the site the CLI talks to, e.g. `https://vcda.example.local`. */
  readonly endpoint: string;
  /** Credentials for the login (environment variable names, read by the CLI at deploy time). */
  readonly credentials: Credentials;
  /** The site's name as `GET /sites` lists it, e.g. `site1`. Looked up, never created. */
  readonly site: string;
  /**
   * The `POST /sessions` body type.
   * @default VcdaLoginType.VCD_CREDENTIALS
   */
  readonly loginType?: VcdaLoginType;
  /**
   * Cloud Director credentials of the destination site, for the session extension (`POST /sessions/extend`)
   * that managing its replicas needs.
   * @default - the local credentials
   */
  readonly remoteCredentials?: Credentials;
  /**
   * A PEM file of CAs to trust in addition to the system store, as a path on the machine that runs Terraform.
   * @default - the system trust store only
   */
  readonly caBundleFile?: string;
  /**
   * Skip TLS certificate verification. Adds a warning annotation; the CLI warns on every run too.
   * @default false
   */
  readonly insecure?: boolean;
  /**
   * The API version sent in `Accept: application/vnd.vmware.h4-<apiVersion>+json`, e.g. `v4` or `v4.7`.
   * @default 'v4'
   */
  readonly apiVersion?: string;
  /**
   * The Terraform resource type carrying the lifecycle.
   * @default - the `repliform:backing` context, else Backing.PROVIDER
   */
  readonly backing?: Backing;
}

const API_VERSION = /^v\d+(\.\d+)*$/;

const RULES: ReadonlyArray<ValidationRule<VcdaSiteProps>> = [
  {
    field: 'endpoint',
    value: (p) => p.endpoint,
    condition: isHttpUrl,
    message: 'must be an http(s) URL such as https://vcda.example.local',
  },
  ...credentialsRules<VcdaSiteProps>('credentials', (p) => p.credentials),
  ...credentialsRules<VcdaSiteProps>('remoteCredentials', (p) => p.remoteCredentials),
  { field: 'site', value: (p) => p.site, condition: isNonEmptyString, message: "must be a non-empty site name such as 'site1'" },
  {
    field: 'loginType',
    value: (p) => p.loginType,
    condition: (v) => v === undefined || (typeof v === 'string' && LOGIN_TYPES.includes(v)),
    message: `must be one of ${VCDA_LOGIN_TYPES.join(', ')}`,
  },
  {
    field: 'apiVersion',
    value: (p) => p.apiVersion,
    condition: (v) => v === undefined || (typeof v === 'string' && API_VERSION.test(v)),
    message: "must be an API version such as 'v4' or 'v4.7'",
  },
  ...caBundleRules<VcdaSiteProps>(),
  {
    field: 'insecure',
    value: (p) => p.insecure,
    condition: (v) => v === undefined || typeof v === 'boolean',
    message: 'must be true or false',
  },
  ...terraformSafeRules<VcdaSiteProps>([
    ['endpoint', (p) => p.endpoint],
    ['site', (p) => p.site],
    ['caBundleFile', (p) => p.caBundleFile],
  ]),
];

/**
 * A Cloud Director Availability site reached through one API endpoint: the source site of the
 * {@link VcdaReplication}s that name it, and how the CLI logs in there.
 *
 * Synthesizes ONE lifecycle resource of kind `vcda.site` (construct id `<id>/site`) that looks the site up
 * (`GET /sites`) when created, so that a wrong site name fails the apply before any replication is touched. It
 * never creates a site, and destroying it does nothing.
 *
 * @example
 * const site1 = new VcdaSite(stack, 'site1', {
 *   endpoint: 'https://vcda.example.local',
 *   site: 'site1',
 *   credentials: Credentials.fromEnv('VCDA_SITE1_USER', 'VCDA_SITE1_PASSWORD'),
 *   remoteCredentials: Credentials.fromEnv('VCDA_SITE2_USER', 'VCDA_SITE2_PASSWORD'),
 * });
 */
export class VcdaSite extends Construct {
  /** How the CLI reaches the API (no secrets: environment variable names only). */
  public readonly connection: VcdaConnectionSpec;
  /** The site's name. */
  public readonly siteName: string;
  /** The full spec synthesized into the lifecycle resource. */
  public readonly spec: VcdaSiteSpecInput;
  /** The look-up resource (replications depend on it). */
  public readonly resource: ManagedResource;

  constructor(scope: Construct, id: string, props: VcdaSiteProps) {
    super(scope, id);
    validateProps('repliform/VcdaSite', props, RULES, this);
    const backing = resolveBacking(this, props.backing);
    this.connection = {
      ...baseConnection(this, props, "the site's CA"),
      login_type: props.loginType ?? VcdaLoginType.VCD_CREDENTIALS,
      remote_credentials: props.remoteCredentials?.toSpec() ?? null,
      api_version: props.apiVersion ?? VCDA_DEFAULT_API_VERSION,
    };
    this.siteName = props.site;
    this.spec = { connection: this.connection, site: props.site };

    this.resource = new ManagedResource(this, 'site', {
      kind: VCDA_SITE_KIND,
      replaceOn: { kind: VCDA_SITE_KIND, site: props.site },
      spec: this.spec,
      createAction: 'create',
      backing,
    });
  }
}
