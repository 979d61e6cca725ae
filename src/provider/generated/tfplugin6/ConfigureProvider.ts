// Original file: specs/terraform-plugin-protocol/tfplugin6.8.proto

import type { DynamicValue as _tfplugin6_DynamicValue, DynamicValue__Output as _tfplugin6_DynamicValue__Output } from '../tfplugin6/DynamicValue';
import type { ClientCapabilities as _tfplugin6_ClientCapabilities, ClientCapabilities__Output as _tfplugin6_ClientCapabilities__Output } from '../tfplugin6/ClientCapabilities';
import type { Diagnostic as _tfplugin6_Diagnostic, Diagnostic__Output as _tfplugin6_Diagnostic__Output } from '../tfplugin6/Diagnostic';

export interface _tfplugin6_ConfigureProvider_Request {
  'terraform_version'?: (string);
  'config'?: (_tfplugin6_DynamicValue | null);
  'client_capabilities'?: (_tfplugin6_ClientCapabilities | null);
}

export interface _tfplugin6_ConfigureProvider_Request__Output {
  'terraform_version': (string);
  'config': (_tfplugin6_DynamicValue__Output | null);
  'client_capabilities': (_tfplugin6_ClientCapabilities__Output | null);
}

export interface _tfplugin6_ConfigureProvider_Response {
  'diagnostics'?: (_tfplugin6_Diagnostic)[];
}

export interface _tfplugin6_ConfigureProvider_Response__Output {
  'diagnostics': (_tfplugin6_Diagnostic__Output)[];
}

export interface ConfigureProvider {
}

export interface ConfigureProvider__Output {
}
