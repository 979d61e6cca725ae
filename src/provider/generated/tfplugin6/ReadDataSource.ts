// Original file: specs/terraform-plugin-protocol/tfplugin6.8.proto

import type { DynamicValue as _tfplugin6_DynamicValue, DynamicValue__Output as _tfplugin6_DynamicValue__Output } from '../tfplugin6/DynamicValue';
import type { ClientCapabilities as _tfplugin6_ClientCapabilities, ClientCapabilities__Output as _tfplugin6_ClientCapabilities__Output } from '../tfplugin6/ClientCapabilities';
import type { Diagnostic as _tfplugin6_Diagnostic, Diagnostic__Output as _tfplugin6_Diagnostic__Output } from '../tfplugin6/Diagnostic';
import type { Deferred as _tfplugin6_Deferred, Deferred__Output as _tfplugin6_Deferred__Output } from '../tfplugin6/Deferred';

export interface _tfplugin6_ReadDataSource_Request {
  'type_name'?: (string);
  'config'?: (_tfplugin6_DynamicValue | null);
  'provider_meta'?: (_tfplugin6_DynamicValue | null);
  'client_capabilities'?: (_tfplugin6_ClientCapabilities | null);
}

export interface _tfplugin6_ReadDataSource_Request__Output {
  'type_name': (string);
  'config': (_tfplugin6_DynamicValue__Output | null);
  'provider_meta': (_tfplugin6_DynamicValue__Output | null);
  'client_capabilities': (_tfplugin6_ClientCapabilities__Output | null);
}

export interface _tfplugin6_ReadDataSource_Response {
  'state'?: (_tfplugin6_DynamicValue | null);
  'diagnostics'?: (_tfplugin6_Diagnostic)[];
  'deferred'?: (_tfplugin6_Deferred | null);
}

export interface _tfplugin6_ReadDataSource_Response__Output {
  'state': (_tfplugin6_DynamicValue__Output | null);
  'diagnostics': (_tfplugin6_Diagnostic__Output)[];
  'deferred': (_tfplugin6_Deferred__Output | null);
}

export interface ReadDataSource {
}

export interface ReadDataSource__Output {
}
