/**
 * repliform CDKTF constructs: declare which VMs are protected, where to, with what RPO and retention.
 * Import CDKTF things (App, TerraformStack, …) from `./cdktf` so that the core library is chosen in one place.
 */
export { Backing, BACKING_CONTEXT_KEY, COMMAND_CONTEXT_KEY, DEFAULT_BACKING, DEFAULT_COMMAND } from './backing';
export * from './cdktf';
export { Credentials } from './credentials';
export { ValidationError } from './errors';
export { LifecycleResource, SPEC_ENV_VAR } from './lifecycle-resource';
export type { LifecycleAction, LifecycleResourceProps, SpecObject } from './lifecycle-resource';
export { VR_PAIRING_KIND, VrPairing } from './vr-pairing';
export type { VrPairingCreateOptions, VrPairingProps, VrPairingTimeouts } from './vr-pairing';
export { VrReplication, VR_REPLICATION_KIND, VR_REPLICATION_SYNC_KIND, VrTargetDiskFormat } from './vr-replication';
export type { VrReplicationProps, VrReplicationTimeouts } from './vr-replication';
export { VrReplicationPolicy } from './vr-replication-policy';
export type { VrPointInTime, VrReplicationPolicyOverrides, VrReplicationPolicyProps } from './vr-replication-policy';
export { VrSeeds } from './vr-seeds';
export { validateProps } from './validation';
export type { ValidationRule } from './validation';
