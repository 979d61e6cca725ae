import { Construct } from 'constructs';
import type { ConnectionSpec, PairingRef } from '../../resources/vr/connection';
import type { VrPairingSpecInput } from '../../resources/vr/pairing/schema';
import { Backing, resolveBacking } from '../backing';
import { baseConnection, caBundleRules } from '../connection';
import { Credentials, credentialsRules } from '../credentials';
import { ManagedResource } from '../managed-resource';
import { timeoutRules, timeoutsToSpec } from '../timeouts';
import {
  describeExclusive,
  exactlyOne,
  isAbsentOrNonEmptyString,
  isHttpUrl,
  isIntegerBetween,
  isNonEmptyString,
  terraformSafeRules,
  validateProps,
  type ValidationRule,
} from '../validation';

/** The lifecycle kind synthesized by {@link VrPairing}. */
export const VR_PAIRING_KIND = 'vr.pairing';

/** Creating a pairing when none is found (opt-in). */
export interface VrPairingCreateOptions {
  /** The remote vCenter's uuid (`PairingSpec.pair_vc_id`). */
  readonly remoteVcId: string;
  /** The remote Platform Services Controller / vCenter SSO URL. */
  readonly pscUrl: string;
  /**
   * The remote PSC port.
   * @default 443
   */
  readonly pscPort?: number;
  /**
   * The remote PSC certificate thumbprint to trust.
   * @default - the thumbprint is not pinned (the appliance verifies the certificate itself)
   */
  readonly pscThumbprint?: string;
  /** Credentials of the remote site's SSO administrator (environment variable names). */
  readonly credentials: Credentials;
}

/** How long the CLI waits on pairing tasks. */
export interface VrPairingTimeouts {
  /**
   * Wait for the look-up or the creation of the pairing.
   * @default 30
   */
  readonly createMinutes?: number;
  /**
   * Wait for the deletion of the pairing (only with `deleteOnDestroy`).
   * @default 30
   */
  readonly deleteMinutes?: number;
}

/** Props of {@link VrPairing}. */
export interface VrPairingProps {
  /** Base URL of the local vSphere Replication appliance, e.g. `https://vr-a.example.local`. */
  readonly endpoint: string;
  /** Credentials for the local site (environment variable names, read by the CLI at deploy time). */
  readonly credentials: Credentials;
  /**
   * Credentials for the remote site's SSO (the VR remote session).
   * @default - the local credentials
   */
  readonly remoteCredentials?: Credentials;
  /**
   * The pairing's id. Set exactly one of `pairingId` and `remoteSite`.
   * @default - the pairing is looked up by `remoteSite`
   */
  readonly pairingId?: string;
  /**
   * The remote site's vCenter (or VRMS site) name, e.g. `vc-b.example.local`. Set exactly one of
   * `pairingId` and `remoteSite`.
   * @default - the pairing is looked up by `pairingId`
   */
  readonly remoteSite?: string;
  /**
   * The local site's name as the other site's pairing names it in `remoteSite` (its vCenter name, e.g.
   * `vc-a.example.local`). Only `repliform review` uses it: with it set on both sides of two-way
   * protection, each site is one box in the review's picture. Changing it changes nothing on the appliance;
   * but with `Backing.NULL_RESOURCE`, whose triggers hold the connection, setting it on a deployed
   * pairing replaces its replications (a full resync, which the review flags): set it on the first deploy.
   * @default - the review names the local site after the endpoint's host
   */
  readonly localSite?: string;
  /**
   * A PEM file of CAs to trust in addition to the system store, as a path on the machine that runs
   * Terraform (relative paths resolve against its working directory; use forward slashes on Windows).
   * @default - the system trust store only
   */
  readonly caBundleFile?: string;
  /**
   * Skip TLS certificate verification. Adds a warning annotation; the CLI warns on every run too.
   * @default false
   */
  readonly insecure?: boolean;
  /**
   * Create the pairing when the look-up by `remoteSite` finds none. Requires `remoteSite`.
   * @default - never creates a pairing, only looks it up (and fails if it does not exist)
   */
  readonly createIfMissing?: VrPairingCreateOptions;
  /**
   * Delete the pairing when this resource is destroyed. A pairing is shared by every replication
   * between the two sites, so it is never deleted unless asked.
   * @default false
   */
  readonly deleteOnDestroy?: boolean;
  /**
   * How long the CLI waits on pairing tasks.
   * @default - 30 minutes to create, 30 minutes to delete
   */
  readonly timeouts?: VrPairingTimeouts;
  /**
   * The Terraform resource type carrying the lifecycle.
   * @default - the `repliform:backing` context, else Backing.PROVIDER
   */
  readonly backing?: Backing;
}

const DEFAULT_TIMEOUTS: Required<VrPairingTimeouts> = { createMinutes: 30, deleteMinutes: 30 };
const DEFAULT_PSC_PORT = 443;

const RULES: ReadonlyArray<ValidationRule<VrPairingProps>> = [
  {
    field: 'endpoint',
    value: (p) => p.endpoint,
    condition: isHttpUrl,
    message: 'must be an http(s) URL such as https://vr-a.example.local',
  },
  ...credentialsRules<VrPairingProps>('credentials', (p) => p.credentials),
  ...credentialsRules<VrPairingProps>('remoteCredentials', (p) => p.remoteCredentials),
  {
    field: 'pairingId/remoteSite',
    value: (p) => [p.pairingId, p.remoteSite],
    condition: (_v, p) => exactlyOne(p.pairingId, p.remoteSite),
    message: 'exactly one of pairingId or remoteSite must be set',
    got: (_v, p) => describeExclusive(['pairingId', 'remoteSite'], [p.pairingId, p.remoteSite]),
  },
  { field: 'pairingId', value: (p) => p.pairingId, condition: isAbsentOrNonEmptyString, message: 'must be a non-empty pairing id' },
  {
    field: 'remoteSite',
    value: (p) => p.remoteSite,
    condition: isAbsentOrNonEmptyString,
    message: "must be a non-empty vCenter name such as 'vc-b.example.local'",
  },
  {
    field: 'localSite',
    value: (p) => p.localSite,
    condition: isAbsentOrNonEmptyString,
    message: "must be a non-empty vCenter name such as 'vc-a.example.local'",
  },
  ...caBundleRules<VrPairingProps>(),
  {
    field: 'createIfMissing',
    value: (p) => p.createIfMissing,
    condition: (v, p) => v === undefined || p.pairingId === undefined,
    message: 'needs remoteSite to find the created pairing again (a new pairing gets a new id), not pairingId',
    got: (_v, p) => `pairingId '${String(p.pairingId)}'`,
  },
  {
    field: 'createIfMissing.remoteVcId',
    value: (p) => p.createIfMissing?.remoteVcId,
    condition: (v, p) => p.createIfMissing === undefined || isNonEmptyString(v),
    message: "must be the remote vCenter's uuid",
  },
  {
    field: 'createIfMissing.pscUrl',
    value: (p) => p.createIfMissing?.pscUrl,
    condition: (v, p) => p.createIfMissing === undefined || isNonEmptyString(v),
    message: 'must be the remote PSC / SSO URL',
  },
  {
    field: 'createIfMissing.pscPort',
    value: (p) => p.createIfMissing?.pscPort,
    condition: (v) => v === undefined || isIntegerBetween(v, 1, 65535),
    message: 'must be an integer between 1 and 65535',
  },
  {
    field: 'createIfMissing.pscThumbprint',
    value: (p) => p.createIfMissing?.pscThumbprint,
    condition: isAbsentOrNonEmptyString,
    message: 'must be a non-empty certificate thumbprint',
  },
  ...credentialsRules<VrPairingProps>('createIfMissing.credentials', (p) => p.createIfMissing?.credentials),
  ...terraformSafeRules<VrPairingProps>([
    ['endpoint', (p) => p.endpoint],
    ['pairingId', (p) => p.pairingId],
    ['remoteSite', (p) => p.remoteSite],
    ['localSite', (p) => p.localSite],
    ['caBundleFile', (p) => p.caBundleFile],
    ['createIfMissing.remoteVcId', (p) => p.createIfMissing?.remoteVcId],
    ['createIfMissing.pscUrl', (p) => p.createIfMissing?.pscUrl],
    ['createIfMissing.pscThumbprint', (p) => p.createIfMissing?.pscThumbprint],
  ]),
  ...timeoutRules<VrPairingProps, VrPairingTimeouts>((p) => p.timeouts, ['createMinutes', 'deleteMinutes']),
];

/**
 * A vSphere Replication pairing between the local site and a remote one: looked up (by id or by the
 * remote vCenter name), optionally created, and shared by every {@link VrReplication} between the two.
 *
 * Synthesizes ONE lifecycle resource of kind `vr.pairing` (construct id `<id>/pairing`):
 * replaced when the pairing reference changes; create = `repliform lifecycle create vr.pairing`
 * (find, or create when `createIfMissing`); destroy = `repliform lifecycle delete vr.pairing`, which does
 * nothing unless `deleteOnDestroy`.
 *
 * @example
 * const pairing = new VrPairing(stack, 'site-a-to-b', {
 *   endpoint: 'https://vr-a.example.local',
 *   credentials: Credentials.fromEnv('VR_SITE_A_USER', 'VR_SITE_A_PASSWORD'),
 *   remoteSite: 'vc-b.example.local',
 * });
 */
export class VrPairing extends Construct {
  /** How the CLI reaches the local appliance (no secrets: environment variable names only). */
  public readonly connection: ConnectionSpec;
  /** Which pairing replications use: `{ id, remote_site }`, exactly one set. */
  public readonly pairingRef: PairingRef;
  /** The full spec synthesized into the lifecycle resource. */
  public readonly spec: VrPairingSpecInput;
  /** The lifecycle resource (replications depend on it). */
  public readonly resource: ManagedResource;

  constructor(scope: Construct, id: string, props: VrPairingProps) {
    super(scope, id);
    validateProps('repliform/VrPairing', props, RULES, this);
    const backing = resolveBacking(this, props.backing);

    const { endpoint, credentials, ca_bundle_file, insecure } = baseConnection(this, props, 'the appliance CA');
    this.connection = {
      endpoint,
      credentials,
      remote_credentials: props.remoteCredentials?.toSpec() ?? null,
      ca_bundle_file,
      insecure,
      // Only when set: an existing deployment's spec stays as it was.
      ...(props.localSite === undefined ? {} : { local_site: props.localSite }),
    };
    this.pairingRef = { id: props.pairingId ?? null, remote_site: props.remoteSite ?? null };

    const create = props.createIfMissing;
    this.spec = {
      connection: this.connection,
      pairing: this.pairingRef,
      create: create
        ? {
            remote_vc_id: create.remoteVcId,
            psc_url: create.pscUrl,
            psc_port: create.pscPort ?? DEFAULT_PSC_PORT,
            psc_thumbprint: create.pscThumbprint ?? null,
            credentials: create.credentials.toSpec(),
          }
        : null,
      delete_on_destroy: props.deleteOnDestroy ?? false,
      timeouts: timeoutsToSpec(props.timeouts, DEFAULT_TIMEOUTS),
    };

    this.resource = new ManagedResource(this, 'pairing', {
      kind: VR_PAIRING_KIND,
      replaceOn: { kind: VR_PAIRING_KIND, pairing: this.pairingRef },
      spec: this.spec,
      destroySpec: this.spec,
      createAction: 'create',
      destroyAction: 'delete',
      backing,
    });
  }
}
