// Original file: specs/terraform-plugin-protocol/tfplugin6.8.proto

import type { Schema as _tfplugin6_Schema, Schema__Output as _tfplugin6_Schema__Output } from '../tfplugin6/Schema';
import type { Function as _tfplugin6_Function, Function__Output as _tfplugin6_Function__Output } from '../tfplugin6/Function';
import type { Diagnostic as _tfplugin6_Diagnostic, Diagnostic__Output as _tfplugin6_Diagnostic__Output } from '../tfplugin6/Diagnostic';
import type { ServerCapabilities as _tfplugin6_ServerCapabilities, ServerCapabilities__Output as _tfplugin6_ServerCapabilities__Output } from '../tfplugin6/ServerCapabilities';

export interface _tfplugin6_GetProviderSchema_Request {
}

export interface _tfplugin6_GetProviderSchema_Request__Output {
}

export interface _tfplugin6_GetProviderSchema_Response {
  'provider'?: (_tfplugin6_Schema | null);
  'resource_schemas'?: ({[key: string]: _tfplugin6_Schema});
  'data_source_schemas'?: ({[key: string]: _tfplugin6_Schema});
  'functions'?: ({[key: string]: _tfplugin6_Function});
  'ephemeral_resource_schemas'?: ({[key: string]: _tfplugin6_Schema});
  'diagnostics'?: (_tfplugin6_Diagnostic)[];
  'provider_meta'?: (_tfplugin6_Schema | null);
  'server_capabilities'?: (_tfplugin6_ServerCapabilities | null);
}

export interface _tfplugin6_GetProviderSchema_Response__Output {
  'provider': (_tfplugin6_Schema__Output | null);
  'resource_schemas': ({[key: string]: _tfplugin6_Schema__Output});
  'data_source_schemas': ({[key: string]: _tfplugin6_Schema__Output});
  'functions': ({[key: string]: _tfplugin6_Function__Output});
  'ephemeral_resource_schemas': ({[key: string]: _tfplugin6_Schema__Output});
  'diagnostics': (_tfplugin6_Diagnostic__Output)[];
  'provider_meta': (_tfplugin6_Schema__Output | null);
  'server_capabilities': (_tfplugin6_ServerCapabilities__Output | null);
}

export interface GetProviderSchema {
}

export interface GetProviderSchema__Output {
}
