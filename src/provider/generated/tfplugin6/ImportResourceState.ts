// Original file: specs/terraform-plugin-protocol/tfplugin6.8.proto

import type { ClientCapabilities as _tfplugin6_ClientCapabilities, ClientCapabilities__Output as _tfplugin6_ClientCapabilities__Output } from '../tfplugin6/ClientCapabilities';
import type { DynamicValue as _tfplugin6_DynamicValue, DynamicValue__Output as _tfplugin6_DynamicValue__Output } from '../tfplugin6/DynamicValue';
import type { Diagnostic as _tfplugin6_Diagnostic, Diagnostic__Output as _tfplugin6_Diagnostic__Output } from '../tfplugin6/Diagnostic';
import type { Deferred as _tfplugin6_Deferred, Deferred__Output as _tfplugin6_Deferred__Output } from '../tfplugin6/Deferred';

export interface _tfplugin6_ImportResourceState_ImportedResource {
  'type_name'?: (string);
  'state'?: (_tfplugin6_DynamicValue | null);
  'private'?: (Buffer | Uint8Array | string);
}

export interface _tfplugin6_ImportResourceState_ImportedResource__Output {
  'type_name': (string);
  'state': (_tfplugin6_DynamicValue__Output | null);
  'private': (Buffer);
}

export interface _tfplugin6_ImportResourceState_Request {
  'type_name'?: (string);
  'id'?: (string);
  'client_capabilities'?: (_tfplugin6_ClientCapabilities | null);
}

export interface _tfplugin6_ImportResourceState_Request__Output {
  'type_name': (string);
  'id': (string);
  'client_capabilities': (_tfplugin6_ClientCapabilities__Output | null);
}

export interface _tfplugin6_ImportResourceState_Response {
  'imported_resources'?: (_tfplugin6_ImportResourceState_ImportedResource)[];
  'diagnostics'?: (_tfplugin6_Diagnostic)[];
  'deferred'?: (_tfplugin6_Deferred | null);
}

export interface _tfplugin6_ImportResourceState_Response__Output {
  'imported_resources': (_tfplugin6_ImportResourceState_ImportedResource__Output)[];
  'diagnostics': (_tfplugin6_Diagnostic__Output)[];
  'deferred': (_tfplugin6_Deferred__Output | null);
}

export interface ImportResourceState {
}

export interface ImportResourceState__Output {
}
