// Original file: specs/terraform-plugin-protocol/tfplugin6.8.proto

import type { RawState as _tfplugin6_RawState, RawState__Output as _tfplugin6_RawState__Output } from '../tfplugin6/RawState';
import type { DynamicValue as _tfplugin6_DynamicValue, DynamicValue__Output as _tfplugin6_DynamicValue__Output } from '../tfplugin6/DynamicValue';
import type { Diagnostic as _tfplugin6_Diagnostic, Diagnostic__Output as _tfplugin6_Diagnostic__Output } from '../tfplugin6/Diagnostic';
import type { Long } from '@grpc/proto-loader';

export interface _tfplugin6_UpgradeResourceState_Request {
  'type_name'?: (string);
  'version'?: (number | string | Long);
  'raw_state'?: (_tfplugin6_RawState | null);
}

export interface _tfplugin6_UpgradeResourceState_Request__Output {
  'type_name': (string);
  'version': (number);
  'raw_state': (_tfplugin6_RawState__Output | null);
}

export interface _tfplugin6_UpgradeResourceState_Response {
  'upgraded_state'?: (_tfplugin6_DynamicValue | null);
  'diagnostics'?: (_tfplugin6_Diagnostic)[];
}

export interface _tfplugin6_UpgradeResourceState_Response__Output {
  'upgraded_state': (_tfplugin6_DynamicValue__Output | null);
  'diagnostics': (_tfplugin6_Diagnostic__Output)[];
}

export interface UpgradeResourceState {
}

export interface UpgradeResourceState__Output {
}
