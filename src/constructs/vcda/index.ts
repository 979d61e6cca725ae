/** Cloud Director Availability constructs: a site, and the VM replications from it. */
export { VCDA_SITE_KIND, VcdaLoginType, VcdaSite } from './site';
export type { VcdaSiteProps } from './site';
export { VCDA_REPLICATION_KIND, VcdaDataConnectionType, VcdaReplication, VcdaTargetDiskType } from './replication';
export type { VcdaReplicationProps, VcdaReplicationTimeouts } from './replication';
export { VCDA_TEST_FAILOVER_KIND, VcdaRecoveryPoint, VcdaTestFailover } from './test-failover';
export type { VcdaTestFailoverProps, VcdaTestFailoverTimeouts, VcdaTestNetworkMapping } from './test-failover';
