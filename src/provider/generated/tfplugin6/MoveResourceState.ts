// Original file: specs/terraform-plugin-protocol/tfplugin6.8.proto

import type { RawState as _tfplugin6_RawState, RawState__Output as _tfplugin6_RawState__Output } from '../tfplugin6/RawState';
import type { DynamicValue as _tfplugin6_DynamicValue, DynamicValue__Output as _tfplugin6_DynamicValue__Output } from '../tfplugin6/DynamicValue';
import type { Diagnostic as _tfplugin6_Diagnostic, Diagnostic__Output as _tfplugin6_Diagnostic__Output } from '../tfplugin6/Diagnostic';
import type { Long } from '@grpc/proto-loader';

export interface _tfplugin6_MoveResourceState_Request {
  'source_provider_address'?: (string);
  'source_type_name'?: (string);
  'source_schema_version'?: (number | string | Long);
  'source_state'?: (_tfplugin6_RawState | null);
  'target_type_name'?: (string);
  'source_private'?: (Buffer | Uint8Array | string);
}

export interface _tfplugin6_MoveResourceState_Request__Output {
  'source_provider_address': (string);
  'source_type_name': (string);
  'source_schema_version': (number);
  'source_state': (_tfplugin6_RawState__Output | null);
  'target_type_name': (string);
  'source_private': (Buffer);
}

export interface _tfplugin6_MoveResourceState_Response {
  'target_state'?: (_tfplugin6_DynamicValue | null);
  'diagnostics'?: (_tfplugin6_Diagnostic)[];
  'target_private'?: (Buffer | Uint8Array | string);
}

export interface _tfplugin6_MoveResourceState_Response__Output {
  'target_state': (_tfplugin6_DynamicValue__Output | null);
  'diagnostics': (_tfplugin6_Diagnostic__Output)[];
  'target_private': (Buffer);
}

export interface MoveResourceState {
}

export interface MoveResourceState__Output {
}
