/** vSphere Replication constructs: a pairing, the replications over it, their policy and seeds. */
export { VR_PAIRING_KIND, VrPairing } from './pairing';
export type { VrPairingCreateOptions, VrPairingProps, VrPairingTimeouts } from './pairing';
export { VrReplication, VR_REPLICATION_KIND, VR_REPLICATION_SYNC_KIND, VrTargetDiskFormat } from './replication';
export type { VrReplicationProps, VrReplicationTimeouts } from './replication';
export { VrReplicationPolicy } from './replication-policy';
export type { VrPointInTime, VrReplicationPolicyOverrides, VrReplicationPolicyProps } from './replication-policy';
export { VrSeeds } from './seeds';
