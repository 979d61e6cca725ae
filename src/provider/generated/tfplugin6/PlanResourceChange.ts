// Original file: specs/terraform-plugin-protocol/tfplugin6.8.proto

import type { DynamicValue as _tfplugin6_DynamicValue, DynamicValue__Output as _tfplugin6_DynamicValue__Output } from '../tfplugin6/DynamicValue';
import type { ClientCapabilities as _tfplugin6_ClientCapabilities, ClientCapabilities__Output as _tfplugin6_ClientCapabilities__Output } from '../tfplugin6/ClientCapabilities';
import type { AttributePath as _tfplugin6_AttributePath, AttributePath__Output as _tfplugin6_AttributePath__Output } from '../tfplugin6/AttributePath';
import type { Diagnostic as _tfplugin6_Diagnostic, Diagnostic__Output as _tfplugin6_Diagnostic__Output } from '../tfplugin6/Diagnostic';
import type { Deferred as _tfplugin6_Deferred, Deferred__Output as _tfplugin6_Deferred__Output } from '../tfplugin6/Deferred';

export interface _tfplugin6_PlanResourceChange_Request {
  'type_name'?: (string);
  'prior_state'?: (_tfplugin6_DynamicValue | null);
  'proposed_new_state'?: (_tfplugin6_DynamicValue | null);
  'config'?: (_tfplugin6_DynamicValue | null);
  'prior_private'?: (Buffer | Uint8Array | string);
  'provider_meta'?: (_tfplugin6_DynamicValue | null);
  'client_capabilities'?: (_tfplugin6_ClientCapabilities | null);
}

export interface _tfplugin6_PlanResourceChange_Request__Output {
  'type_name': (string);
  'prior_state': (_tfplugin6_DynamicValue__Output | null);
  'proposed_new_state': (_tfplugin6_DynamicValue__Output | null);
  'config': (_tfplugin6_DynamicValue__Output | null);
  'prior_private': (Buffer);
  'provider_meta': (_tfplugin6_DynamicValue__Output | null);
  'client_capabilities': (_tfplugin6_ClientCapabilities__Output | null);
}

export interface _tfplugin6_PlanResourceChange_Response {
  'planned_state'?: (_tfplugin6_DynamicValue | null);
  'requires_replace'?: (_tfplugin6_AttributePath)[];
  'planned_private'?: (Buffer | Uint8Array | string);
  'diagnostics'?: (_tfplugin6_Diagnostic)[];
  'legacy_type_system'?: (boolean);
  'deferred'?: (_tfplugin6_Deferred | null);
}

export interface _tfplugin6_PlanResourceChange_Response__Output {
  'planned_state': (_tfplugin6_DynamicValue__Output | null);
  'requires_replace': (_tfplugin6_AttributePath__Output)[];
  'planned_private': (Buffer);
  'diagnostics': (_tfplugin6_Diagnostic__Output)[];
  'legacy_type_system': (boolean);
  'deferred': (_tfplugin6_Deferred__Output | null);
}

export interface PlanResourceChange {
}

export interface PlanResourceChange__Output {
}
