/**
 * The spec types and identity/settings fields the SDRS constructs synthesize, from the kinds' schemas (the single
 * statement of each kind's identity and settings).
 */
export type { SdrsConnectionSpec } from '../../resources/sdrs/connection';
export type { SdrsGroupRef, SdrsInstanceRef, SdrsPairRef } from '../../resources/sdrs/spec-common';
export { sdrsDrillFields, type SdrsDrillSpec } from '../../resources/sdrs/drill/schema';
export { sdrsProtectedInstanceFields, type SdrsProtectedInstanceSpec } from '../../resources/sdrs/protected-instance/schema';
export { sdrsProtectionGroupFields, type SdrsProtectionGroupSpec } from '../../resources/sdrs/protection-group/schema';
export { sdrsProtectionFields, type SdrsProtectionSpec } from '../../resources/sdrs/protection/schema';
export { sdrsReplicationAttachmentFields, type SdrsReplicationAttachmentSpec } from '../../resources/sdrs/replication-attachment/schema';
export { sdrsReplicationPairFields, type SdrsReplicationPairSpec } from '../../resources/sdrs/replication-pair/schema';
