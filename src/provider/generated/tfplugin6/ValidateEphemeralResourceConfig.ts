// Original file: specs/terraform-plugin-protocol/tfplugin6.8.proto

import type { DynamicValue as _tfplugin6_DynamicValue, DynamicValue__Output as _tfplugin6_DynamicValue__Output } from '../tfplugin6/DynamicValue';
import type { Diagnostic as _tfplugin6_Diagnostic, Diagnostic__Output as _tfplugin6_Diagnostic__Output } from '../tfplugin6/Diagnostic';

export interface _tfplugin6_ValidateEphemeralResourceConfig_Request {
  'type_name'?: (string);
  'config'?: (_tfplugin6_DynamicValue | null);
}

export interface _tfplugin6_ValidateEphemeralResourceConfig_Request__Output {
  'type_name': (string);
  'config': (_tfplugin6_DynamicValue__Output | null);
}

export interface _tfplugin6_ValidateEphemeralResourceConfig_Response {
  'diagnostics'?: (_tfplugin6_Diagnostic)[];
}

export interface _tfplugin6_ValidateEphemeralResourceConfig_Response__Output {
  'diagnostics': (_tfplugin6_Diagnostic__Output)[];
}

export interface ValidateEphemeralResourceConfig {
}

export interface ValidateEphemeralResourceConfig__Output {
}
