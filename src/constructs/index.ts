/**
 * repliform CDKTF constructs: declare which VMs are protected, where to, with what RPO and retention.
 * Import CDKTF things (App, TerraformStack, …) from `./cdktf` so that the core library is chosen in one place.
 */
export { Backing, BACKING_CONTEXT_KEY, COMMAND_CONTEXT_KEY, DEFAULT_BACKING, DEFAULT_COMMAND } from './backing';
export * from './cdktf';
export { AkSkCredentials, Credentials, TokenCredentials } from './credentials';
export { ValidationError } from './errors';
export { ManagedResource, SPEC_ENV_VAR } from './managed-resource';
export type { ProvisionerAction, ManagedResourceProps, SpecObject } from './managed-resource';
/** @deprecated since 0.1: the resource is not only a lifecycle's (the provider backing has none); use ManagedResource. */
export { ManagedResource as LifecycleResource } from './managed-resource';
/** @deprecated since 0.1: use ManagedResourceProps. */
export type { ManagedResourceProps as LifecycleResourceProps } from './managed-resource';
export { pointInTimeRetention, ReplicationPolicy } from './replication-policy';
export type { ReplicationPolicyOverrides, ReplicationPolicyProps, RetentionRule } from './replication-policy';
export * from './sdrs';
export * from './vcda';
export * from './vr';
export { validateProps } from './validation';
export type { ValidationRule } from './validation';
