import {
  Backing,
  BACKING_CONTEXT_KEY,
  Credentials,
  ManagedResource,
  TerraformStack,
  Testing,
  VrPairing,
  type VrPairingProps,
  VrReplication,
  type VrReplicationProps,
} from '../../src/constructs';

/** A resource block as synthesized (only the keys the tests look at are typed). */
export interface TfResource {
  readonly depends_on?: string[];
  /** The provider backing's escape block: spec fields whose names Terraform reserves (`connection`). */
  readonly _?: Record<string, unknown>;
  readonly input?: Record<string, unknown>;
  readonly triggers_replace?: Record<string, unknown>;
  readonly triggers?: Record<string, string>;
  readonly provisioner: Array<{
    'local-exec': { command: string; environment: Record<string, string>; when?: string };
  }>;
}

/** The synthesized Terraform JSON. */
export interface TfJson {
  readonly resource: Record<string, Record<string, TfResource>>;
  readonly provider?: Record<string, unknown>;
  readonly terraform?: { required_providers?: Record<string, unknown> };
}

/**
 * The context that selects the lifecycle backing (`terraform_data`). The provider is the default backing; the
 * tests of the lifecycle backings say so, the provider backing's tests (provider-backing.test.ts) do too.
 */
export const LIFECYCLE_CONTEXT: Readonly<Record<string, unknown>> = { [BACKING_CONTEXT_KEY]: Backing.TERRAFORM_DATA };

/** A stack in a fresh test app with the lifecycle backing unless the context says otherwise. */
export function newStack(context?: Record<string, unknown>): TerraformStack {
  return new TerraformStack(Testing.app({ context: { ...LIFECYCLE_CONTEXT, ...context } }), 'stack');
}

/** Synthesizes the stack and parses the JSON (metadata stripped). */
export function synth(stack: TerraformStack): TfJson {
  return JSON.parse(Testing.synth(stack)) as TfJson;
}

/** The synthesized block of one lifecycle resource. */
export function block(json: TfJson, lifecycle: ManagedResource): TfResource {
  const type = lifecycle.resource.terraformResourceType;
  const found = json.resource[type]?.[lifecycle.resource.friendlyUniqueId];
  if (!found) throw new Error(`no ${type}.${lifecycle.resource.friendlyUniqueId} in the synthesized JSON`);
  return found;
}

/** The Terraform address of a lifecycle resource, as used in depends_on. */
export function address(lifecycle: ManagedResource): string {
  return `${lifecycle.resource.terraformResourceType}.${lifecycle.resource.friendlyUniqueId}`;
}

export const SITE_A = Credentials.fromEnv('VR_SITE_A_USER', 'VR_SITE_A_PASSWORD');

export function pairing(stack: TerraformStack, props: Partial<VrPairingProps> = {}, id = 'site-a-to-b'): VrPairing {
  return new VrPairing(stack, id, {
    endpoint: 'https://vr-a.example.local',
    credentials: SITE_A,
    remoteSite: 'vc-b.example.local',
    ...props,
  });
}

export function replication(
  stack: TerraformStack,
  props: Partial<VrReplicationProps> = {},
  id = 'web-01',
  p?: VrPairing,
): VrReplication {
  const over = props.pairing ?? p ?? pairing(stack);
  return new VrReplication(stack, id, { vmName: 'web-01', targetDatastore: 'ds-b-01', ...props, pairing: over });
}

export { Backing };
