/** Huawei Cloud SDRS constructs: a protection group, its replication pairs, protected instances, protection and DR drills. */
export { SDRS_PROTECTION_GROUP_KIND, SdrsDrType, SdrsProtectionGroup } from './group';
export type { SdrsProtectionGroupProps } from './group';
export { SDRS_REPLICATION_PAIR_KIND, SdrsReplicationPair } from './replication-pair';
export type { SdrsReplicationPairProps } from './replication-pair';
export { SDRS_PROTECTED_INSTANCE_KIND, SDRS_REPLICATION_ATTACHMENT_KIND, SdrsProtectedInstance } from './protected-instance';
export type { SdrsAttachment, SdrsProtectedInstanceProps } from './protected-instance';
export { SDRS_PROTECTION_KIND, SdrsProtection } from './protection';
export type { SdrsProtectionProps } from './protection';
export { SDRS_DRILL_KIND, SdrsDrill } from './drill';
export type { SdrsDrillProps } from './drill';
export type { SdrsTimeouts } from './rules';
