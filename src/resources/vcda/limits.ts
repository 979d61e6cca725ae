/**
 * VCDA limits and closed sets, shared by synth-time validation (constructs) and the CLI's spec parsing.
 * Kept free of imports so the CLI loads it without CDKTF.
 */
export const VCDA_LIMITS = {
  /** `rpo` in minutes: VCDA offers RPOs from 1 minute up to 24 hours. */
  rpoMinutes: { min: 1, max: 1440 },
  /** Retention rules: instances kept per rule, and how many rules a policy has. */
  instancesPerRule: { min: 1, max: 24 },
  rules: { min: 1, max: 5 },
} as const;

/** `dataConnectionType`: "Can be PLAIN, ENCRYPTED or ENCRYPTED_COMPRESSED". */
export const VCDA_DATA_CONNECTION_TYPES = ['PLAIN', 'ENCRYPTED', 'ENCRYPTED_COMPRESSED'] as const;
export type VcdaDataConnectionType = (typeof VCDA_DATA_CONNECTION_TYPES)[number];

/** `targetDiskType`: "Possible values are: [THIN, PREALLOCATED, PREALLOCATED_ZEROS]. Default value is: THIN". */
export const VCDA_DISK_TYPES = ['THIN', 'PREALLOCATED', 'PREALLOCATED_ZEROS'] as const;
export type VcdaDiskType = (typeof VCDA_DISK_TYPES)[number];
