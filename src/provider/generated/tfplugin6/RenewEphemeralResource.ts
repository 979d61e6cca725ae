// Original file: specs/terraform-plugin-protocol/tfplugin6.8.proto

import type { Diagnostic as _tfplugin6_Diagnostic, Diagnostic__Output as _tfplugin6_Diagnostic__Output } from '../tfplugin6/Diagnostic';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../google/protobuf/Timestamp';

export interface _tfplugin6_RenewEphemeralResource_Request {
  'type_name'?: (string);
  'private'?: (Buffer | Uint8Array | string);
  '_private'?: "private";
}

export interface _tfplugin6_RenewEphemeralResource_Request__Output {
  'type_name': (string);
  'private'?: (Buffer);
  '_private'?: "private";
}

export interface _tfplugin6_RenewEphemeralResource_Response {
  'diagnostics'?: (_tfplugin6_Diagnostic)[];
  'renew_at'?: (_google_protobuf_Timestamp | null);
  'private'?: (Buffer | Uint8Array | string);
  '_renew_at'?: "renew_at";
  '_private'?: "private";
}

export interface _tfplugin6_RenewEphemeralResource_Response__Output {
  'diagnostics': (_tfplugin6_Diagnostic__Output)[];
  'renew_at'?: (_google_protobuf_Timestamp__Output | null);
  'private'?: (Buffer);
  '_renew_at'?: "renew_at";
  '_private'?: "private";
}

export interface RenewEphemeralResource {
}

export interface RenewEphemeralResource__Output {
}
