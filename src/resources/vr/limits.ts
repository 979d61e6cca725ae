/**
 * Product limits shared by synth-time validation (constructs) and run-time validation (CLI specs).
 * Kept free of imports so that the CLI can load it without pulling in CDKTF.
 */
export const VR_LIMITS = {
  /** ConfigureReplicationSpec.rpo: minimum 5, maximum 1440 minutes (OpenAPI spec). */
  rpoMinutes: { min: 5, max: 1440 },
  /** vSphere Replication keeps at most 24 point-in-time instances in total (instances per day × days). */
  pointInTimeInstancesTotal: 24,
} as const;

/** Destination disk formats accepted by ConfigureReplicationVmDisk.destination_disk_format. */
export const VR_DISK_FORMATS = [
  'SAME_AS_SOURCE',
  'SAME_AS_PRIMARY',
  'AS_DEFINED_IN_PROFILE',
  'FLAT',
  'THICK',
  'NATIVE_THICK',
  'THIN',
  'RDM',
] as const;
export type VrDiskFormat = (typeof VR_DISK_FORMATS)[number];

/** How a replication's seeds (pre-copied disks on the target) are chosen. */
export const VR_SEED_MODES = ['none', 'find', 'explicit'] as const;
export type VrSeedMode = (typeof VR_SEED_MODES)[number];
