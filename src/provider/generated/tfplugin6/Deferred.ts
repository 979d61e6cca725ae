// Original file: specs/terraform-plugin-protocol/tfplugin6.8.proto


// Original file: specs/terraform-plugin-protocol/tfplugin6.8.proto

export const _tfplugin6_Deferred_Reason = {
  UNKNOWN: 'UNKNOWN',
  RESOURCE_CONFIG_UNKNOWN: 'RESOURCE_CONFIG_UNKNOWN',
  PROVIDER_CONFIG_UNKNOWN: 'PROVIDER_CONFIG_UNKNOWN',
  ABSENT_PREREQ: 'ABSENT_PREREQ',
} as const;

export type _tfplugin6_Deferred_Reason =
  | 'UNKNOWN'
  | 0
  | 'RESOURCE_CONFIG_UNKNOWN'
  | 1
  | 'PROVIDER_CONFIG_UNKNOWN'
  | 2
  | 'ABSENT_PREREQ'
  | 3

export type _tfplugin6_Deferred_Reason__Output = typeof _tfplugin6_Deferred_Reason[keyof typeof _tfplugin6_Deferred_Reason]

export interface Deferred {
  'reason'?: (_tfplugin6_Deferred_Reason);
}

export interface Deferred__Output {
  'reason': (_tfplugin6_Deferred_Reason__Output);
}
